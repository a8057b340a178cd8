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

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from suunta.core.inputs import bounded
from suunta.uploads.tables import (  # noqa: F401 (this module's names for its callers)
    MAX_BYTES,
    MAX_ROWS,
    ImportRefused,
    check_size,
    parse_date,
    read_table,
)

HEADERS = {
    "indicator": {"mittari", "mätare", "matare", "indicator", "nro", "nr", "no"},
    "date": {"päivämäärä", "paivamaara", "pvm", "datum", "date", "päivä"},
    "value": {"arvo", "värde", "varde", "value", "toteuma", "utfall"},
    "note": {"huomautus", "anmärkning", "anmarkning", "note", "lisätieto", "kommentti"},
}


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
