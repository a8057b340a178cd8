"""Dates a goal document states in its running text, each with the line it was found on:

- **checkpoints**: "seurataan elokuussa 2026 ja arvioidaan tammikuussa 2027", "väliarvio
  kesäkuussa", "uppföljning i augusti 2026" → "elokuu 2026", "tammikuu 2027", "kesäkuu 2026";
- **handling**: "Kaupunginhallitus 16.3.2026 § 45", "KH 16.3.2026", "Käsitelty: Henkilöstöjaosto
  2.3.2026, KH 16.3.2026", "26.3.2025 Poljory, 31.3.2025 KH", "Kommunstyrelsen 12.4.2026";
- **the period**: "Tavoitekausi 1.1.–31.12.2026", "1.1.2026–31.12.2026", "tavoitteet vuodelle
  2026", "målperiod 2026".
"""

from __future__ import annotations

import datetime
import re

from .periods import MONTHS

FI_MONTHS = [name for name, n in sorted(MONTHS.items(), key=lambda kv: kv[1]) if "kuu" in name]
SV_MONTHS = [name for name, n in sorted(MONTHS.items(), key=lambda kv: kv[1]) if "kuu" not in name]
MONTH_WORD = re.compile(
    r"\b(" + "|".join(n[:-3] for n in FI_MONTHS) + r")kuu(?:ssa|sta|hun|n|lla|lle|ta)?\b"
    r"|\b(" + "|".join(SV_MONTHS) + r")\b",
    re.IGNORECASE,
)
FOLLOW_WORDS = re.compile(
    r"seura|arvio|väliarvi|katsaus|raportoi|tarkast|käsitel|käydään läpi|keskustel|"
    r"uppfölj|följs upp|utvärder|bedöm|rapporter|delårs|avstämning",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(20\d\d)\b")
DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
BODIES = (
    r"kunnanhallitus|kaupunginhallitus|aluehallitus|yhtymähallitus|hallitus|valtuusto|"
    r"kunnanvaltuusto|kaupunginvaltuusto|aluevaltuusto|henkilöstöjaosto|konsernijaosto|"
    r"poliittinen johtoryhmä|poljory|kh|kv|ah|yh|tarkastuslautakunta|"
    r"kommunstyrelsen|stadsstyrelsen|regionstyrelsen|fullmäktige|kommunfullmäktige|"
    r"stadsfullmäktige|personalsektionen|ks|kf"
)
BODY_THEN_DATE = re.compile(
    r"\b(" + BODIES + r")(?:n|ssa|n kokouksessa|s sammanträde)?"
    r"(?:\s*[/–-]\s*(?:" + BODIES + r"))?\s*[:,]?\s*"
    r"(?:(?:on\s+)?(?:hyväksynyt|hyväksyi|käsitellyt|käsitteli|päättänyt|godkänt|godkände)\s+)?"
    + DATE,
    re.IGNORECASE,
)
DATE_THEN_BODY = re.compile(DATE + r"\s*(?:§\s*\d+\s*)?,?\s*(" + BODIES + r")\b", re.IGNORECASE)
PERIOD_RANGE = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.?(\d{4})?\s*[–—-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})",
)
PERIOD_YEAR = re.compile(
    r"(?:tavoitekausi|tavoitevuosi|vuodelle|vuoden|vuonna|kalenterivuosi|målperiod|målår|"
    r"för år|året|kalenderåret|kalenderår|år)\s+"
    r"(20\d\d)\b|\b(20\d\d)\s*:?\s*(?:tavoitteet|mål)\b",
    re.IGNORECASE,
)


# "Seuranta 8/2026", "Arvio 1/2027": a month by its number (not a diary number "112/01/2026").
NUMBERED_MONTH = re.compile(r"(?<![\d/.])(1[0-2]|0?[1-9])\s*/\s*(20\d\d)\b")
# Which language's month names a month by number gets: Swedish only without a Finnish word.
FINNISH_FOLLOW = re.compile(r"seura|arvio|katsaus|raportoi|käsitel", re.IGNORECASE)
SWEDISH_FOLLOW = re.compile(r"uppfölj|följs upp|utvärder|bedöm|delårs|avstämning", re.I)

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
NOT_FOLLOWING = re.compile(
    r"valmistel|laadittu|laadittiin|maksetaan|maksu|betalas|utbetal|bereddes|utarbetades",
    re.IGNORECASE,
)


def checkpoints(text: str, default_year: int | None) -> list[str]:
    """Month labels the sentence names for following up or evaluating, in order."""
    if not FOLLOW_WORDS.search(text):
        return []
    swedish = SWEDISH_FOLLOW.search(text) and not FINNISH_FOLLOW.search(text)
    names = SV_MONTHS if swedish else FI_MONTHS
    text = NUMBERED_MONTH.sub(lambda m: f"{names[int(m.group(1)) - 1]} {m.group(2)}", text)
    labels: list[str] = []
    for sentence in SENTENCE_BREAK.split(text):
        # "valmisteltu keskusteluissa joulukuussa 2025", "palkkio maksetaan maaliskuussa":
        # a month of preparing or paying is not one of following up.
        if FOLLOW_WORDS.search(sentence) and not NOT_FOLLOWING.search(sentence):
            labels += [x for x in _months(sentence, default_year) if x not in labels]
    return labels


