"""Precision and recall of the tagger on the labelled articles in tests/fixtures/topics.

python -m tests.topics.labelled      # the table per kind, and every miss and extra
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app.ingest.parse import parse
from app.ingest.record import article_values
from app.ingest.tagging import Tagger, tagger
from app.taxonomy import KINDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "topics"


@dataclass
class Score:
    """Counts for one kind of topic over the whole set."""

    found: int = 0  # tags the tagger gave that the labels have
    extra: list[str] = field(default_factory=list)  # "file: slug" the labels do not have
    missed: list[str] = field(default_factory=list)  # "file: slug" the tagger did not give

    @property
    def precision(self) -> float:
        given = self.found + len(self.extra)
        return self.found / given if given else 1.0

    @property
    def recall(self) -> float:
        wanted = self.found + len(self.missed)
        return self.found / wanted if wanted else 1.0


def labels() -> dict[str, list[str]]:
    return tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))


def evaluate(compiled: Tagger | None = None) -> dict[str, Score]:
    """Tag every labelled article as ingest does and compare with its labels, kind by kind."""
    compiled = compiled or tagger()
    kind_of = {e.slug: e.kind for e in compiled.taxonomy.entries}
    scores = {kind: Score() for kind in KINDS}
    for name, wanted in labels().items():
        parsed = parse((FIXTURES / name).read_bytes(), name)
        values = article_values(parsed)
        given = {t.slug for t in compiled.tag(values["title"], values["body_text"])}
        for slug in given | set(wanted):
            score = scores[kind_of[slug]]
            if slug in given and slug in wanted:
                score.found += 1
            elif slug in given:
                score.extra.append(f"{name}: {slug}")
            else:
                score.missed.append(f"{name}: {slug}")
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = [f"{'kind':<13} {'precision':>9} {'recall':>7} {'tags':>5}"]
    for kind, s in scores.items():
        tags = s.found + len(s.missed)
        lines.append(f"{kind:<13} {s.precision:>9.3f} {s.recall:>7.3f} {tags:>5}")
    return "\n".join(lines)


if __name__ == "__main__":
    results = evaluate()
    print(table(results))
    for kind, s in results.items():
        for line in s.extra:
            print(f"extra  {kind:<12} {line}")
        for line in s.missed:
            print(f"missed {kind:<12} {line}")
