"""Reading measured values from a CSV or XLSX file.

The file has a header row and one value per row:

    mittari;päivämäärä;arvo;huomautus
    2.1;30.6.2026;-1,2;osavuosikatsaus

- `mittari` / `mätare` / `indicator`: the indicator's number as the plan page shows it
  (goal.indicator, e.g. 2.1);
- `päivämäärä` / `datum` / `date`: 30.6.2026 or 2026-06-30 (in XLSX also a date cell);
- `arvo` / `värde` / `value`: a number, Finnish style (1 234,5) or with a point;
- `huomautus` / `anmärkning` / `note`: optional.

An XLSX is read like every upload (`suunta.uploads`): its parts scanned before parsing, its
first sheet parsed in a child process with limits, only the rows that are really there.
CSV may be separated by semicolons (as Finnish Excel saves it), commas or tabs, in UTF-8 (with
or without BOM) or Windows-1252. Every row is checked before anything is saved: a file with an
error saves nothing, and the user gets each error with its row number.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from suunta.core.inputs import bounded
from suunta.uploads import limits, prechecks, reader

MAX_BYTES = limits.VALUES_MAX_BYTES
MAX_ROWS = limits.VALUES_MAX_ROWS
# An XLSX is a zip archive: refuse archives that would expand beyond reason before parsing.
MAX_ZIP_ENTRIES = 200
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_RATIO = 100

HEADERS = {
    "indicator": {"mittari", "mätare", "matare", "indicator", "nro", "nr", "no"},
    "date": {"päivämäärä", "paivamaara", "pvm", "datum", "date", "päivä"},
    "value": {"arvo", "värde", "varde", "value", "toteuma", "utfall"},
    "note": {"huomautus", "anmärkning", "anmarkning", "note", "lisätieto", "kommentti"},
}


class ImportRefused(Exception):
    """The whole file is refused; the message is for the user."""


@dataclass
class Parsed:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_decimal(text: Any) -> Decimal:
    """A number as people write it in Finland (7 500,50 or 7500.50), within the bounds of
    `inputs.bounded`: InvalidOperation or ValueError when unreadable, `inputs.OutOfRange` (a
    ValueError) when too large or too precise."""
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return bounded(Decimal(str(text)))
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", str(text or "")).replace("−", "-")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "")
    return bounded(Decimal(cleaned.replace(",", ".")))


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
    if b"\x00" in data[:4096]:
        raise ImportRefused(_("The file is neither CSV nor XLSX."))
    return "csv"


def _csv_table(data: bytes) -> list[list[Any]]:
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
                if len(rows) > MAX_ROWS + 1:  # enough to refuse: the rest is not built
                    break
    except csv.Error as error:
        message = _("The CSV file cannot be read: %(error)s.") % {"error": error}
        raise ImportRefused(message) from error
    return rows


def _xlsx_table(data: bytes, name: str) -> list[list[Any]]:
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
            options={"first_sheet": True, "gaps": False, "max_rows": MAX_ROWS + 2},
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


def read_table(data: bytes, name: str = "") -> list[list[Any]]:
    check_size(len(data))
    if not data.strip():
        raise ImportRefused(_("The file is empty."))
    table = _xlsx_table(data, name) if _sniff_kind(data) == "xlsx" else _csv_table(data)
    if len(table) > MAX_ROWS + 1:
        raise ImportRefused(
            _("At most %(rows)s rows can be imported at once.") % {"rows": MAX_ROWS}
        )
    return table


def _columns(header: list[Any]) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        name = str(cell).strip().lower()
        for column, names in HEADERS.items():
            if name in names:
                found[column] = index
    missing = [c for c in ("indicator", "date", "value") if c not in found]
    if missing:
        raise ImportRefused(
            _(
                "The first row must name the columns: mittari (indicator), päivämäärä (date) "
                "and arvo (value)."
            )
        )
    return found


def parse(data: bytes, indicators_by_number: dict[str, Any], name: str = "") -> Parsed:
    """Rows ready for `actions.import_values`, or the errors with row numbers."""
    table = read_table(data, name)
    columns = _columns(table[0])
    result = Parsed()
    seen: dict[tuple[Any, datetime.date], int] = {}
    for line, row in enumerate(table[1:], start=2):

        def cell(name: str, row: list[Any] = row) -> Any:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else ""

        number = str(cell("indicator")).strip()
        if re.fullmatch(r"\d+\.\d+", number) is None and isinstance(cell("indicator"), float):
            number = f"{cell('indicator'):g}"
        indicator = indicators_by_number.get(number)
        errors = []
        if indicator is None:
            errors.append(
                _("there is no numeric indicator “%(number)s” in this plan") % {"number": number}
            )
        try:
            day = parse_date(cell("date"))
        except (ValueError, TypeError):
            errors.append(_("“%(date)s” is not a date (write 30.6.2026)") % {"date": cell("date")})
            day = None
        try:
            value = parse_decimal(cell("value")).quantize(Decimal("0.0001"))
            if abs(value) >= Decimal("1e14"):
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            errors.append(_("“%(value)s” is not a number") % {"value": cell("value")})
            value = None
        if indicator is not None and day is not None:
            if (indicator.pk, day) in seen:
                errors.append(
                    _("the same indicator and date are already on row %(row)s")
                    % {"row": seen[(indicator.pk, day)]}
                )
            seen[(indicator.pk, day)] = line
        if errors:
            result.errors.append(
                _("Row %(row)s: %(errors)s.") % {"row": line, "errors": "; ".join(errors)}
            )
            continue
        result.rows.append(
            {
                "indicator": indicator,
                "measured_on": day,
                "value": value,
                "note": str(cell("note") or "").strip()[:300],
            }
        )
    if not result.rows and not result.errors:
        result.errors.append(_("The file has no rows under its header."))
    return result
