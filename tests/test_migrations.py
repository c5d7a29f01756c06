"""The schema the migrations build: what the loader's lookups rely on."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

from app.ingest.files import KNOWN_SQL
from app.migrate import alembic_config, upgrade


def test_a_rerun_recognises_files_from_an_index_alone(migrated_db):
    with closing(sqlite3.connect(migrated_db)) as conn:
        plan = conn.execute(f"EXPLAIN QUERY PLAN {KNOWN_SQL}", [json.dumps(["0" * 64])]).fetchall()
    assert any("COVERING INDEX" in step[-1] for step in plan), plan


def test_the_migrations_go_down_and_up_again(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'archive.db'}"
    upgrade(url)
    command.downgrade(alembic_config(url), "0001")
    upgrade(url)
