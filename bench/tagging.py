"""Time the tagger against the parser on the same articles, in the same run.

    python -m bench.tagging DIR [--files N] [--rounds R]

DIR holds article files (e.g. from `python -m bench.corpus`). Each round parses then tags each
file in turn, timing both, so that a busy machine slows them alike; the report gives the median
per-article time of each over the rounds, and their ratio, which is what survives the noise.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app import taxonomy
from app.ingest.parse import parse
from app.ingest.parsed import Rejection
from app.ingest.record import article_values
from app.ingest.tagging import Tagger


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("folder", type=Path)
    options.add_argument("--files", type=int, default=2000)
    options.add_argument("--rounds", type=int, default=5)
    args = options.parse_args()

    files = sorted(p for p in args.folder.rglob("*") if p.is_file())[: args.files]
    data = [(p.read_bytes(), p.name) for p in files]
    started = time.perf_counter()
    tagger = Tagger(taxonomy.load())
    print(f"taxonomy loaded and compiled in {time.perf_counter() - started:.2f} s")
    texts = []
    for raw, name in data:
        parsed = parse(raw, name)
        if not isinstance(parsed, Rejection):
            values = article_values(parsed)
            texts.append((raw, name, values["title"], values["body_text"]))

    clock = time.perf_counter
    parse_times, tag_times = [], []
    for _ in range(args.rounds):
        parsing = tagging = 0.0
        for raw, name, title, body in texts:
            started = clock()
            parse(raw, name)
            parsed = clock()
            tagger.tag(title, body)
            parsing, tagging = parsing + parsed - started, tagging + clock() - parsed
        parse_times.append(parsing / len(texts))
        tag_times.append(tagging / len(texts))
    parse_ms, tag_ms = statistics.median(parse_times) * 1e3, statistics.median(tag_times) * 1e3
    tags = [len(tagger.tag(title, body)) for _, _, title, body in texts]
    print(f"{len(texts)} articles, {args.rounds} rounds, {statistics.mean(tags):.1f} topics each")
    print(f"parse {parse_ms:.3f} ms/article, tag {tag_ms:.3f} ms/article")
    print(f"tagging costs {tag_ms / parse_ms:.2f}× parsing")


if __name__ == "__main__":
    main()
