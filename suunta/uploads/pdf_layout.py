"""A PDF page's layout as lines and tables, read with pdfplumber (pdfminer) inside the child
process (`child`, `formats.pdf`). No Django here.

What a reader of the structure needs and a PDF's plain text loses:

- **tables** found by their ruling lines (`find_tables`); each cell's text is read from the
  words inside it, so that a line break inside a cell is kept where the writer made one and a
  line that only wrapped is joined again;
- **lines** with their font size, whether they are bold, and how far they are indented;
  a paragraph's wrapped lines joined (the line above ran to the column's right edge, the next
  starts close below it in the same style and without a list marker);
- **two columns** read one after the other (a gutter down the middle that no word crosses);
- **page furniture** (headers, footers, page numbers: the same text at the top or bottom of
  several pages, or a bare page number) marked, so that it is never read as content;
- a **bullet glyph on a line of its own** (Word's Symbol bullets printed through some
  drivers) joined to the line it marks.

Text drawn invisibly over a scanned page image (OCR's text layer) is read like any other.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from typing import Any

BOLD = re.compile(r"(?:bold|black|heavy|semibold|demi|,b\b)", re.IGNORECASE)
CID = re.compile(r"\(cid:\d+\)")
SYMBOL_FONT = re.compile(r"wingding|webding|dingbat|symbol", re.IGNORECASE)
PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:sivu|sida|page|s\.)\s*)?[-–(]?\s*\d{1,3}\s*(?:(?:/|\(|of|av|\s)\s*\d{1,3}\s*\)?)?"
    r"\s*[-–)]?\s*$",
    re.IGNORECASE,
)
MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zåäö][.)]|[ivx]{1,4}[.)])$", re.IGNORECASE)


# A line cannot start with these: it continues the line above ("80" + "% esihenkilöistä").
CONTINUES = "%‰€),.;:"


def is_glyph(text: str) -> bool:
    """A bullet as it comes out of a PDF: one character that is not a letter or a digit (a
    symbol, a private-use character of a Symbol or Wingdings font, a control character)."""
    text = text.strip()
    if len(text) != 1:
        return False
    category = unicodedata.category(text)
    return (category[0] in "SPC" and text not in "([{\"'«»“”„" + CONTINUES) or text in "o\uf0b7"


@dataclass
class Row:
    words: list[dict[str, Any]]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    text: str = ""
    furniture: bool = False


@dataclass
class Para:
    text: str
    x0: float
    size: float
    bold: bool
    top: float
    furniture: bool = False
    rows: list[Row] = field(default_factory=list)


def _rows(words: list[dict[str, Any]]) -> list[Row]:
    """Words grouped into lines by their vertical position, each line's words left to right."""
    rows: list[Row] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        middle = (word["top"] + word["bottom"]) / 2
        target = None
        for row in reversed(rows[-4:]):
            if row.top - 1 <= middle <= row.bottom + 1:
                target = row
                break
        if target is None:
            rows.append(Row([word], word["top"], word["bottom"], word["x0"], word["x1"], 0, False))
        else:
            target.words.append(word)
            target.top = min(target.top, word["top"])
            target.bottom = max(target.bottom, word["bottom"])
    for row in rows:
        _measure(row)
    rows.sort(key=lambda r: r.top)
    return rows


def _measure(row: Row) -> Row:
    """The row's extent, size, weight and text from its words (sorted left to right)."""
    row.words.sort(key=lambda w: w["x0"])
    row.x0 = min(w["x0"] for w in row.words)
    row.x1 = max(w["x1"] for w in row.words)
    sized = [w for w in row.words if not is_glyph(w["text"])] or row.words
    row.size = max(float(w.get("size") or 0) for w in sized)
    row.bold = all(BOLD.search(str(w.get("fontname") or "")) for w in sized)
    row.text = _join_words(row.words)
    return row