def _months(text: str, default_year: int | None) -> list[str]:
    labels: list[str] = []
    matches = list(MONTH_WORD.finditer(text))
    index = 0
    while index < len(matches):
        run = [matches[index]]
        # "tammikuu/helmikuu 2026", "januari–februari": one window.
        while index + 1 < len(matches) and re.fullmatch(
            r"\s*[/–-]\s*", text[run[-1].end() : matches[index + 1].start()]
        ):
            index += 1
            run.append(matches[index])
        index += 1
        names = [_month_name(m) for m in run]
        after = text[run[-1].end() : run[-1].end() + 12]
        year_match = YEAR.search(after)
        year = int(year_match.group(1)) if year_match else default_year
        if year is None:
            continue
        label = f"{'/'.join(names)} {year}"
        if label not in labels:
            labels.append(label)
    return labels


def _month_name(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1).lower() + "kuu"
    return match.group(2).lower()


def handling(text: str) -> list[tuple[datetime.date, str]]:
    """(date, body as written) pairs: a body named next to a date."""
    first_body = BODY_THEN_DATE.search(text)
    first_date = DATE_THEN_BODY.search(text)
    found: list[tuple[datetime.date, str]] = []
    if first_body and (not first_date or first_body.start() < first_date.start()):
        for match in BODY_THEN_DATE.finditer(text):
            date = _date(match.group(2), match.group(3), match.group(4))
            if date:
                found.append((date, _body(match.group(1))))
    elif first_date:
        for match in DATE_THEN_BODY.finditer(text):
            date = _date(match.group(1), match.group(2), match.group(3))
            if date:
                found.append((date, _body(match.group(4))))
    return found


# The same body in the other language: "Kaupunginhallitus / Stadsstyrelsen 2.2.2026" is one
# handling.
SAME_BODY = {
    "stadsstyrelsen": "kaupunginhallitus",
    "kommunstyrelsen": "kunnanhallitus",
    "regionstyrelsen": "aluehallitus",
    "stadsfullmäktige": "kaupunginvaltuusto",
    "kommunfullmäktige": "kunnanvaltuusto",
    "personalsektionen": "henkilöstöjaosto",
    "ks": "kh",
    "kf": "kv",
}


def same_body(body: str) -> str:
    """A body's name for comparing: the Finnish name for a Swedish one, in lower case."""
    name = body.lower()
    return SAME_BODY.get(name, name)


def _body(word: str) -> str:
    return word if word.isupper() or len(word) <= 3 else word[:1].upper() + word[1:]


def _date(day: str, month: str, year: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def period(text: str) -> tuple[datetime.date, datetime.date] | None:
    """The period a line states: a date range ("1.1.–31.12.2026") or a goal year."""
    match = PERIOD_RANGE.search(text)
    if match:
        d1, m1, y1, d2, m2, y2 = match.groups()
        start = _date(d1, m1, y1 or y2)
        end = _date(d2, m2, y2)
        if start and end and start < end and (end - start).days >= 28:
            return start, end
    match = PERIOD_YEAR.search(text)
    if match:
        year = int(match.group(1) or match.group(2))
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return None


APPROVAL = re.compile(
    r"hyväksy|käsittel|käsitel|päätt|vahvist|asetti|godkän|behandl|fastställ|beslöt",
    re.IGNORECASE,
)
INFLECTED_BODY = re.compile(
    r"\b(kunnan|kaupungin|alue|yhtymä)?(hallitu|valtuusto|henkilöstöjaosto|konsernijaosto)"
    r"(?:s|kse\w*|n\w*|ssa|a)?\b"
    r"|\b(kommun|stads|regions)(styrelsen|fullmäktige)\b",
    re.IGNORECASE,
)


def approval(text: str) -> list[tuple[datetime.date, str]]:
    """A sentence saying a body approved or handled the goals on a date: "Kaupunginhallitus
    hyväksyi tavoitteet kokouksessaan 24.2.2025", "Hyväksytty kunnanhallituksessa
    17.3.2025", "kommunstyrelsen godkände målen 9.3.2026" → (date, the body in its basic
    form)."""
    if not APPROVAL.search(text):
        return []
    body = INFLECTED_BODY.search(text)
    found_dates = [_date(*m) for m in re.findall(DATE, text)]
    if body is None or not found_dates:
        return []
    if body.group(3):
        name = body.group(3).capitalize() + body.group(4).lower()
    else:
        stem = body.group(2).lower()
        basic = "hallitus" if stem == "hallitu" else stem
        name = ((body.group(1) or "").lower() + basic).capitalize()
    return [(date, name) for date in found_dates[:1] if date]
