"""Generate a deterministic corpus of article files in the seed layout, for benchmarks.

    python -m bench.corpus N OUTDIR [--seed S] [--jobs J]

writes OUTDIR/000/000000.txt … (a thousand files per folder), J processes at a time (default:
all CPUs). Article k is drawn from its own `Random` seeded by (seed, k), so any article's title
and URL can be recomputed on its own: that is how "Related article" lines point at earlier and
later articles while the corpus is streamed. An article depends only on the seed, k and N (its
related links point below N), never on how many processes wrote it.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import re
import time
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import NamedTuple

from tqdm import tqdm

from bench import vocab

FILES_PER_FOLDER = 1000
URL_BASE = "https://www.themoscowtimes.com"
LAST_DAY = date(2025, 9, 30)
EXTERNAL = 1 << 31  # article numbers from here on are never in a corpus: dangling links
RELATED_SHARE, TWO_RELATED_SHARE, EXTERNAL_SHARE, HREF_SHARE = 0.42, 0.2, 0.15, 0.08
SPLIT_SHARE = 0.02


class Rng(Random):
    """A Random whose choice and randint take one call to random() (twice as fast)."""

    def choice(self, seq: Sequence):
        """Draw an item of a sequence."""
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        """Draw an integer from a to b inclusive."""
        return a + int(self.random() * (b - a + 1))


class Weighted:
    """Draw items of a sequence in proportion to their weights."""

    def __init__(self, items: Sequence, weights: Sequence[float]) -> None:
        self.items = tuple(items)
        self.cumulative = tuple(itertools.accumulate(weights))

    @classmethod
    def zipf(cls, items: Sequence, s: float = 1.0) -> Weighted:
        """Weigh a ranked sequence like Zipf's law: the r-th item weighs 1 / r**s."""
        return cls(items, [1 / rank**s for rank in range(1, len(items) + 1)])

    def __call__(self, rng: Random):
        """Draw one item."""
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_YEARS = Weighted(range(2010, 2026), [1 + (y - 2010) / 4 for y in range(2010, 2025)] + [3.3])
_COUNTRY = Weighted.zipf(vocab.COUNTRIES, 1.1)
_ORGANIZATION = Weighted.zipf(vocab.ORGANIZATIONS)
_THEME = Weighted.zipf(vocab.THEMES, 0.8)
_COMPANY = Weighted.zipf(vocab.COMPANIES)
_AGENCY = Weighted.zipf(vocab.NEWS_AGENCIES, 1.3)
_PHOTO_AGENCY = Weighted.zipf(vocab.PHOTO_AGENCIES, 0.8)
_WIRE = Weighted.zipf(vocab.WIRES)
_PAPER = Weighted.zipf(vocab.NEWSPAPERS)
_TOWN = Weighted.zipf(vocab.TOWNS, 1.1)
_RARE_ADJECTIVE = Weighted.zipf(vocab.RARE_ADJECTIVES, 1.1)
_RARE_NOUN = Weighted.zipf(vocab.RARE_NOUNS, 1.1)


def _month(day: date) -> str:
    """Return the month's English name (strftime's %B would follow the locale)."""
    return vocab.MONTHS[day.month - 1]


_DATE_LINE = Weighted(
    (
        lambda d: f"{_month(d)} {d.day:02d}, {d.year}",
        lambda d: f"{_month(d)} {d.day}, {d.year}",
        lambda d: f"{vocab.AP_MONTHS[d.month - 1]} {d.day}, {d.year}",
        lambda d: f"{d.day} {_month(d)} {d.year}",
        date.isoformat,
        lambda d: None,
    ),
    (68, 8, 7, 6, 6, 5),
)


def _date(rng: Random) -> date:
    """Draw a publication date, more of them in recent years."""
    start = date(_YEARS(rng), 1, 1)
    end = min(date(start.year, 12, 31), LAST_DAY)
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _by_year(records: Sequence[tuple[str, ...]]) -> dict[tuple[str, int], list[tuple[str, ...]]]:
    """Index (country, years, name…) records by country and year in office."""
    table: dict[tuple[str, int], list[tuple[str, ...]]] = {}
    for country, years, *names in records:
        first, last = years.split("-")
        for year in range(int(first), int(last) + 1):
            table.setdefault((country, year), []).append(tuple(names))
    return table


