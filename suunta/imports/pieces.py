"""A document's blocks as pieces: logical lines with what their form says about them.

The extractors give lines (with a kind when the format knows it: a heading and its level, a
list item with its numbering format and level; in a PDF the font size, weight and indent)
and tables. A piece is one logical line: broken lines joined, the list marker taken off and
named ("bullet", "number", "outline", "letter", "roman"), the depth it stands at, the label
word it starts with ("Tavoite 2:", "Mittari:", "Toimenpiteet:"), and whether it is a page's
furniture (a header, a footer, a page number). Nothing here decides what a piece is: that is
`roles`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# --- What a line starts with --------------------------------------------------------------------

ROMAN = re.compile(r"^\s*((?:X{0,2})(?:IX|IV|V?I{0,3}))[.)]\s+(?=\S)")
# "II Palvelut ja hyvinvointi": a numeral of two or more letters, or "I", before a capital.
BARE_ROMAN = re.compile(
    r"^\s*(II|III|IV|VI{0,3}|IX|XI{0,3}|I)\s+(?=[A-ZÅÄÖ][a-zåäö]|[A-ZÅÄÖ]{2,}(?:\s+[A-ZÅÄÖ]{2,}|$))"
)
OUTLINE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)")
NUMBER = re.compile(r"^\s*\(?(\d{1,4})[.)]\s+(?=\S)|^\s*(\d{1,2})\s+(?=[A-ZÅÄÖ][a-zåäö])")
LETTER = re.compile(r"^\s*\(?([a-hA-H])\)\s+(?=\S)|^\s*([a-h])\.\s+(?=[A-ZÅÄÖ])")
DASHES = "-–—‒*"
NOT_BULLETS = "([{\"'«»“”„‘’%€$#§&@+=<>/\\|"

GOAL_LABEL = re.compile(
    r"^\s*(?:tavoite|mål|goal)(?:\s*/\s*(?:mål|tavoite))?"
    r"(?:\s*(\d{1,2}(?:\.\d{1,2})?)\s*[.:)–—-]?|\s*[:–—-])\s*(?=\S)",
    re.IGNORECASE,
)
# "Tavoite 1", "Tavoite 1 / Mål 1", "MÅL 2:" alone on a line: the title is on the next line.
BARE_GOAL_LABEL = re.compile(
    r"^\s*(?:tavoite|mål|goal)(?:\s*\d{1,2}(?:\.\d{1,2})?)?"
    r"(?:\s*/\s*(?:mål|tavoite|goal)(?:\s*\d{1,2}(?:\.\d{1,2})?)?)?\s*[.:–—-]?\s*$",
    re.IGNORECASE,
)
INDICATOR_LABEL = re.compile(
    r"^\s*(?:mittarit|mittari|indikaattorit|indikaattori|arviointikriteerit|arviointikriteeri|"
    r"onnistumisen mittarit|tavoitetaso|mätare|mätarna|indikatorer|indikator|"
    r"bedömningskriterier|bedömningskriterium)(?:\s*/\s*\w+)?(?:\s+(?:ja|och)\s+\w+(?=\s*:?\s*$))?"
    r"(?:\s*\d{1,2}(?:\.\d{1,2})?\s*[:.–—-]?\s+|\s*[:.–—-]\s*|\s*$)",
    re.IGNORECASE,
)
# The words for an area and for a weight, in a label line and in a table's header alike.
AREA_WORDS = (
    r"(?:(?:strateginen|strategian|strategiskt|strategiska|strategisk|strategins|keskeinen)\s+)?"
    r"(?:painopistealue|painopiste|osa-alue|tavoitealue|teema|tema|alue|fokusområde|område|"
    r"insatsområde|prioritering)"
)
WEIGHT_WORDS = r"painoarvo|painotus|paino|viktning|vikt"
AREA_LABEL = re.compile(
    r"^\s*(?:" + AREA_WORDS + r")\s*(?:\d{1,2}\s*)?[:.–—-]\s*(?=\S)", re.IGNORECASE
)
ACTIONS_LABEL = re.compile(
    r"^\s*(?:toimenpiteet|toimenpide|keinot|tehtävät|åtgärder|åtgärd|medel)\s*:?\s*$",
    re.IGNORECASE,
)
WEIGHT_LINE = re.compile(
    r"^\s*(?:" + WEIGHT_WORDS + r")\s*:?\s*(\d{1,3}(?:[,.]\d{1,2})?)\s*%\s*$", re.IGNORECASE
)
# "Arviointi: maaliskuu 2027", "Slutbedömning: februari 2027": when the goals are evaluated.
EVALUATION_LINE = re.compile(
    r"^\s*(?:arviointi|arvio|väliarvio|väliarviointi|loppuarvio|loppuarviointi|utvärdering|"
    r"bedömning|slutbedömning|mellanuppföljning)\s*:\s*\S",
    re.IGNORECASE,
)
CHECKPOINT_LABEL = re.compile(r"^\s*(?:seuranta|uppföljning|uppföljningen)\b\s*", re.IGNORECASE)

WEIGHT = re.compile(
    r"[(\[,;–-]?\s*(?:(?:" + WEIGHT_WORDS + r")\s*:?\s*)?"
    r"(\d{1,3}(?:[,.]\d{1,2})?)\s*%\s*[)\]]?\s*$",
    re.IGNORECASE,
)


# Bullets that look alike are one kind: a PDF's private-use bullet and Word's "•" alike.
GLYPH_CLASS = {
    **dict.fromkeys("•●∙·⦁\uf0b7\uf06c\uf09f\x7f", "•"),
    **dict.fromkeys("-–—‒", "–"),
    **dict.fromkeys("▪■□◾◽\uf0a7\uf06e\uf0a8", "▪"),
    **dict.fromkeys("o◦○\uf06f", "o"),
}


def squash(text: str) -> str:
    return " ".join(text.split())


def is_glyph(char: str) -> bool:
    """A character that marks a list item however a font or a PDF gives it: a symbol, a
    private-use character (Symbol and Wingdings bullets), a control character, a dash."""
    if len(char) != 1 or char in NOT_BULLETS:
        return False
    if char in DASHES or char == "o" or char == "\x7f":
        return True
    category = unicodedata.category(char)
    return category in ("So", "Sm", "Co", "Cc", "Po", "Pd", "Cf", "Sk") and char not in ".,;:!?"


def marker(text: str) -> tuple[str, str, int]:
    """The list marker a line starts with: (kind, rest of the line, extra depth). Kinds:
    "bullet", "roman", "outline" (1.2), "number", "letter", or "" for none."""
    stripped = text.lstrip()
    if not stripped:
        return "", text, 0
    first = stripped[0]
    if is_glyph(first) and (len(stripped) == 1 or stripped[1] in " \t" or not first.isalnum()):
        if first in DASHES and len(stripped) > 1 and stripped[1] not in " \t":
            return "", text, 0  # "-10 %" is a number, not a bullet
        if first == "o" and (len(stripped) < 2 or stripped[1] not in " \t"):
            return "", text, 0
        rest = stripped[1:].lstrip(" \t")
        # A second glyph after the first ("• – text") is one marker.
        if rest and is_glyph(rest[0]) and len(rest) > 1 and rest[1] in " \t":
            rest = rest[1:].lstrip()
        return "bullet", rest, 0  # the glyph is stripped[0]
    match = OUTLINE.match(stripped)
    if match:
        return "outline", stripped[match.end() :], match.group(1).count(".")
    match = NUMBER.match(stripped)
    if match:
        return "number", stripped[match.end() :], 0
    match = ROMAN.match(stripped) or BARE_ROMAN.match(stripped)
    if match and match.group(1):
        return "roman", stripped[match.end() :], 0
    match = LETTER.match(stripped)
    if match:
        return "letter", stripped[match.end() :], 0
    return "", text, 0


# --- Pieces ---------------------------------------------------------------------------------------


@dataclass(eq=False)  # a piece is itself: compared by identity, as lists of thousands need
class Piece:
    text: str  # without its marker
    source: str = ""
    page: int = 0
    marker: str = ""  # "bullet", "number", "outline", "letter", "roman" or ""
    depth: int = 0  # list level (from the format or the indent)
    dots: int = 0  # an outline number's depth: "1.2" has one, "1.2.3" two
    glyph: str = ""  # a bullet's character as written ("•", "–", "o"), "" for a format's list
    heading: int = 0  # heading level from the format's style (1 = top), 0 if none
    size: float = 1.0  # font size against the body text's (a PDF)
    bold: bool = False
    whole: bool = False  # a paragraph the format gave whole (never joined to another)
    furniture: bool = False  # a page header, footer or page number
    fixed: str = ""  # a role the document states: a table's column, a label word
    table: str = ""  # the table it came from
    weight: Decimal | None = None
    follow_ups: dict[str, str] = field(default_factory=dict)
    # What `roles` decides:
    role: str = "text"  # "area", "goal", "indicator", "text", "ignore"
    confidence: float = 0.5
    why: str = ""

    @property
    def caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 4 and all(c.isupper() for c in letters)

    def short(self, limit: int = 160) -> bool:
        return len(self.text) <= limit


LIST_FORMATS = {
    "bullet": "bullet",
    "decimal": "number",
    "decimalZero": "number",
    "lowerLetter": "letter",
    "upperLetter": "letter",
    "lowerRoman": "letter",
    "upperRoman": "roman",
    "1": "number",
    "a": "letter",
    "A": "letter",
    "i": "letter",
    "I": "roman",
}


def from_line(text: str, kind: str, level: int, source: str, attrs: dict[str, Any]) -> Piece:
    """One extracted line as a piece, before broken lines are joined."""
    raw = text.replace("\u00a0", " ").replace("\u200b", "")
    page = int(attrs.get("page", 0) or 0)
    piece = Piece(text="", source=source, page=page)
    piece.size = float(attrs.get("size", 1.0) or 1.0)
    piece.bold = bool(attrs.get("bold"))
    piece.furniture = bool(attrs.get("furniture"))
    if kind == "heading":
        piece.heading = max(int(level or 1), 1)
        piece.whole = True
        found, rest, extra = marker(raw)
        piece.text = squash(rest if found in ("number", "outline", "roman") else raw)
        piece.dots = extra
        return piece
    if kind == "item":
        piece.whole = True
        piece.marker = LIST_FORMATS.get(str(attrs.get("format") or "bullet"), "bullet")
        piece.depth = int(level or 0)
        found, rest, extra = marker(raw)
        piece.text = squash(rest if found else raw)  # a marker typed into a list item
        if str(attrs.get("format") or "") == "decimal" and "%2" in str(attrs.get("pattern", "")):
            piece.marker = "outline"
        return piece
    indent = float(attrs.get("indent", 0) or 0)
    spaces = len(raw) - len(raw.lstrip(" \t"))
    found, rest, extra = marker(raw)
    piece.marker = found
    piece.text = squash(rest)
    piece.whole = kind == "para"
    piece.dots = extra
    if found == "bullet":
        piece.glyph = GLYPH_CLASS.get(raw.lstrip()[:1], raw.lstrip()[:1])
    depth = 0
    if kind == "pdf":
        depth += int(indent // 1.8)
    elif kind == "text":
        depth += raw[:spaces].count("\t") + raw[:spaces].count(" ") // 2
    piece.depth = depth
    return piece


def split_weight(text: str) -> tuple[str, Decimal | None]:
    """A goal title without its weight, and the weight ("Talous (paino 20 %)")."""
    match = WEIGHT.search(text)
    if not match or match.start() == 0:
        return text, None
    try:
        weight = Decimal(match.group(1).replace(",", "."))
    except ArithmeticError:
        return text, None
    if weight > 100:
        return text, None
    return squash(text[: match.start()]).rstrip(" ,;:–-"), weight


SWEDISH = frozenset(
    [
        "och",
        "att",
        "för",
        "av",
        "med",
        "som",
        "i",
        "på",
        "till",
        "den",
        "det",
        "är",
        "ett",
        "en",
        "inom",
        "samt",
        "ska",
        "kommunens",
        "målet",
        "mål",
        "utveckling",
        "av",
        "genomförande",
        "stärkt",
        "ekonomin",
        "personalens",
        "tjänster",
        "samarbete",
        "med",
        "nya",
        "minst",
        "uppnås",
        "följs",
        "upp",
        "fattat",
        "förändrat",
        "beslut",
        "om",
    ]
)
FINNISH = frozenset(
    ["ja", "tai", "sekä", "on", "että", "kunnan", "kaupungin", "ei", "ovat", "kanssa"]
)
SWEDISH_ENDINGS = re.compile(
    r"(?:ens|ets|arna|erna|orna|ning|ningen|heten|ligt|tion|iska|aget|get|ade|ande|ende|erat)$"
)
FINNISH_ENDINGS = re.compile(
    r"(?:nen|minen|ssa|ssä|sta|stä|lla|llä|lle|aan|ään|iin|ksi|tus|tys|uus|yys|ttu|tty|ti|ni|"
    r"si|li|ri|ki|ön|än|ia|iä|ua|yä|sto|stö)$"
)
DOUBLE_VOWEL = re.compile(r"aa|ää|ee|ii|oo|uu|yy|öö")


def language_of(text: str) -> str:
    """ "sv", "fi" or "" for a line: Swedish words and "å" against Finnish words, endings
    and double vowels."""
    words = re.findall(r"[a-zåäöé]+", text.lower())
    if not words:
        return ""
    swedish = sum(
        1 for w in words if w in SWEDISH or SWEDISH_ENDINGS.search(w)
    ) + 2 * text.lower().count("å")
    finnish = sum(
        1 for w in words
        if w in FINNISH or FINNISH_ENDINGS.search(w) or DOUBLE_VOWEL.search(w)
    )  # fmt: skip
    if swedish > finnish:
        return "sv"
    if finnish > swedish:
        return "fi"
    return ""
