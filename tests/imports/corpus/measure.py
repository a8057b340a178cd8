"""Precision and recall of the importer on a corpus of documents written apart from it.

Each document `NAME.ext` has `NAME.expected.json` (see the corpus's README): the goals with
their areas and indicators, the checkpoints, the handling dates and the period. A found goal
is right when its title is an expected goal's title; a found indicator is right when it is
one of the indicators of the expected goal whose title its goal has (so an indicator under a
wrong goal counts against both figures). Texts are compared after Unicode normalisation,
case folding, joined whitespace, one kind of dash and quote, and without trailing . : ;.

    python -m tests.imports.corpus.measure tuning        # the part used for tuning
    python -m tests.imports.corpus.measure heldout       # measured only at the end
"""

from __future__ import annotations

import datetime
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The parts in the order they were written: the one tuned to, then each writer's held-out part.
PARTS = ("tuning", "heldout", "heldout2", "heldout3", "heldout4")
EXTENSIONS = {".docx", ".pdf", ".odt", ".xlsx", ".ods", ".txt"}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    for dash in "‐‑‒–—−":
        text = text.replace(dash, "-")
    for quote in "”“„’‘«»":
        text = text.replace(quote, '"')
    return " ".join(text.split()).rstrip(" .:;")


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    right: int = 0

    def add(self, other: Score) -> None:
        self.found += other.found
        self.expected += other.expected
        self.right += other.right

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Result:
    name: str
    family: str
    format: str
    language: str
    goals: Score = field(default_factory=Score)
    indicators: Score = field(default_factory=Score)
    areas: Score = field(default_factory=Score)
    checkpoints: Score = field(default_factory=Score)
    handling: Score = field(default_factory=Score)
    period: Score = field(default_factory=Score)
    seconds: float = 0.0
    error: str = ""
    found: Any = None
    expected: dict[str, Any] = field(default_factory=dict)


def _score(found: list[Any], expected: list[Any]) -> Score:
    right = sum((Counter(found) & Counter(expected)).values())
    return Score(found=len(found), expected=len(expected), right=right)


def compare(found: Any, expected: dict[str, Any]) -> dict[str, Score]:
    """The scores of one document: `found` a FoundDocument (or its JSON)."""
    goals = found.goals if hasattr(found, "goals") else []
    found_goals = [norm(g.title) for g in goals]
    expected_goals = [norm(g["title"]) for g in expected.get("goals", [])]
    found_pairs = [(norm(g.title), norm(i.text)) for g in goals for i in g.indicators]
    expected_pairs = [
        (norm(g["title"]), norm(i)) for g in expected.get("goals", []) for i in g["indicators"]
    ]
    found_areas = [(norm(g.title), norm(g.area)) for g in goals if g.area]
    expected_areas = [
        (norm(g["title"]), norm(g.get("area"))) for g in expected.get("goals", []) if g.get("area")
    ]
    checkpoints = [norm(c.label) for c in found.checkpoints]
    handling = [(h.date.isoformat(), norm(h.body)) for h in found.handling]
    period = expected.get("period")
    found_period = (
        [(found.period_start.isoformat(), found.period_end.isoformat())]
        if getattr(found, "period_start", None)
        else []
    )
    return {
        "goals": _score(found_goals, expected_goals),
        "indicators": _score(found_pairs, expected_pairs),
        "areas": _score(found_areas, expected_areas),
        "checkpoints": _score(checkpoints, [norm(c) for c in expected.get("checkpoints", [])]),
        "handling": _score(
            handling, [(h["date"], norm(h["body"])) for h in expected.get("handling", [])]
        ),
        "period": _score(found_period, [(period["start"], period["end"])] if period else []),
    }


def documents(part: str) -> list[tuple[Path, dict[str, Any]]]:
    folder = HERE / part
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in EXTENSIONS:
            expected_path = path.with_name(path.stem + ".expected.json")
            if expected_path.exists():
                out.append((path, json.loads(expected_path.read_text("utf-8"))))
    return out


def run(part: str) -> list[Result]:
    import time

    from django.core.exceptions import ValidationError

    from suunta.imports import reading

    results = []
    for path, expected in documents(part):
        result = Result(
            name=path.name,
            family=expected.get("family", "?"),
            format={"txt": "text"}.get(fmt := expected.get("format", path.suffix[1:]), fmt),
            language=expected.get("language", "fi"),
            expected=expected,
        )
        started = time.monotonic()
        try:
            found = reading.read_document(path.read_bytes(), path.name)
        except ValidationError as error:
            result.error = "; ".join(error.messages)
            found = None
        result.seconds = time.monotonic() - started
        result.found = found
        scores = compare(found, expected) if found is not None else compare(_Empty(), expected)
        for key, score in scores.items():
            setattr(result, key, score)
        results.append(result)
    return results


class _Empty:
    goals: list[Any] = []
    checkpoints: list[Any] = []
    handling: list[Any] = []
    period_start = None


def totals(results: list[Result], key: str = "") -> dict[str, dict[str, Score]]:
    groups: dict[str, dict[str, Score]] = defaultdict(lambda: defaultdict(Score))
    for result in results:
        group = getattr(result, key) if key else "all"
        for measure in ("goals", "indicators", "areas", "checkpoints", "handling", "period"):
            groups[group][measure].add(getattr(result, measure))
    return groups


def table(results: list[Result], key: str) -> str:
    lines = [
        f"| {key or 'all'} | docs | goals P | goals R | indicators P | indicators R | areas R |",
        "|---|---|---|---|---|---|---|",
    ]
    counts = Counter(getattr(r, key) if key else "all" for r in results)
    for group, scores in sorted(totals(results, key).items()):
        g, i, a = scores["goals"], scores["indicators"], scores["areas"]
        lines.append(
            f"| {group} | {counts[group]} | {g.precision:.2f} | {g.recall:.2f} | "
            f"{i.precision:.2f} | {i.recall:.2f} | {a.recall:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    part = argv[1] if len(argv) > 1 else "tuning"
    results = run(part)
    verbose = "-v" in argv
    for result in results:
        mark = (
            ""
            if (
                result.goals.right == result.goals.found == result.goals.expected
                and result.indicators.right == result.indicators.found == result.indicators.expected
            )
            else "  <--"
        )
        print(
            f"{result.name:60} goals {result.goals.right}/{result.goals.found}/"
            f"{result.goals.expected} ind {result.indicators.right}/{result.indicators.found}/"
            f"{result.indicators.expected} {result.seconds:.2f}s {result.error}{mark}"
        )
    print()
    print(table(results, ""))
    print()
    print(table(results, "format"))
    if verbose:
        print()
        print(table(results, "family"))
    scores = totals(results)["all"]
    print()
    for measure in ("checkpoints", "handling", "period"):
        s = scores[measure]
        print(f"{measure}: precision {s.precision:.2f} recall {s.recall:.2f}")
    print(f"slowest: {max(r.seconds for r in results):.2f} s", datetime.date.today())


if __name__ == "__main__":
    main(sys.argv)
