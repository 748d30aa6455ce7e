"""The results: a table on stdout, JSON under bench/results/, Markdown in docs/benchmarks.md."""

from __future__ import annotations

import json
import math
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import psutil

from bench.scenarios.common import Result

__all__ = [
    "BEGIN",
    "END",
    "machine",
    "markdown",
    "package_versions",
    "print_table",
    "update_doc",
    "write_json",
]

BEGIN = "<!-- bench:results:begin -->"
END = "<!-- bench:results:end -->"
CPU_GROUPS = ("service", "neo4j", "load", "bench")


def machine() -> dict[str, Any]:
    """CPU count and model, memory, kernel, and the load average when called."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = round(psutil.virtual_memory().total / 1024**3, 1)
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": memory_gb,
        "kernel": platform.release(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def package_versions() -> dict[str, str]:
    """Python and the packages on the measured path."""
    found = {"python": platform.python_version()}
    for name in (
        "factcheck",
        "neo4j",
        "neo4j-rust-ext",
        "litestar",
        "uvicorn",
        "httpx",
        "aiohttp",
        "pydantic",
        "msgspec",
    ):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "absent"
    return found


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _rate(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def _rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in results:
        d = r.driver
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
        target = "" if r.target is None else f"≥ {r.target:.1f} ({r.verdict})"
        rows.append(
            [
                r.scenario,
                r.name,
                r.graph,
                _ms(r.service.p50),
                _ms(r.service.p99),
                f"{_rate(r.service.throughput)} {r.unit}",
                _ms(d.p50) if d else "-",
                _ms(d.p99) if d else "-",
                f"{_rate(d.throughput)} {r.unit}" if d else "-",
                ratio,
                target,
            ]
        )
    return rows


HEADER = [
    "scenario",
    "what",
    "graph",
    "service p50 ms",
    "service p99 ms",
    "service",
    "driver p50 ms",
    "driver p99 ms",
    "driver",
    "ratio",
    "target",
]


def print_table(results: list[Result]) -> None:
    """The results as an aligned text table."""
    rows = [HEADER, *_rows(results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def write_json(path: Path, meta: dict[str, Any], results: list[Result]) -> None:
    """The run as JSON: its meta data and every result with its statistics."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"meta": meta, "results": [r.as_dict() for r in results]}
    path.write_text(json.dumps(document, indent=2, default=str) + "\n", encoding="utf-8")


def _cpu_rows(results: list[Result]) -> list[str]:
    lines = [
        "| scenario | what | graph | side | " + " | ".join(CPU_GROUPS) + " |",
        "|---|---|---|---|" + "---:|" * len(CPU_GROUPS),
    ]
    for r in results:
        for side_name, side in (("service", r.service), ("driver", r.driver)):
            if side is None:
                continue
            per_op, cores = side.cpu_ms_per_op(), side.cores()
            cells = [f"{per_op[g]:.2f} ({cores[g]:.2f})" if g in per_op else "-" for g in CPU_GROUPS]
            lines.append(f"| {r.scenario} | {r.name} | {r.graph} | {side_name} | " + " | ".join(cells) + " |")
    return lines


def markdown(meta: dict[str, Any], results: list[Result]) -> str:
    """The generated part of docs/benchmarks.md."""
    m, v, o = meta["machine"], meta["versions"], meta["options"]
    lines = [
        f"Run of {meta['started_at']} ({'smoke' if o['smoke'] else 'full'}), "
        f"{meta['duration_s'] / 60:.1f} minutes in all (scenarios {meta['scenario_s'] / 60:.1f}), "
        f"results in `{meta['json']}`.",
        "",
        f"- machine: {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gb']} GB memory, Linux {m['kernel']}; "
        f"load average {m['load_average']} at the start, {meta['load_average_end']} at the end",
        f"- versions: Python {v['python']}, Neo4j {meta['neo4j_version']} ({meta['neo4j_where']}), "
        f"driver neo4j {v['neo4j']} (+ neo4j-rust-ext {v['neo4j-rust-ext']}), litestar {v['litestar']}, "
        f"uvicorn {v['uvicorn']}, aiohttp {v.get('aiohttp', '?')} (load generator)",
        f"- server: `{meta['server_command']}`",
        f"- load: a separate process, aiohttp (service) or the async driver (driver side), "
        f"concurrency {o['concurrency']}; per scenario a warm-up round of each side "
        f"({o['warmup_s']:g} s), then {o['rounds']} measured rounds of {o['duration_s']:g} s, "
        "alternating service / driver",
        f"- graph: seed {o['seed']}; {meta['graph']['claims']:,} claims, {meta['graph']['articles']:,} "
        f"articles, {meta['graph']['published']:,} published verdicts, {meta['graph']['events']:,} "
        f"audit events at the end; trace sizes {', '.join(f'{s:,}' for s in o['trace_sizes'])} claims",
        f"- build: {', '.join(f'{k} {s:.0f} s' for k, s in meta['timings'].items())}",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|---|---|---|" + "---:|" * (len(HEADER) - 4) + "---|",
        *("| " + " | ".join(row) + " |" for row in _rows(results)),
        "",
        "Ratio: service throughput / driver throughput. Notes per row:",
        "",
    ]
    for r in results:
        if r.notes or r.driver_name:
            driver = f"driver: {r.driver_name}; " if r.driver_name else ""
            lines.append(f"- {r.scenario}, {r.name} ({r.graph}): {driver}{'; '.join(r.notes)}")
    lines += [
        "",
        "CPU milliseconds per operation, and in parentheses the cores kept busy, by process (from "
        "/proc; `service` is uvicorn and its workers, `load` the load generator, `bench` the runner, "
        "which runs `factcheck ingest`, the raw batch writes and the extractor itself). An operation "
        "is a request, a transition attempt, a batch of 50 (batch ingest) or an article (extract). "
        "Neo4j's background work counts towards the side that ran at the time:",
        "",
        *_cpu_rows(results),
    ]
    if meta.get("breakdown_ms"):
        lines += [
            "",
            "Where one request's time goes, stage by stage, run in sequence in the runner's process with "
            "the service's own functions (median ms of 100; `fetch` is the query and its records "
            "through the driver; `record.data()` and `model_dump_json()` are alternatives, for comparison):",
            "",
            "| endpoint | stage | ms |",
            "|---|---|---:|",
        ]
        for endpoint, stages in meta["breakdown_ms"].items():
            lines += [f"| {endpoint} | {stage} | {ms:.2f} |" for stage, ms in stages.items()]
    errors = [(r, s) for r in results for s in (r.service, r.driver) if s is not None and s.errors]
    if errors:
        lines += ["", "Errors seen (first few):", ""]
        lines += [f"- {r.name}: {e}" for r, s in errors for e in s.errors[:3]]
    return "\n".join(lines)


def update_doc(path: Path, generated: str) -> None:
    """Replaces the generated part of the doc (between the markers); appends it when absent."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{generated}\n{END}{tail}", encoding="utf-8")