def _join_words(words: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    previous = None
    for word in words:
        if previous is not None:
            gap = word["x0"] - previous["x1"]
            size = float(previous.get("size") or 10)
            parts.append("\t" if gap > size * 2.5 else " ")
        parts.append(word["text"])
        previous = word
    return "".join(parts)


def _columns(rows: list[Row], width: float) -> list[list[Row]]:
    """The page's rows in reading order. Where a gutter runs down the page that no word
    crosses and text stands on both sides of it, each such band of rows is read left half
    first, then right half; rows that cross the gutter (a title, a paragraph across the page)
    are read where they stand."""
    gutter = _gutter(rows, width * 0.3, width * 0.7)
    if gutter is None:
        return [rows]
    out: list[list[Row]] = []
    band: list[Row] = []

    def flush() -> None:
        split = any(_two(r, gutter) for r in band)
        if split:
            left = [_sub(r, [w for w in r.words if w["x1"] <= gutter]) for r in band]
            right = [_sub(r, [w for w in r.words if w["x0"] >= gutter]) for r in band]
            out.append([r for r in left if r is not None])
            out.append([r for r in right if r is not None])
        elif band:
            out.append(list(band))
        band.clear()

    height = statistics.median([r.bottom - r.top for r in rows]) if rows else 10
    for row in rows:
        if _across(row, gutter):
            flush()
            out.append([row])
        else:
            if band and row.top - band[-1].bottom > height * 1.5:
                flush()  # a blank line across both columns: the next block starts
            band.append(row)
    flush()
    return [c for c in out if c]


def _sides(row: Row, x: float) -> tuple[bool, bool]:
    return (
        any(w["x1"] <= x for w in row.words),
        any(w["x0"] >= x for w in row.words),
    )


def _across(row: Row, x: float) -> bool:
    """The row runs across `x`: a word crosses it, or the words either side of it are only a
    word space apart (a line of running text, not two columns)."""
    if any(w["x0"] < x < w["x1"] for w in row.words):
        return True
    left = [w["x1"] for w in row.words if w["x1"] <= x]
    right = [w["x0"] for w in row.words if w["x0"] >= x]
    return bool(left and right) and min(right) - max(left) < 8


def _two(row: Row, x: float) -> bool:
    return _sides(row, x) == (True, True) and not _across(row, x)


def _gutter(rows: list[Row], low: float, high: float) -> float | None:
    """The middle of the widest empty strip between `low` and `high` that many rows have words
    on both sides of and none across (at least three such rows in a run), where the right
    side's rows start at a common edge (text that merely stops short of the margin is not a
    column)."""
    # (rows across, rows on both sides, gap, middle) for each x tried
    candidates: list[tuple[int, int, float, float]] = []
    step = (high - low) / 40
    for i in range(41):
        x = low + i * step
        run = longest = across = 0
        both_rows = []
        for row in rows:
            crossing = _across(row, x)
            across += crossing
            both = _two(row, x)
            if both:
                both_rows.append(row)
            run = run + 1 if both else (run if not crossing else 0)
            longest = max(longest, run)
        if longest < 3:
            continue
        left = max(w["x1"] for r in both_rows for w in r.words if w["x1"] <= x)
        right = min(w["x0"] for r in both_rows for w in r.words if w["x0"] >= x)
        candidates.append((across, len(both_rows), right - left, (left + right) / 2))
    if not candidates:
        return None
    # Each candidate's strip judged at its own middle: rows on both sides less rows across.
    scored = []
    for _rows_across, _count, gap, middle in candidates:
        if gap < 8:
            continue
        rows_across = sum(1 for r in rows if _across(r, middle))
        rows_two = sum(1 for r in rows if _two(r, middle))
        scored.append((rows_two - rows_across, gap, middle))
    if not scored:
        return None
    _score, gap, middle = max(scored)
    starts = [
        round(min(w["x0"] for w in r.words if w["x0"] >= middle)) for r in rows if _two(r, middle)
    ]
    edge = min(starts) if starts else 0
    if sum(1 for s in starts if abs(s - edge) < 4) < max(3, len(starts) // 2):
        return None
    return middle


def _sub(row: Row, words: list[dict[str, Any]]) -> Row | None:
    if not words:
        return None
    return _measure(Row(list(words), row.top, row.bottom, 0, 0, 0, False))


def _starts_marked(text: str) -> bool:
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return is_glyph(first) or bool(MARKER.match(first))


def paragraphs(rows: list[Row], right: float | None = None, cell: bool = False) -> list[Para]:
    """Rows joined into paragraphs: a row continues the one above when the one above ran to
    the right edge of the text, the gap between them is a line's height at most, the style is
    the same and the row starts with no list marker; a bullet alone on its row marks the row
    below it."""
    if not rows:
        return []
    if right is None:
        right = max(r.x1 for r in rows)
    out: list[Para] = []
    glyph: Row | None = None
    for row in rows:
        text = row.text.strip()
        if not text:
            continue
        if is_glyph(text) and not row.furniture:
            glyph = row
            continue
        if glyph is not None:
            out.append(Para(glyph.text.strip() + " " + text, glyph.x0, row.size, row.bold, row.top))
            out[-1].rows.append(row)
            glyph = None
            continue
        previous = out[-1] if out else None
        last = previous.rows[-1] if previous and previous.rows else None
        if (
            previous is not None
            and last is not None
            and not row.furniture
            and not previous.furniture
            and not _starts_marked(text)
            and abs(row.size - previous.size) < 0.6
            and row.bold == previous.bold
            and 0 <= row.top - last.bottom < max(row.size, 6) * 0.9
            and (
                (_wrapped(last, row, right) and not (cell and text[:1].isupper()))
                or text[:1].islower()
                or text[:1] in CONTINUES
            )
            and row.x0 >= previous.x0 - 2
        ):
            # "ja -" + "suunnitelma": the hyphen of a word left out, joined without a space.
            previous.text += ("" if previous.text.endswith(" -") else " ") + text
            previous.rows.append(row)
            continue
        para = Para(text, row.x0, row.size, row.bold, row.top, row.furniture)
        para.rows.append(row)
        out.append(para)
    if glyph is not None:
        out.append(Para(glyph.text.strip(), glyph.x0, glyph.size, glyph.bold, glyph.top))
    return out


def _wrapped(last: Row, row: Row, right: float) -> bool:
    """The row's first word would not have fitted at the end of the row above: the line
    above wrapped, it did not end."""
    first = row.words[0]
    space = max(row.size, 6) * 0.3
    return last.x1 + space + (first["x1"] - first["x0"]) > right - 1


def _cell_text(words: list[dict[str, Any]], right: float) -> str:
    """A table cell's text: its paragraphs one per line (a line that ran to the cell's right
    edge and the one after it joined; a line that stopped short of the edge ends there)."""
    rows = _rows(words)
    width = max((r.x1 for r in rows), default=right)
    # In a cell a line starting with a capital starts an item: several indicators typed one
    # per line in a narrow column look just like one wrapped indicator.
    found = paragraphs(rows, max(width, right - 6), cell=True)
    return "\n".join(p.text.replace("\t", " ") for p in found)


def page_layout(page: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The page's tables (rows of cell texts, with their top) and the rows outside them."""
    tables: list[dict[str, Any]] = []
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    for word in words:  # a Wingdings "n" or Symbol "·" drawn as a bullet
        if len(word["text"]) <= 2 and SYMBOL_FONT.search(str(word.get("fontname") or "")):
            word["text"] = "•"
        elif "(cid:" in word["text"]:  # a glyph with no character (a bullet drawn as \x7f)
            word["text"] = CID.sub("", word["text"]) or "•"
    boxes = []
    for found in page.find_tables():
        cells = found.rows
        if len(cells) < 2 or max(len(r.cells) for r in cells) < 2:
            continue
        x0, top, x1, bottom = found.bbox
        boxes.append((x0, top, x1, bottom))
        rows = []
        for row in cells:
            texts = []
            for box in row.cells:
                if box is None:
                    texts.append("")
                    continue
                inside = [w for w in words if _within(w, box)]
                texts.append(_cell_text(inside, float(box[2])))
            rows.append(texts)
        tables.append({"rows": rows, "top": top})
    loose = [w for w in words if not any(_within(w, b) for b in boxes)]
    return tables, loose


def _within(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def mark_furniture(pages: list[tuple[float, list[Row]]]) -> None:
    """Headers and footers: a row in the top or bottom 8 % of its page that is a page number,
    or whose text (digits aside) is at the top or bottom of another page too."""
    seen: dict[str, int] = {}
    edges: list[tuple[Row, str]] = []
    for height, rows in pages:
        for row in rows:
            if row.top < height * 0.08 or row.bottom > height * 0.92:
                key = re.sub(r"\d+", "#", row.text.lower()).strip()
                edges.append((row, key))
                seen[key] = seen.get(key, 0) + 1
    for row, key in edges:
        if PAGE_NUMBER.match(row.text) or (len(pages) > 1 and seen[key] > 1):
            row.furniture = True


def body_size(pages: list[tuple[float, list[Row]]]) -> float:
    sizes = [
        round(r.size, 1) for _h, rows in pages for r in rows if not r.furniture for _ in r.text
    ]
    return statistics.mode(sizes) if sizes else 10.0


def read(document: Any, max_pages: int, budget: int) -> dict[str, Any]:
    """The document's blocks: `["line", text, kind, level, source, attrs]` and
    `["table", rows, source, attrs]`, page by page, in reading order; and each page's text."""
    laid_out: list[tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]] = []
    pages_rows: list[tuple[float, list[Row]]] = []
    texts: list[str] = []
    for number, page in enumerate(document.pages):
        if number >= max_pages or budget <= 0:
            break
        tables, words = page_layout(page)
        rows = _rows(words)
        laid_out.append((page, tables, words))
        pages_rows.append((float(page.height), rows))
        text = "\n".join(r.text for r in rows)[:budget]
        budget -= len(text) + sum(len(c) for t in tables for row in t["rows"] for c in row)
        texts.append(text)
    mark_furniture(pages_rows)
    size = body_size(pages_rows)
    blocks: list[list[Any]] = []
    for number, ((page, tables, _words), (_h, rows)) in enumerate(
        zip(laid_out, pages_rows, strict=True)
    ):
        width = float(page.width)
        items: list[tuple[float, list[Any]]] = []
        left = min((r.x0 for r in rows if not r.furniture), default=0.0)
        order = 0
        for column in _columns(rows, width):
            col_left = min((r.x0 for r in column if not r.furniture), default=left)
            for para in paragraphs(column):
                order += 1
                attrs = {
                    "page": number + 1,
                    "size": round(para.size / size, 2) if size else 1.0,
                    "bold": para.bold,
                    "indent": round(max(para.x0 - col_left, 0) / max(size, 6), 1),
                    "furniture": para.furniture,
                }
                source = f"page {number + 1} line {order}"
                items.append((para.top, ["line", para.text, "pdf", 0, source, attrs]))
        # A table goes before the first line below it on the page.
        for index, table in enumerate(sorted(tables, key=lambda t: t["top"])):
            at = next((i for i, (top, _b) in enumerate(items) if top > table["top"]), len(items))
            source = f"page {number + 1} table {index + 1}"
            items.insert(at, (table["top"], ["table", table["rows"], source, {"page": number + 1}]))
        blocks.extend(block for _top, block in items)
    return {"pages": texts, "blocks": blocks}
