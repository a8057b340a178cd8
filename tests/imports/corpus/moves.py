"""How many review moves make a document's reading right: the moves of the review page
(`suunta.imports.outline`) applied to what the reader found until the goals, their areas and
their indicators are the expected ones, counted.

The corrections are found greedily, in document order: each expected item (an area when it
changes, a goal, an indicator) is looked for in the next lines; a line that is it gets its
role (one move, or one for all lines that start alike where they all need the same role), two
lines that together are it are merged first, a line that starts with it is split, a line that
is nothing expected becomes plain text. What is still missing at the end is typed into the
closest line (an edit). The result is checked: the goals derived from the corrected lines
must be the expected ones, or the document is reported as not fixed.

    python -m tests.imports.corpus.moves heldout2
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from typing import Any

from .measure import PARTS, documents, norm


@dataclass
class Moves:
    name: str
    moves: int
    fixed: bool
    lines: int
    found_right: bool


def expected_items(expected: dict[str, Any]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    area = ""
    for goal in expected["goals"]:
        if (goal.get("area") or "") != area:
            area = goal.get("area") or ""
            if area:
                items.append(("area", area))
        items.append(("goal", goal["title"]))
        items.extend(("indicator", i) for i in goal["indicators"])
    return items


def structure(document: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (norm(g.area), norm(g.title), tuple(norm(i.text) for i in g.indicators))
        for g in document.goals
    ]


def wanted(expected: dict[str, Any]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (norm(g.get("area")), norm(g["title"]), tuple(norm(i) for i in g["indicators"]))
        for g in expected["goals"]
    ]


def correct(document: Any, expected: dict[str, Any]) -> list[tuple[str, int, str]]:
    """Applies the moves to `document.lines`; returns them in order as (op, line, value), the
    way the review page takes them: "merge", "split" (at a character), "edit" (the text),
    "role" (the role) and "similar" (the role for every line that starts alike)."""
    from suunta.imports import outline

    done_moves: list[tuple[str, int, str]] = []
    lines = document.lines
    items = expected_items(expected)
    roles: dict[int, str] = {}  # line → the role it must have
    at = 0
    for role, text in items:
        want = norm(text)
        found = None
        for n in range(at, len(lines)):
            have = norm(lines[n].text)
            if have == want:
                found = n
                break
            if n + 1 < len(lines) and norm(lines[n].text + " " + lines[n + 1].text) == want:
                outline.merge_down(lines, n)
                done_moves.append(("merge", n, ""))
                found = n
                break
            if have.startswith(want + " ") or have.startswith(want + ";"):
                position = (
                    len(lines[n].text.split(";")[0])
                    if ";" in lines[n].text
                    else _offset(lines[n].text, text)
                )
                outline.split(lines, n, position)
                done_moves.append(("split", n, str(position)))
                found = n
                break
        if found is None:
            # Not in the lines as such: type it into the most similar line after `at`.
            best = max(
                range(at, len(lines)),
                key=lambda n: difflib.SequenceMatcher(None, norm(lines[n].text), want).ratio(),
                default=None,
            )
            if best is None:
                continue
            close = difflib.SequenceMatcher(None, norm(lines[best].text), want).ratio()
            if close >= 0.6:
                outline.edit(lines, best, text)
                done_moves.append(("edit", best, text))
                found = best
            else:  # nothing like it: a line of its own, added where it belongs
                outline.insert(lines, at - 1 if at else 0, "")
                found = at if at else 1
                outline.edit(lines, found, text)
                done_moves.append(("insert", found - 1, ""))
                done_moves.append(("edit", found, text))
        for n in range(at, found):
            roles.setdefault(n, "text" if lines[n].role != "ignore" else "ignore")
        roles[found] = role
        at = found + 1
    for n in range(at, len(lines)):
        roles.setdefault(n, "text" if lines[n].role != "ignore" else "ignore")
    # Role changes, several at once where every line that starts alike needs the same role.
    changes = {n: r for n, r in roles.items() if _differs(lines[n].role, r)}
    by_key: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        by_key.setdefault(outline.similar_key(line.text, line.marker), []).append(n)
    done: set[int] = set()
    for n, role in sorted(changes.items()):
        if n in done:
            continue
        same = by_key[outline.similar_key(lines[n].text, lines[n].marker)]
        if len(same) > 1 and all(
            roles.get(m) == role or not _differs(lines[m].role, role) for m in same if m in roles
        ):
            outline.set_role_similar(lines, n, role)
            done.update(same)
            done_moves.append(("similar", n, role))
        else:
            outline.set_role(lines, n, role)
            done.add(n)
            done_moves.append(("role", n, role))
    return done_moves


def _differs(have: str, want: str) -> bool:
    plain = ("text", "ignore")
    return not (have == want or (have in plain and want in plain))


def _offset(text: str, head: str) -> int:
    return len(head) if text.startswith(head) else len(text.split(" ", len(head.split()))[0])


def run(part: str) -> list[Moves]:
    from suunta.imports import outline, reading

    out = []
    for path, expected in documents(part):
        document = reading.read_document(path.read_bytes(), path.name)
        right = structure(document) == wanted(expected)
        count = 0 if right else len(correct(document, expected))
        outline.derive(document)
        out.append(
            Moves(
                path.name,
                count,
                structure(document) == wanted(expected),
                len(document.lines),
                right,
            )
        )
    return out


def main(argv: list[str]) -> None:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    for part in argv[1:] or PARTS:
        results = run(part)
        wrong = [r for r in results if not r.found_right]
        print(
            f"{part}: {len(results)} documents, {len(wrong)} read with an error in goals, "
            "areas or indicators"
        )
        for r in sorted(wrong, key=lambda r: -r.moves):
            state = "fixed" if r.fixed else "NOT FIXED"
            print(f"  {r.name:60} {r.moves:3} moves ({r.lines} lines) {state}")


if __name__ == "__main__":
    main(sys.argv)
