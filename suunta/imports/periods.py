"""Dates an imported document implies: the window of a checkpoint labelled "elokuu 2025" or
"tammikuu/helmikuu 2026" (Swedish "augusti 2025", "januari/februari 2026"), and the period."""

from __future__ import annotations

import calendar
import datetime
import re

MONTHS = {
    # Finnish, nominative and the common inflected stems
    "tammikuu": 1, "helmikuu": 2, "maaliskuu": 3, "huhtikuu": 4, "toukokuu": 5,
    "kesäkuu": 6, "heinäkuu": 7, "elokuu": 8, "syyskuu": 9, "lokakuu": 10,
    "marraskuu": 11, "joulukuu": 12,
    # Swedish
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_STEMS = {name[:-2] if name.endswith("kuu") else name: n for name, n in MONTHS.items()}


def _month(word: str) -> int | None:
    word = word.lower().strip(" .,")
    if word in MONTHS:
        return MONTHS[word]
    for stem, number in _STEMS.items():  # "elokuussa", "elokuun" → elokuu
        if word.startswith(stem) and len(stem) >= 4:
            return number
    return None


def checkpoint_window(label: str) -> tuple[datetime.date, datetime.date] | None:
    """The first day of the first month named to the last day of the last one, in the year
    written after them; None if the label names no month and year."""
    year_match = re.search(r"(19|20)\d{2}", label)
    if not year_match:
        return None
    year = int(year_match.group(0))
    months = [m for m in (_month(w) for w in re.split(r"[\s/–\-]+", label)) if m]
    if not months:
        return None
    first, last = min(months), max(months)
    return (
        datetime.date(year, first, 1),
        datetime.date(year, last, calendar.monthrange(year, last)[1]),
    )


def likely_year(texts: list[str], handling: list[datetime.date], today: datetime.date) -> int:
    """The year the goals are for: the year of the first handling date, else a year in the
    title, else next year (goals are usually set ahead)."""
    if handling:
        return min(handling).year
    for text in texts:
        found = re.search(r"\b(19|20)\d{2}\b", text or "")
        if found:
            return int(found.group(0))
    return today.year + 1
