"""Charts drawn on the server as SVG geometry (pure: numbers in, shapes out)."""

from __future__ import annotations

from dataclasses import dataclass

from app.web.display import MONTHS

LEFT, BOTTOM, TOP = 36, 18, 8  # room for the scale, the years and the tallest bar's top


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: str  # "2019-04"
    count: int

    @property
    def label(self) -> str:
        """What the bar says when pointed at: "April 2019: 3 articles"."""
        return f"{self.name}: {self.count} article{'' if self.count == 1 else 's'}"

    @property
    def name(self) -> str:
        """The month as the site writes it: "April 2019"."""
        return f"{MONTHS[int(self.month[5:])]} {self.month[:4]}"


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    sparse: bool = False  # also kept on a phone, where labels are larger and fewer


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    left: float  # the x of the axis's start, right of the scale
    base: float  # the y of the axis
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]  # one per year, at its first month shown
    peak: int

    @property
    def summary(self) -> str:
        """The chart in words, for those who cannot see it."""
        first, last = self.bars[0].name, self.bars[-1].name
        total = sum(b.count for b in self.bars)
        busiest = max(self.bars, key=lambda b: b.count)
        return (
            f"{total:,} article{'' if total == 1 else 's'} from {first} to {last}; the most in "
            f"one month was {busiest.count:,}, in {busiest.name}"
        )


def monthly(timeline: list[tuple[str, int]], width: int = 640, height: int = 160) -> Chart | None:
    """Bars for articles a month, scaled to fit; None when there is nothing to draw."""
    if not timeline:
        return None
    peak = max(count for _, count in timeline) or 1
    slot = (width - LEFT) / len(timeline)
    gap = slot * 0.15 if slot > 3 else 0
    base = height - BOTTOM
    bars, ticks = [], []
    for i, (month, count) in enumerate(timeline):
        x = LEFT + i * slot
        tall = (base - TOP) * count / peak
        bars.append(Bar(round(x + gap / 2, 2), round(base - tall, 2), round(slot - gap, 2),
                        round(tall, 2), month, count))  # fmt: skip
        if i == 0 or month.endswith("-01"):
            ticks.append(Tick(round(x, 2), month[:4]))
    return Chart(width, height, LEFT, base, tuple(bars), _spaced(ticks), peak)


def _spaced(ticks: list[Tick], room: float = 34, phone_room: float = 64) -> tuple[Tick, ...]:
    """Year labels far enough apart to read: a long timeline labels every few years, and
    on a phone (labels drawn twice as large to stay 11 px tall) fewer still."""
    kept = _apart(ticks, room)
    sparse = {tick.x for tick in _apart(kept, phone_room)}
    return tuple(Tick(tick.x, tick.label, tick.x in sparse) for tick in kept)


def _apart(ticks: list[Tick], room: float) -> list[Tick]:
    kept: list[Tick] = []
    for tick in ticks:
        if not kept or tick.x - kept[-1].x >= room:
            kept.append(tick)
    return kept
