"""Parsing an upload in a child process with limits, and getting plain data back.

`parse(data, kind, name, ...)` runs `suunta.uploads.child` in a new interpreter (`-I`: no
environment, no user site, nothing of the server's state) with the file on stdin. The child
sets its own CPU-time and address-space limits before importing a parser; the server waits at
most a wall-clock limit and kills it after that. Whatever goes wrong in the child – a limit, a
crash, a parser's surprise – is a refusal (`ValidationError`) naming the file and the problem
in the active language; the server's memory holds only the file and the plain data returned.

The child gets `CHILD_SECONDS` of CPU time (a PDF's reader may raise that to what its content
needs, up to `PDF_SECONDS`) and the server waits `CHILD_WAIT` times as long for it.

Starting the child costs about a quarter of a second (the interpreter and the parser's
imports), paid once per upload.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.utils.translation import gettext

from . import limits
from .prechecks import number, refuse, too_many, too_many_sheets

ROOT = str(Path(__file__).resolve().parents[2])  # where the suunta package is
BOOTSTRAP = (
    f"import sys; sys.path.insert(0, {ROOT!r}); from suunta.uploads.child import main; main()"
)


def parse(
    data: bytes,
    kind: str,
    name: str,
    *,
    options: dict[str, Any] | None = None,
    seconds: float | None = None,
    memory: int | None = None,
) -> dict[str, Any]:
    """The child's plain data for a file the prechecks accepted as `kind` ("docx", "odt",
    "ods", "xlsx" or "pdf"), or for a logo ("logo", with `{"kind": "PNG"}`, "JPEG" or "SVG":
    its refusal is returned as `{"refused": code, "values": …}`, for the logo's own message)."""
    seconds = limits.CHILD_SECONDS if seconds is None else seconds
    # A PDF's reader raises its own CPU limit to what its content needs, up to this ceiling
    # (in proportion, where a caller gives less time than the default).
    ceiling = seconds
    if kind == "pdf":
        ceiling = max(seconds, limits.PDF_SECONDS * seconds / limits.CHILD_SECONDS)
    memory = memory or limits.CHILD_MEMORY
    header = json.dumps(
        {
            "kind": kind,
            "options": options or {},
            "seconds": seconds,
            "ceiling": ceiling,
            "memory": memory,
        }
    )
    try:
        completed = subprocess.run(  # noqa: S603 — our own interpreter and code
            [sys.executable, "-I", "-c", BOOTSTRAP],
            input=header.encode() + b"\n" + data,
            capture_output=True,
            timeout=seconds * limits.CHILD_WAIT + ceiling - seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child
        raise refuse(name, _problem(kind, "time")) from None
    result: Any = None
    if len(completed.stdout) <= limits.MAX_OUTPUT + 100:
        try:
            result = json.loads(completed.stdout.decode("utf-8") or "null")
        except ValueError:
            result = None
    if not isinstance(result, dict):
        # Killed by its CPU limit (SIGXCPU, SIGKILL) or out of memory before it could answer.
        killed = completed.returncode in (-24, -9, 128 + 24, 128 + 9)
        raise refuse(name, _problem(kind, "time" if killed else "memory"))
    code = result.get("refused")
    if kind == "logo":  # its refusals are worded by the logo's own checks
        return result
    if code in ("rows", "cells"):
        raise too_many(name)
    if code == "sheets":
        raise too_many_sheets(name)
    if code == "pages":
        raise refuse(
            name,
            gettext("it has more than %(limit)s pages; a goal document has fewer.")
            % {"limit": number(int((options or {}).get("max_pages", limits.PDF_MAX_PAGES)))},
        )
    if code == "content":
        raise refuse(
            name,
            gettext(
                "its pages hold more than %(limit)s MB of content to read; a goal document "
                "has less."
            )
            % {"limit": number(limits.PDF_MAX_CONTENT // (1024 * 1024))},
        )
    if code:
        raise refuse(name, _problem(kind, code))
    return result


def _problem(kind: str, code: str) -> str:
    if code == "time":
        if kind == "pdf":
            return gettext("reading the PDF took too long.")
        return gettext("reading it took too long.")
    if kind == "pdf":
        return gettext("the PDF is damaged or not readable.")
    if code in ("memory", "output"):
        return gettext("it is too large or too complex to read.")
    if kind == "docx":
        return gettext("the Word document is damaged.")
    if kind == "xlsx":
        return gettext("the spreadsheet is damaged.")
    return gettext("the document's content cannot be parsed.")


def cell_value(value: Any) -> Any:
    """A cell's value from the child's JSON: dates and times back as Python objects."""
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return datetime.date.fromisoformat(value["date"])
    return value


__all__ = ["cell_value", "number", "parse"]
