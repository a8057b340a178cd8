"""Reading the members of bodies from a CSV or XLSX, as a meeting system exports them or as
someone typed them in Excel.

The header row is found wherever it is (title rows, an export's timestamp or empty rows may
come above it): the first row that names a person column. Its columns are recognised in any
order, in Finnish, Swedish or English:

- the name: one column (`nimi`, `namn`, `name`; "Virtanen, Matti" is turned into "Matti
  Virtanen") or first name and surname (`etunimi`/`förnamn`, `sukunimi`/`efternamn`);
- the body (`toimielin`, `organ`, `body`): optional; a body written only on the first row of
  its block holds for the rows under it until another is written; without the column the whole
  file is for the body chosen in the form;
- the role (`rooli`, `tehtävä`, `asema`, `uppdrag`, `roll`, `role`): puheenjohtaja, I/II
  varapuheenjohtaja, jäsen, varajäsen, pormestari… (without the column everyone is a member);
- the term: `alkaa`/`päättyy` (`börjar`/`slutar`, `start`/`end`), or one column with
  "1.6.2025–31.5.2027" or a council term "2025–2029" (1 June to 31 May);
- `sähköposti`/`e-post`/`email`; and for a personal deputy the member they stand in for
  (`varajäsen kenelle`, `ersättare för`, `deputy for`).

Other columns (party, address, telephone…) are left alone. Every row is checked before anything
is saved: the user gets each error with its row number in the file, and a file with an error
saves nothing (`actions.import_members`)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from suunta.organisations.models import Membership
from suunta.uploads.tables import ImportRefused, parse_date, read_table

R = Membership.Role

COLUMNS: dict[str, set[str]] = {
    "name": {"nimi", "henkilö", "jäsen nimi", "jäsenen nimi", "namn", "name", "full name",
             "koko nimi", "person"},
    "first": {"etunimi", "etunimet", "förnamn", "first name", "given name"},
    "last": {"sukunimi", "efternamn", "surname", "last name", "family name"},
    "body": {"toimielin", "elin", "organ", "body", "luottamuselin", "toimielimen nimi",
             "committee", "board"},
    "role": {"rooli", "tehtävä", "asema", "jäsenyys", "jäsenyyden laji", "uppdrag", "roll",
             "role", "position", "ställning"},
    "starts_on": {"alkaa", "alkupäivä", "alkupvm", "kausi alkaa", "toimikausi alkaa", "alku",
                  "börjar", "från", "start", "starts", "start date", "from"},
    "ends_on": {"päättyy", "loppupäivä", "loppupvm", "kausi päättyy", "toimikausi päättyy",
                "loppu", "slutar", "till", "end", "ends", "end date", "to"},
    "term": {"toimikausi", "kausi", "valtuustokausi", "mandatperiod", "period", "term",
             "mandattid"},
    "email": {"sähköposti", "sähköpostiosoite", "email", "e-mail", "e-post", "epost",
              "e-postadress", "sposti", "s-posti"},
    "substitute_for": {"varajäsen kenelle", "kenen varajäsen", "henkilökohtainen varajäsen "
                       "kenelle", "varajäsen jäsenelle", "ersättare för", "deputy for",
                       "substitute for", "personlig ersättare för"},
}  # fmt: skip

ROLE_WORDS: list[tuple[str, str]] = [
    # Longest first: "II varapuheenjohtaja" before "varapuheenjohtaja" before "puheenjohtaja".
    (r"(i|1\.?|ensimmäinen)\s*(varapuheenjohtaja|vpj)|första vice ordförande|first vice chair",
     R.FIRST_VICE_CHAIR),
    (r"(ii|2\.?|toinen)\s*(varapuheenjohtaja|vpj)|andra vice ordförande|second vice chair",
     R.SECOND_VICE_CHAIR),
    (r"varapuheenjohtaja|vpj|vice ordförande|vice ordf\.?|vice chair(person)?", R.VICE_CHAIR),
    (r"puheenjohtaja|pj|ordförande|ordf\.?|chair(person|man|woman)?", R.CHAIR),
    (r"(henkilökohtainen\s+)?varajäsen|(personlig\s+)?ersättare|deputy member|substitute",
     R.DEPUTY_MEMBER),
    (r"(varsinainen\s+)?jäsen|ordinarie ledamot|ledamot|member", R.MEMBER),
    (r"apulaispormestari|biträdande borgmästare|deputy mayor", R.DEPUTY_MAYOR),
    (r"pormestari|borgmästare|mayor", R.MAYOR),
    (r"sihteeri|pöytäkirjanpitäjä|sekreterare|protokollförare|secretary", R.SECRETARY),
    (r"esittelijä|föredragande|presenting official|presenter", R.PRESENTER),
]  # fmt: skip
ROLE_PATTERNS = [(re.compile(rf"(?:{words})", re.IGNORECASE), role) for words, role in ROLE_WORDS]
DASHES = r"\s*(?:–|—|-|‒|−)\s*"
DATE = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}"


@dataclass
class MemberRow:
    line: int
    name: str
    body: str | None
    role: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    email: str = ""
    substitute_for: str = ""


@dataclass
class Members:
    rows: list[MemberRow] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)

    @property
    def bodies(self) -> list[str]:
        return sorted({row.body for row in self.rows if row.body})


def _plain(cell: Any) -> str:
    return re.sub(r"\s+", " ", str(cell if cell is not None else "")).strip()


def _header_name(cell: Any) -> str:
    return re.sub(r"[\s:*]+$", "", _plain(cell).lower().replace("_", " "))


def _columns(row: list[Any]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = _header_name(cell)
        for column, names in COLUMNS.items():
            if name in names and column not in found:
                found[column] = index
                break
    if "name" in found or ("first" in found and "last" in found):
        return found
    return None


def person_name(text: str) -> str:
    """ "Virtanen, Matti" → "Matti Virtanen"; any other name as written, spaces tidied."""
    text = _plain(text)
    if text.count(",") == 1:
        last, first = (part.strip() for part in text.split(","))
        if last and first:
            return f"{first} {last}"
    return text


def role_of(text: str) -> str | None:
    text = _plain(text)
    for pattern, role in ROLE_PATTERNS:
        if pattern.fullmatch(text):
            return role
    return None


def _date(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return parse_date(value)
    text = _plain(value)
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}[:.]\d{2}([:.]\d{2})?", text):
        text = text.split()[0]  # an export's "1.6.2025 0:00"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        text = text[:10]
    return parse_date(text)


def _term(value: Any) -> tuple[datetime.date | None, datetime.date | None]:
    """ "1.6.2025–31.5.2027" or a council term "2025–2029" (1 June to 31 May)."""
    text = _plain(value)
    if not text:
        return None, None
    if match := re.fullmatch(rf"(\d{{4}}){DASHES}(\d{{4}})", text):
        start, end = int(match.group(1)), int(match.group(2))
        return datetime.date(start, 6, 1), datetime.date(end, 5, 31)
    if match := re.fullmatch(rf"({DATE}){DASHES}({DATE})", text):
        return _date(match.group(1)), _date(match.group(2))
    raise ValueError(text)


def read_members(data: bytes, name: str = "") -> Members:
    """The members the file lists, or its errors (each with its row number). `ImportRefused`
    when the file is not a table or names no person column."""
    table = read_table(data, name, numbered=True)
    header_at, columns = None, None
    for index, row in enumerate(table[:30]):
        if row and (columns := _columns(row)) is not None:
            header_at = index
            break
    if header_at is None or columns is None:
        raise ImportRefused(
            _(
                "No header row was found. The file's first row (or a row near the top) must "
                "name its columns: at least nimi (or etunimi and sukunimi), and toimielin, "
                "rooli, alkaa and päättyy where the file has them."
            )
        )
    result = Members()
    body: str | None = None
    for index, row in enumerate(table[header_at + 1 :], start=header_at + 2):
        if not any(_plain(c) for c in row):
            continue

        def cell(column: str, row: list[Any] = row) -> Any:
            at = columns.get(column)
            return row[at] if at is not None and at < len(row) else ""

        problems: list[str] = []
        if "name" in columns:
            full = person_name(cell("name"))
        else:
            full = f"{_plain(cell('first'))} {_plain(cell('last'))}".strip()
        if "body" in columns and _plain(cell("body")):
            body = _plain(cell("body"))
        if not full:
            problems.append(_("the name is missing"))
        role: str | None = R.MEMBER
        if "role" in columns and _plain(cell("role")):
            role = role_of(cell("role"))
            if role is None:
                problems.append(
                    _("“%(role)s” is not a role Suunta knows (write for example puheenjohtaja, "
                      "varapuheenjohtaja, jäsen or varajäsen)") % {"role": _plain(cell("role"))}
                )  # fmt: skip
        starts_on = ends_on = None
        try:
            if "term" in columns and _plain(cell("term")):
                starts_on, ends_on = _term(cell("term"))
            if "starts_on" in columns:
                starts_on = _date(cell("starts_on")) or starts_on
            if "ends_on" in columns:
                ends_on = _date(cell("ends_on")) or ends_on
        except (ValueError, TypeError):
            problems.append(_("a date cannot be read (write 1.6.2025)"))
        if starts_on and ends_on and ends_on < starts_on:
            problems.append(_("the term ends before it starts"))
        email = _plain(cell("email")).lower()
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            problems.append(_("“%(email)s” is not an e-mail address") % {"email": email})
        if problems:
            result.errors.append((index, "; ".join(problems)))
            continue
        result.rows.append(
            MemberRow(
                line=index,
                name=full,
                body=body if "body" in columns else None,
                role=role or R.MEMBER,
                starts_on=starts_on,
                ends_on=ends_on,
                email=email,
                substitute_for=person_name(cell("substitute_for")),
            )
        )
    if not result.rows and not result.errors:
        result.errors.append((header_at + 1, _("The file has no rows under its header.")))
    return result
