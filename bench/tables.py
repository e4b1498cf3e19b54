"""The Markdown tables bench/run.py prints: builds, then each request kind beside both engines."""

from __future__ import annotations

MODES = ("plain", "faceted", "filtered", "newest", "largest", "long")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def builds(results: list[dict]) -> list[str]:
    """Return the build table: our build, parsing, size, incremental, both references' loads."""
    lines = [
        "| corpus | docs | full build, docs/s (vs default writer) | parsing, docs/s | index MB | "
        "peak MB | incremental, s | SQLite load, docs/s, MB | Tantivy load, docs/s, MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        b, base = r["build"], r.get("baseline")
        vs = (
            f" ({ratio(b['docs_per_s'], base['docs_per_s'])} of {base['docs_per_s']:.0f} on "
            f"{base['docs']:,})"
            if base
            else ""
        )
        parsing = f"{r['parse']['docs_per_s']:,.0f}" if "parse" in r else "–"
        loads = [
            f"{r[k]['docs_per_s']:,.0f}, {r[k]['size_mb']:.0f}" if k in r else "–"
            for k in ("sqlite_build", "tantivy_build")
        ]
        lines.append(
            f"| {r['name']} | {b['docs']:,} | {b['docs_per_s']:.0f}{vs} | {parsing} | "
            f"{b['index_mb']:.0f} | {b['peak_rss_mb']:.0f} "
            f"| {r['incremental']['seconds']:.2f} | {loads[0]} | {loads[1]} |"
        )
    return lines


def queries(results: list[dict]) -> list[str]:
    """Return the latency table: ours, SQLite's and Tantivy's p50 / p95, and our ratios to both."""
    lines = [
        "| corpus | request | ours p50 / p95, ms | SQLite p50 / p95, ms | Tantivy p50 / p95, ms "
        "| ours ÷ SQLite, p50 / p95 | ours ÷ Tantivy, p50 / p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        found = r["queries"]
        ours = found["ours"]
        for mode in MODES:
            if mode not in ours:  # a run from before the mode was measured
                continue
            o = ours[mode]
            cells = [f"{o['p50_ms']:.2f} / {o['p95_ms']:.2f}"]
            ratios = []
            for name in ("sqlite", "tantivy"):
                t = found.get(name, {}).get(mode)
                cells.append(f"{t['p50_ms']:.2f} / {t['p95_ms']:.2f}" if t else "–")
                ratios.append(
                    f"{ratio(o['p50_ms'], t['p50_ms'])} / {ratio(o['p95_ms'], t['p95_ms'])}"
                    if t
                    else "–"
                )
            lines.append(f"| {r['name']} | {mode} | " + " | ".join(cells + ratios) + " |")
    return lines


def table(results: list[dict]) -> str:
    """Return both tables, a blank line between."""
    return "\n".join(builds(results) + [""] + queries(results))