_LEADERS = _by_year(vocab.LEADERS)
_OFFICIALS = _by_year(vocab.OFFICIALS)


def _spelling_pairs() -> list[tuple[str, str]]:
    """Return (American, British) word pairs, lower-case and capitalised."""
    pairs = list(vocab.SPELLINGS)
    ize = [
        (stem + end, stem[:-1] + "s" + end) for stem in vocab.IZE_STEMS for end in vocab.IZE_ENDINGS
    ]
    pairs += ize
    return pairs + [(us.capitalize(), uk.capitalize()) for us, uk in pairs]


# Words as `str.split` leaves them: with quotes before and punctuation or "'s" after.
_AFFIXES = tuple(
    itertools.product(
        ("", '"', "'", "\u2018", "\u201c"), ("", ",", ".", ";", ":", "'s", '."', ',"')
    )
)


def _spelling_table(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map each word of the pairs, as it may stand in a text, to its other spelling."""
    return {head + a + tail: head + b + tail for a, b in pairs for head, tail in _AFFIXES}


_TO_BRITISH = _spelling_table(_spelling_pairs())
_TO_AMERICAN = _spelling_table((uk, us) for us, uk in _spelling_pairs())


def _respelled(text: str, table: dict[str, str]) -> str:
    """Replace each word of a text found in a spelling table (a regex is ten times slower)."""
    return " ".join([table.get(word, word) for word in text.split(" ")])


def _britishize(text: str) -> str:
    """Respell American words the British way (center → centre)."""
    return _respelled(text, _TO_BRITISH)


def _americanize(text: str) -> str:
    """Respell British words the American way (defence → defense)."""
    return _respelled(text, _TO_AMERICAN)


def _person(rng: Random) -> str:
    """Draw a person's name, Russian more often than not."""
    if rng.random() < 0.4:
        return f"{rng.choice(vocab.INTL_FIRST)} {rng.choice(vocab.INTL_SURNAMES)}"
    surname = rng.choice(vocab.RU_SURNAMES)
    if rng.random() < 0.6:
        return f"{rng.choice(vocab.RU_MALE)} {surname}"
    feminine = surname + "a" if surname.endswith(("ov", "ev", "in")) else surname
    return f"{rng.choice(vocab.RU_FEMALE)} {feminine}"


class Cast(dict):
    """The slot values of one article: who and what it is about, plus fresh draws on demand.

    The fixed slots (countries A, B and C, their leaders, the organisation, the theme) are dict
    entries; any other slot a template names is drawn anew each time by `__missing__`.
    """

    def __init__(self, rng: Random, year: int, theme: tuple, slots: dict[str, str]) -> None:
        super().__init__(slots)
        self.rng, self.year, self.theme = rng, year, theme

    def __missing__(self, slot: str) -> str:
        draw = _FRESH.get(slot)
        value = draw(self) if draw else self.rng.choice(vocab.PHRASES[slot])
        return value.format_map(self) if "{" in value else value

    def speaker(self, role: str) -> str:
        """Draw who speaks for country A or B: its leader, a named official or a spokesperson."""
        roll = self.rng.random()
        officials = _OFFICIALS.get((self[role + "_head"], self.year))
        if roll < 0.3:
            return self[role + "_leader"]
        if roll < 0.6 and officials:
            return self.rng.choice(officials)[0]
        return self.rng.choice(vocab.SPEAKERS).format(adj=self[role + "_adj"])


_FRESH: dict[str, Callable[[Cast], str]] = {
    "speaker": lambda c: c.speaker("A"),
    "speaker_b": lambda c: c.speaker("B"),
    "issue": lambda c: c.rng.choice(c.theme[1]),
    "country": lambda c: _COUNTRY(c.rng)[0],
    "org_any": lambda c: _ORGANIZATION(c.rng)[0],
    "company": lambda c: _COMPANY(c.rng),
    "wire": lambda c: _WIRE(c.rng),
    "paper": lambda c: _PAPER(c.rng),
    "town": lambda c: _TOWN(c.rng),
    "rare_adj": lambda c: _RARE_ADJECTIVE(c.rng),
    "rare_noun": lambda c: _RARE_NOUN(c.rng),
    "person": lambda c: _person(c.rng),
    "surname": lambda c: _person(c.rng).split(" ")[-1],
    "topic_head": lambda c: c.rng.choice(_THEME(c.rng)[0]),
    "rights_org": lambda c: c.rng.choice(vocab.RIGHTS_GROUPS),
    "quote": lambda c: c.rng.choice(vocab.QUOTES),
    "facility": lambda c: c.rng.choice(vocab.FACILITIES),
    "facility_lower": lambda c: c.rng.choice(vocab.FACILITIES).lower(),
    "month": lambda c: c.rng.choice(vocab.MONTHS),
    "num_word": lambda c: c.rng.choice(vocab.NUMBER_WORDS),
    "num": lambda c: str(c.rng.randint(2, 99)),
    "num2": lambda c: str(c.rng.randint(2, 99)),
    "small": lambda c: str(c.rng.randint(2, 20)),
    "pct": lambda c: str(c.rng.randint(2, 60)),
    "big": lambda c: f"{c.rng.randrange(100, 20000, 50):,}",
    "year_past": lambda c: str(c.rng.randint(2000, c.year - 1)),
    "year_future": lambda c: str(c.rng.randint(c.year + 1, c.year + 10)),
    "est_year": lambda c: str(c.rng.randint(1946, 1995)),
}


def _country_slots(role: str, country: tuple[str, ...], year: int) -> dict[str, str]:
    """Return the slots of country A, B or C: names, adjective, capital and leader."""
    name, head, adjective, capital = country
    leaders = _LEADERS.get((head, year))
    leader, short = leaders[0] if leaders else (f"the {adjective} leader", "")
    return {
        role: name,
        role + "_head": head,
        role + "_adj": adjective,
        role + "_cap": capital,
        role + "_leader": leader,
        role + "_short": short or leader,
        role + "_lhead": short or f"{adjective} Leader",
    }


def _cast(rng: Random, day: date) -> Cast:
    """Draw who and what an article is about: three distinct countries, an organisation, a theme."""
    countries: list[tuple[str, ...]] = []
    while len(countries) < 3:
        country = _COUNTRY(rng)
        if country not in countries:
            countries.append(country)
    theme = _THEME(rng)
    while theme[2] > day.year:
        theme = _THEME(rng)
    organization = _ORGANIZATION(rng)
    slots = {
        "org": organization[0],
        "org_head": organization[1],
        "theme_head": rng.choice(theme[0]),
        "weekday": vocab.WEEKDAYS[(day - timedelta(days=rng.randrange(3))).weekday()],
    }
    for role, country in zip("ABC", countries, strict=True):
        slots.update(_country_slots(role, country, day.year))
    return Cast(rng, day.year, theme, slots)


def _curl(text: str) -> str:
    """Turn straight quotes and apostrophes into typographic ones."""
    text = re.sub(r"(?<![\w'])'(?=\w)", "\u2018", text).replace("'", "\u2019")
    return re.sub(r'(?<!\w)"(?=\w)', "\u201c", text).replace('"', "\u201d")


_NO_APOSTROPHES = str.maketrans("", "", "'\u2019")


def _slug(title: str) -> str:
    """Return the URL slug of a title: lower-case ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower().translate(_NO_APOSTROPHES)).strip("-")


class Headline(NamedTuple):
    """What other articles need to know of an article, and the generator to go on with it."""

    rng: Random
    day: date
    cast: Cast
    title: str
    url: str


def headline(seed: int, k: int) -> Headline:
    """Draw article k's date, cast, title and original URL (the start of its own stream)."""
    rng = Rng(seed << 32 | k)
    day = _date(rng)
    cast = _cast(rng, day)
    title = rng.choice(vocab.TITLES).format_map(cast)
    if rng.random() < 0.2:
        title = _britishize(title)
    if rng.random() < 0.2:
        title = _curl(title)
    slug = _slug(_britishize(title) if rng.random() < 0.25 else title)
    url = f"{URL_BASE}/{day.year}/{day.month:02d}/{day.day:02d}/{slug}-a{10000 + k}"
    return Headline(rng, day, cast, title, url)


def _byline(rng: Random) -> str | None:
    """Draw a byline: mostly an agency, linked or plain, sometimes authors, sometimes none."""
    roll = rng.random()
    if roll < 0.55:
        return f"By [{_AGENCY(rng)}](#)"
    if roll < 0.70:
        return f"By {_AGENCY(rng)}"
    if roll < 0.95:
        count = 1 if roll < 0.87 else 2 if roll < 0.93 else 3
        names = [f"[{_person(rng)}](#)" for _ in range(count)]
        return "By " + " and ".join([", ".join(names[:-1]), names[-1]] if count > 1 else names)
    return None


def _photo_credit(rng: Random) -> str | None:
    """Draw a photo credit (`**Name / Agency**`), absent from one article in seven."""
    if rng.random() < 0.15:
        return None
    agency = _PHOTO_AGENCY(rng)
    return f"**{agency}**" if agency == "Kremlin.ru" else f"**{_person(rng)} / {agency}**"


def _sentence(template: str, cast: Cast) -> str:
    """Fill a template and capitalise its first letter."""
    text = template.format_map(cast)
    return text[0].upper() + text[1:]


def _paragraphs(cast: Cast) -> list[str]:
    """Write 5 to 15 paragraphs: a lead sentence, then body sentences in ones, twos and threes."""
    rng = cast.rng
    sizes = [1] + [rng.choice((1, 2, 2, 3)) for _ in range(rng.randint(4, 14))]
    templates = iter([rng.choice(vocab.LEADS), *rng.sample(vocab.BODY, sum(sizes) - 1)])
    paragraphs = [
        " ".join(_sentence(t, cast) for t in itertools.islice(templates, n)) for n in sizes
    ]
    british_share = rng.choice((0.0, 0.0, 0.0, 1.0, 1.0, 0.5))
    return [_britishize(p) if rng.random() < british_share else p for p in paragraphs]


def _split(rng: Random, paragraph: str) -> str:
    """Break a paragraph mid-sentence with a blank line before a lower-case word (seed 004)."""
    words = paragraph.split(" ")
    cuts = [
        i
        for i in range(2, len(words) - 1)
        if words[i][:1].islower() and words[i - 1][-1:].isalnum()
    ]
    if not cuts:
        return paragraph
    cut = rng.choice(cuts)
    return " ".join(words[:cut]) + "\n\n" + " ".join(words[cut:])


def _recase(rng: Random, title: str) -> str:
    """Write a title in lower case or in sentence case."""
    return title.lower() if rng.random() < 0.5 else title[0] + title[1:].lower()


_STRAIGHTEN = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _requote(rng: Random, title: str) -> str:
    """Swap a title's quotes between straight and typographic."""
    straight = title.translate(_STRAIGHTEN)
    return straight if straight != title else _curl(title)


def _respell(rng: Random, title: str) -> str:
    """Swap a title's spelling between American and British."""
    british = _britishize(title)
    return british if british != title else _americanize(title)


def _typo(rng: Random, title: str) -> str:
    """Make one small typo in a long word: swap, drop or double a letter."""
    words = title.split(" ")
    spots = [i for i, word in enumerate(words) if len(word) >= 5 and word.isalpha()]
    if not spots:
        return title
    i = rng.choice(spots)
    word, j = words[i], rng.randrange(1, len(words[i]) - 2)
    typos = (
        word[:j] + word[j + 1] + word[j] + word[j + 2 :],
        word[:j] + word[j + 1 :],
        word[:j] + word[j] + word[j:],
    )
    words[i] = rng.choice(typos)
    return " ".join(words)


_TITLE_VARIANT = Weighted(
    (lambda rng, title: title, _recase, _requote, _respell, _typo), (60, 10, 10, 12, 8)
)


def _target(rng: Random, k: int, n: int) -> int:
    """Pick another article of the corpus: mostly an earlier one, the recent ones likelier."""
    if k == n - 1 or (k > 0 and rng.random() < 0.75):
        return k - 1 - int(k * rng.random() ** 3)
    return k + 1 + int((n - k - 1) * rng.random() ** 3)


def _related_line(rng: Random, seed: int, k: int, n: int) -> str:
    """Write a related-article line, its title as another article cites it."""
    if n == 1 or rng.random() < EXTERNAL_SHARE:
        return (
            f"**Related article:** [{headline(seed, EXTERNAL + rng.randrange(EXTERNAL)).title}](#)"
        )
    target = headline(seed, _target(rng, k, n))
    href = target.url if rng.random() < HREF_SHARE else "#"
    return f"**Related article:** [{_TITLE_VARIANT(rng)(rng, target.title)}]({href})"


def _insert_related(rng: Random, seed: int, k: int, n: int, paragraphs: list[str]) -> list[str]:
    """Put none, one or two related-article lines between paragraphs."""
    roll = rng.random()
    count = 0 if roll >= RELATED_SHARE else 2 if roll < RELATED_SHARE * TWO_RELATED_SHARE else 1
    spots = sorted(rng.sample(range(1, len(paragraphs)), count), reverse=True)
    for spot in spots:
        paragraphs.insert(spot, _related_line(rng, seed, k, n))
    return paragraphs


def render(seed: int, k: int, n: int) -> str:
    """Write article k of a corpus of n articles, in the layout of the seed files."""
    head = headline(seed, k)
    rng = head.rng
    byline, date_line, credit = _byline(rng), _DATE_LINE(rng)(head.day), _photo_credit(rng)
    paragraphs = _paragraphs(head.cast)
    if rng.random() < SPLIT_SHARE:
        i = rng.randrange(1, len(paragraphs))
        paragraphs[i] = _split(rng, paragraphs[i])
    blocks = [f"# {head.title}", byline, date_line and date_line + "\n\n", credit]
    blocks += _insert_related(rng, seed, k, n, paragraphs)
    blocks += ["Original url:", f"<{head.url}>"]
    return "\n\n" + "\n\n".join(block for block in blocks if block)


def relative_path(k: int) -> str:
    """Return where article k goes under the output folder: a thousand files per folder."""
    return f"{k // FILES_PER_FOLDER:03d}/{k:06d}.txt"


def generate(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """Yield (relative path, text) for each of n articles, one at a time."""
    for k in range(n):
        yield relative_path(k), render(seed, k, n)


def _write_folder(task: tuple[int, int, Path, int]) -> tuple[int, int]:
    """Write the articles of one folder; return how many files and bytes that was."""
    folder, n, outdir, seed = task
    (outdir / f"{folder:03d}").mkdir(parents=True, exist_ok=True)
    articles = range(folder * FILES_PER_FOLDER, min(n, (folder + 1) * FILES_PER_FOLDER))
    sizes = [(outdir / relative_path(k)).write_bytes(render(seed, k, n).encode()) for k in articles]
    return len(sizes), sum(sizes)


def _write(n: int, outdir: Path, seed: int, jobs: int | None) -> Iterator[tuple[int, int]]:
    """Write the corpus folder by folder, in `jobs` processes (all CPUs if None), in order.

    Workers are spawned, not forked: forking a process that runs threads can deadlock.
    """
    tasks = [(folder, n, outdir, seed) for folder in range(-(-n // FILES_PER_FOLDER))]
    if jobs == 1 or len(tasks) == 1:
        yield from map(_write_folder, tasks)
        return
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(_write_folder, tasks)


def write_corpus(n: int, outdir: Path | str, seed: int = 0, jobs: int | None = None) -> list[Path]:
    """Write n articles under outdir, in `jobs` processes (all CPUs if None); return the paths.

    The list takes memory (about 280 MB for a million paths); the command line keeps none.
    """
    outdir = Path(outdir)
    for _ in _write(n, outdir, seed, jobs):
        pass
    return [outdir / relative_path(k) for k in range(n)]


def _count(text: str) -> int:
    """Parse a non-negative integer argument."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number ≥ 0: {text!r}")
    return int(text)


def main(argv: Sequence[str] | None = None) -> None:
    """Write a corpus from the command line and report its size and the time it took."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description=__doc__.split("\n")[0]
    )
    parser.add_argument("n", type=_count, help="how many articles to write")
    parser.add_argument("outdir", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=_count, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--jobs", type=_count, help="processes to write with (default or 0: all CPUs)"
    )
    args = parser.parse_args(argv)
    start, total = time.perf_counter(), 0
    with tqdm(total=args.n, unit=" files", disable=None) as progress:
        for files, size in _write(args.n, args.outdir, args.seed, args.jobs or None):
            progress.update(files)
            total += size
    print(
        f"{args.n} files, {total / max(args.n, 1):,.0f} bytes each on average, "
        f"in {args.outdir} ({time.perf_counter() - start:.1f}s)"
    )


if __name__ == "__main__":
    main()
