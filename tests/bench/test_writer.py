"""The writer's floor benchmark at a tiny size: both runs store every file; one parses none."""

from __future__ import annotations

from app.ingest import load
from bench import corpus, writer


def test_the_writer_alone_stores_every_file_without_parsing_any(tmp_path):
    corpus.write_corpus(80, tmp_path / "corpus", jobs=1)  # past PARALLEL_FROM: workers parse
    figures = writer.measure(tmp_path / "corpus", rounds=1)
    assert figures["real"]["files"] == figures["writer_only"]["files"] == 80
    assert figures["real"]["workers_ms_per_file"] > 0
    assert figures["writer_only"]["workers_ms_per_file"] == 0
    assert figures["writer_only"]["writer_ms_per_file"] > 0
    assert load.prepare_all.__module__ == "app.ingest.load"  # put back afterwards
