"""The figures as tables a person reads (Markdown, so the README can carry them as printed)."""

from __future__ import annotations

from typing import Any

MB = 1_000_000


def ingest_table(figures: dict[str, Any]) -> str:
    """Files per second (wall, and from CPU time on idle cores) and peak memory of each run."""
    floor = figures["floor"]
    lines = [
        f"Ingest of {floor['files']:,} files: {floor['raw_bytes'] / MB:,.1f} MB of text → "
        f"{figures['db_bytes'] / MB:,.1f} MB of database; starting the command (no files) "
        f"takes {figures['startup']['seconds']:.2f} s, {figures['startup']['cpu_seconds']:.2f}"
        " CPU s",
        "",
        "| run | seconds | files/s | floor ÷ run | CPU s (main) | files/s on idle cores "
        "| peak RSS main / largest worker / tree (MB; tree without mapped files; tree's PSS) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
        f"| floor: list, read, sha256 | {floor['seconds']:.2f} | {floor['files_per_s']:,} | 1 | "
        f"{floor['cpu_seconds']:.2f} | {floor['files_per_cpu_s']:,} | |",
    ]
    for name, key in (("first run", "first"), ("re-run", "rerun")):
        run, rss = figures[key], figures[key]["rss"]
        lines.append(
            f"| {name} | {run['seconds']:.2f} | {run['files_per_s']:,} | "
            f"{figures[f'{key}_vs_floor']} | "
            f"{run['cpu_seconds']:.2f} ({run['main_cpu_seconds']:.2f}) | "
            f"{run['idle_estimate_files_per_s']:,} | "
            f"{rss['main_mb']:.0f} / {rss['worker_mb']:.0f} / {rss['tree_mb']:.0f} "
            f"({rss['tree_anon_mb']:.0f}; {rss['tree_pss_mb']:.0f}) |"
        )
    return "\n".join(lines) + "\n"


def pages_table(figures: dict[str, Any]) -> str:
    """p50 / p95 and CPU per request of each case: ours, the SQL floor, Datasette, ratios."""
    healthz = figures["pages"][0]["ours"]["p50_ms"]
    lines = [
        f"Pages: {figures['requests']} timed requests per case (after {figures['warmup']} "
        f"untimed); ms p50 / p95 (server CPU ms per request); serving worker RSS "
        f"{figures['serve']['worker_rss_mb']} MB, of which not file-backed "
        f"{figures['serve']['worker_rss_anon_mb']} MB",
        "",
        "| case | ours | ÷ healthz | SQL on the file | ÷ (SQL + healthz) | Datasette "
        "| ours ÷ Datasette (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in figures["pages"]:
        p50, floor = row["ours"]["p50_ms"], row.get("sql")
        over_floor = f"{p50 / (floor['p50_ms'] + healthz):.2f}" if floor else ""
        lines.append(
            f"| {row['case']} | {_ms(row['ours'])} | {p50 / healthz:.1f} | "
            f"{_ms(floor)} | {over_floor} | {_ms(row.get('datasette'))} | {_ratios(row)} |"
        )
    return "\n".join(lines) + "\n"


def _ms(summary: dict[str, float] | None) -> str:
    if summary is None:
        return ""
    cpu = f" ({summary['cpu_ms']:.2f})" if "cpu_ms" in summary else ""
    return f"{summary['p50_ms']:.2f} / {summary['p95_ms']:.2f}{cpu}"


def _ratios(row: dict[str, Any]) -> str:
    if "ours_vs_datasette" not in row:
        return ""
    cpu = row.get("ours_vs_datasette_cpu")
    return f"{row['ours_vs_datasette']:.2f}" + (f" ({cpu:.2f})" if cpu is not None else "")
