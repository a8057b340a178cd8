"""Reading a table a user uploads: a CSV or the first sheet of an XLSX, as rows of cells.

An XLSX is read like every upload: its parts scanned before parsing, its first sheet parsed in
a child process with limits (`reader`), only the rows that are really there. A CSV may be
separated by semicolons (as Finnish Excel saves it), commas or tabs, in UTF-8 (with or without
BOM) or Windows-1252. Used by the measured values' import (`goals/value_import.py`) and the
import of body members (`onboarding/members.py`)."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import re
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import limits, prechecks, reader

MAX_BYTES = limits.VALUES_MAX_BYTES
MAX_ROWS = limits.VALUES_MAX_ROWS
# An XLSX is a zip archive: refuse archives that would expand beyond reason before parsing.
MAX_ZIP_ENTRIES = 200
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100
# Files that are not tables, whatever their name says: PDF, the old binary Office formats,
# images.
NOT_TEXT = (b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


class ImportRefused(Exception):
    """The whole file is refused; the message is for the user."""


def parse_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        day, month, year = (int(g) for g in match.groups())
        return datetime.date(year, month, day)
    return datetime.date.fromisoformat(text)


def _sniff_kind(data: bytes) -> str:
    """From the content, not the name: an XLSX is a zip with an xl/ part; else text."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data.startswith(NOT_TEXT) or b"\x00" in data[:4096]:
        raise ImportRefused(_("The file is neither CSV nor XLSX."))
    return "csv"


def _csv_table(data: bytes, *, numbered: bool = False) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRefused(_("The file is neither CSV nor XLSX."))
    sample = text[:4096]
    delimiter = ";"
    with contextlib.suppress(csv.Error):
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if any(c.strip() for c in row):
                rows.append(row[: limits.MAX_COLUMNS])
            elif numbered:
                rows.append([])
                if len(rows) > MAX_ROWS + 1:  # enough to refuse: the rest is not built
                    break
    except csv.Error as error:
        message = _("The CSV file cannot be read: %(error)s.") % {"error": error}
        raise ImportRefused(message) from error
    return rows


def _xlsx_table(data: bytes, name: str, *, numbered: bool = False) -> list[list[Any]]:
    """The first sheet's rows that have a value, read through the bounded reader: the XML
    parts are scanned before parsing, the parsing runs in a child process with limits, and the
    sheet's declared dimension is ignored (only real rows are read, at most one more than can
    be imported)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ImportRefused(_("The XLSX file is damaged and cannot be read.")) from error
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ZIP_ENTRIES or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise ImportRefused(_("The XLSX file expands to too much data to be read safely."))
    if "xl/workbook.xml" not in archive.namelist():
        raise ImportRefused(_("The file is neither CSV nor XLSX."))
    try:
        if prechecks.check_zip(data, name) != "xlsx":
            raise ImportRefused(_("The file is neither CSV nor XLSX."))
        result = reader.parse(
            data,
            "xlsx",
            name,
            options={"first_sheet": True, "gaps": numbered, "max_rows": MAX_ROWS + 2},
        )
    except ValidationError as error:
        raise ImportRefused(error.messages[0]) from None
    sheet = result["blocks"][0][1] if result["blocks"] else []
    return [["" if c is None else reader.cell_value(c) for c in row] for row in sheet]


def check_size(size: int) -> None:
    """Refuse a file over the limit – before reading it, where the size is known."""
    if size > MAX_BYTES:
        raise ImportRefused(
            _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
        )


def read_table(data: bytes, name: str = "", *, numbered: bool = False) -> list[list[Any]]:
    """The rows of a CSV or of an XLSX's first sheet that have a value, or `ImportRefused`.
    `numbered`: the empty rows above and between them are kept as `[]`, so that a row's index
    + 1 is its number in the file (for the user's error messages)."""
    check_size(len(data))
    if not data.strip():
        raise ImportRefused(_("The file is empty."))
    if _sniff_kind(data) == "xlsx":
        table = _xlsx_table(data, name, numbered=numbered)
    else:
        table = _csv_table(data, numbered=numbered)
    if sum(1 for row in table if row) > MAX_ROWS + 1:
        raise ImportRefused(
            _("At most %(rows)s rows can be imported at once.") % {"rows": MAX_ROWS}
        )
    return table
