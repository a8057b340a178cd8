"""`make bench`: Suunta's measurements, each printed next to its target, a miss marked, and
all of them written as JSON (bench/results/latest.json) so runs can be compared.

Measured so far:
- reading goal documents (issue 6): precision and recall of goals and indicators over the
  generated corpus (tests/imports_corpus.py) and on the corpus written apart from the reader
  (tests/imports/corpus: its tuning part and three held-out parts), and the time to read a
  document per format;
- the board's papers (issue 5): the time to render the Tuusula 2025 goal document as PDF and
  DOCX from the demo data.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SUUNTA_DEBUG", "1")
    os.environ.setdefault("SUUNTA_DEMO_MODE", "1")
    database = Path(tempfile.mkdtemp(prefix="suunta-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def line(name: str, value: float, target: float, unit: str, higher_is_better: bool) -> dict:
    ok = value >= target if higher_is_better else value <= target
    sign = "≥" if higher_is_better else "≤"
    mark = "" if ok else "   <-- MISS"
    if unit == "%":
        shown, goal = f"{value:.1%}", f"{target:.0%}"
    elif unit == "×":
        shown, goal = f"{value:.2f}×", f"{target:.1f}×"
    else:
        shown, goal = f"{value:.0f} {unit}".strip(), f"{target:.0f} {unit}".strip()
    print(f"  {name:<60} {shown:>9}   target {sign} {goal}{mark}", flush=True)
    return {"name": name, "value": value, "unit": unit, "target": target, "ok": ok}


def bench_imports() -> list[dict]:
    from suunta.imports.reading import read_document
    from tests.imports_corpus import corpus, measure

    samples = corpus()
    print(f"\nReading goal documents: {len(samples)} generated documents")
    figures = measure(samples)
    results = [
        line("goal precision", figures.goal_precision, 0.95, "%", True),
        line("goal recall", figures.goal_recall, 0.95, "%", True),
        line("indicator precision", figures.indicator_precision, 0.95, "%", True),
        line("indicator recall", figures.indicator_recall, 0.95, "%", True),
    ]
    times: dict[str, list[float]] = defaultdict(list)
    for sample in samples:
        started = time.perf_counter()
        read_document(sample.data, sample.name)
        times[sample.name.rsplit(".", 1)[1]].append((time.perf_counter() - started) * 1000)
    for kind, values in sorted(times.items()):
        results.append(
            line(f"read one {kind} (median ms)", statistics.median(values), 2000, "ms", False)
        )
    for miss in figures.misses[:10]:
        print(f"    miss: {miss}")
    results.extend(bench_corpus())
    return results


def bench_corpus() -> list[dict]:
    """The corpus written apart from the reader (tests/imports/corpus): precision and recall
    of goals and indicators on each part, and the time to read a document per format."""
    from tests.imports.corpus import measure as corpus_measure

    results = []
    times: dict[str, list[float]] = defaultdict(list)
    for part in corpus_measure.PARTS:
        found = corpus_measure.run(part)
        scores = corpus_measure.totals(found)["all"]
        print(f"\nCorpus part {part}: {len(found)} documents written apart from the reader")
        for measure_name in ("goals", "indicators"):
            score = scores[measure_name]
            results.append(
                line(f"{part} {measure_name} precision", score.precision, 0.95, "%", True)
            )
            results.append(line(f"{part} {measure_name} recall", score.recall, 0.95, "%", True))
        for result in found:
            times[result.format].append(result.seconds * 1000)
    for kind, values in sorted(times.items()):
        results.append(
            line(
                f"corpus: read one {kind} (median ms)", statistics.median(values), 2000, "ms", False
            )
        )
    return results


def bench_documents() -> list[dict]:
    from django.core.management import call_command

    from suunta.goals import queries
    from suunta.goals.models import GoalPlan
    from suunta.reports import document, docx, pdf

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    plan = GoalPlan.objects.get(organisation__slug="tuusula", version_no=1)
    print("\nThe board's papers: the Tuusula 2025 goal document")
    summary = queries.plan_summary(plan, {"joint"})
    model = document.goal_document(summary, "fi")
    pdf.render_pdf("reports/goal_document.pdf.html", {"doc": model}, "fi")  # warm up fonts
    pdf_ms, docx_ms = [], []
    for _ in range(5):
        started = time.perf_counter()
        summary = queries.plan_summary(plan, {"joint"})
        pdf.render_pdf(
            "reports/goal_document.pdf.html", {"doc": document.goal_document(summary, "fi")}, "fi"
        )
        pdf_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        summary = queries.plan_summary(plan, {"joint"})
        docx.goal_document_docx(document.goal_document(summary, "fi"))
        docx_ms.append((time.perf_counter() - started) * 1000)
    return [
        line("PDF of the seed plan (median ms)", statistics.median(pdf_ms), 500, "ms", False),
        line("DOCX of the seed plan (median ms)", statistics.median(docx_ms), 100, "ms", False),
    ]


def write_results(results: dict[str, list[dict]], figures: dict | None = None) -> int:
    """bench/results/latest.json and a copy named by the time (the folder is made here: a
    clean checkout has none)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    payload = {
        "when": stamp,
        "python": sys.version.split()[0],
        "cores": os.cpu_count(),
        "seconds_per_page": int(os.environ.get("BENCH_SECONDS", "20")),
        "results": results,
        "figures": figures or {},
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    (RESULTS / "latest.json").write_text(text)
    (RESULTS / f"run-{stamp.replace(':', '')}.json").write_text(text)
    misses = [r["name"] for group in results.values() for r in group if not r["ok"]]
    print(f"\nWritten to {RESULTS / 'latest.json'}. Misses: {len(misses)}")
    for miss in misses:
        print(f"  MISS: {miss}")
    return 0


def main() -> int:
    """BENCH_PARTS (comma-separated: imports, documents, load) chooses; all by default."""
    from bench.load import bench_load

    parts = os.environ.get("BENCH_PARTS", "imports,documents,load").split(",")
    results: dict[str, list[dict]] = {}
    figures: dict = {}
    if "load" in parts:
        # First, before this process sets Django up on its own database.
        results["load"], figures["load"] = bench_load(RESULTS)
    setup_django()
    if "imports" in parts:
        results["imports"] = bench_imports()
    if "documents" in parts:
        results["documents"] = bench_documents()
    return write_results(results, figures)


if __name__ == "__main__":
    raise SystemExit(main())
