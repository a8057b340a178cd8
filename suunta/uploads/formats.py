"""The parsers, run only inside the child process (`child`): each turns a file that the
prechecks accepted into plain data. No Django here; a refusal is a `Refused(code)` that the
server turns into a message.

- DOCX (python-docx): paragraphs with their style (headings and their level) and list
  numbering (list items and their level); tables as rows of cells.
- ODT, ODS: content.xml parsed with defusedxml; headings, lists, paragraphs and tables.
- XLSX (openpyxl's row parser, values only): the real rows of each sheet, streamed. The
  declared dimension is ignored and no row is padded: a gap between rows counts towards the
  row limit but costs nothing, and the reading stops at the limit.
- Logos (PNG, JPEG, SVG): checked and written again, in `logos`.
- PDF: pypdf's text, page by page, up to a number of pages, of unpacked content (counted
  before any text is extracted) and of characters.

Lines are `["line", text, kind, level, source]`, tables `["table", rows, source]`.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal
from typing import Any

from . import limits


class Refused(Exception):
    """The file is refused; `code` says why ("damaged", "rows", "sheets"), `values` what the
    message names (a logo's size in pixels)."""

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


# --- DOCX ---------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    import docx as python_docx

    try:
        document = python_docx.Document(io.BytesIO(data))
    except Exception:  # any parser failure is a damaged file
        raise Refused("damaged") from None
    styles = _paragraph_styles(document)
    blocks: list[list[Any]] = []
    rows_total = cells_total = 0
    max_rows = options.get("max_rows", limits.MAX_ROWS)
    for index, child in enumerate(document.element.body.iterchildren()):
        source = f"paragraph {index + 1}"
        if child.tag == W + "p":
            blocks.append(_docx_paragraph(child, styles, source))
        elif child.tag == W + "tbl":
            rows = []
            for tr in child.iterchildren(W + "tr"):
                rows_total += 1
                if rows_total > max_rows:
                    raise Refused("rows")
                row = _docx_row(tr)
                cells_total += len(row)
                if cells_total > limits.MAX_CELLS:
                    raise Refused("cells")
                rows.append(row)
            blocks.append(["table", rows, f"table at {source}"])
    return {"blocks": blocks}


def _docx_row(tr) -> list[str]:
    """A table row's cells as text, read from its own <w:tc> elements in one pass: a cell
    spanning columns is repeated in each (as python-docx gives it), a cell that continues a
    vertical merge is empty (python-docx walks up through every merged cell above it for
    each one: a column of a few thousand merged cells took seconds)."""
    cells: list[str] = []
    for tc in tr.iterchildren(W + "tc"):
        properties = tc.find(W + "tcPr")
        span, continued = 1, False
        if properties is not None:
            grid_span = properties.find(W + "gridSpan")
            if grid_span is not None:
                span = min(_odf_int(grid_span.get(W + "val")), MAX_SPAN)
            merge = properties.find(W + "vMerge")
            continued = merge is not None and merge.get(W + "val", "continue") == "continue"
        text = "" if continued else "\n".join(_docx_text(p) for p in tc.iterchildren(W + "p"))
        cells.extend([text] * span)
    return cells


MAX_SPAN = 63  # the most columns a Word table has


def _paragraph_styles(document) -> dict[str | None, str]:
    """The paragraph styles' names by id, read once (python-docx looks a paragraph's style up
    by searching all the styles: thousands of paragraphs made that the slowest step). The
    default style is under the key None."""
    names: dict[str | None, str] = {}
    for style in document.styles.element.iterchildren(W + "style"):
        if style.get(W + "type") != "paragraph":
            continue
        name = style.find(W + "name")
        names[style.get(W + "styleId")] = (
            name.get(W + "val") if name is not None else style.get(W + "styleId")
        ) or ""
        if style.get(W + "default") in ("1", "true", "on"):
            names[None] = names[style.get(W + "styleId")]
    return names


def _docx_paragraph(p, styles: dict[str | None, str], source: str) -> list[Any]:
    properties = p.pPr
    style_id = (
        properties.pStyle.val if properties is not None and properties.pStyle is not None else None
    )
    style = styles.get(style_id, styles.get(None, "")) if style_id else styles.get(None, "")
    lowered = style.lower()
    if lowered.startswith(("heading", "otsikko", "rubrik")) or lowered == "title":
        digits = "".join(ch for ch in style if ch.isdigit())
        return ["line", _docx_text(p), "heading", int(digits or 1), source]
    numbered = properties is not None and properties.numPr is not None
    if numbered or lowered.startswith(("list", "luettelo")):
        level = 0
        if numbered and properties.numPr.ilvl is not None:
            level = int(properties.numPr.ilvl.val or 0)
        elif lowered[-1:].isdigit():
            level = int(lowered[-1]) - 1
        return ["line", _docx_text(p), "item", level, source]
    return ["line", _docx_text(p), "para", 0, source]


DOCX_CONTAINERS = {
    W + tag
    for tag in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml")
}
DOCX_RUN_TEXT = {
    W + "t": None,
    W + "tab": "\t",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
}


def _docx_text(element) -> str:
    """A paragraph's text as Word shows it: its runs, also inside links, insertions and
    fields (python-docx's `Paragraph.text` runs an XPath query per run, slow on long
    documents). Deleted text and text boxes are left out."""
    parts: list[str] = []
    for child in element.iterchildren():
        if child.tag == W + "r":
            for piece in child.iterchildren():
                if piece.tag in DOCX_RUN_TEXT:
                    parts.append(DOCX_RUN_TEXT[piece.tag] or piece.text or "")
        elif child.tag in DOCX_CONTAINERS:
            parts.append(_docx_text(child))
    return "".join(parts)


# --- ODT and ODS ------------------------------------------------------------------------------

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _content(data: bytes):
    from defusedxml import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("content.xml")
    try:
        return ElementTree.fromstring(xml, forbid_dtd=True, forbid_entities=True)
    except Exception:  # any parser failure is a damaged file
        raise Refused("damaged") from None


def _odf_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == TEXT + "s":
            parts.append(" " * min(_odf_int(child.get(TEXT + "c")), 100))
        elif child.tag == TEXT + "tab":
            parts.append("\t")
        elif child.tag == TEXT + "line-break":
            parts.append("\n")
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odf_table(element, source: str) -> list[Any]:
    """A table or a sheet: its own rows (also in header rows and row groups), each read once;
    a table nested in a cell is not read (each nested table's rows would be read again for
    each table around it). LibreOffice writes a sheet's unused rest as repeated empty rows and
    cells ("number-rows-repeated" of a million) and a merged cell's others as covered cells:
    repeats are bounded (an empty row or cell counts once) and the table stops at the limits."""
    rows: list[list[str]] = []
    total = 0
    for row in _odf_rows(element):
        repeat = min(_odf_int(row.get(TABLE + "number-rows-repeated")), 2)
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                continue
            text = "\n".join(_odf_cell_text(cell))
            count = _odf_int(cell.get(TABLE + "number-columns-repeated"))
            cells.extend([text] * (min(count, 50) if text else 1))
            if len(cells) > 1000:
                break
        while cells and not cells[-1]:
            cells.pop()
        for _ in range(repeat if any(cells) else 1):
            rows.append(cells)
            total += len(cells)
        if len(rows) > limits.MAX_ROWS or total > limits.MAX_CELLS:
            break
    return ["table", rows, source]


ROW_GROUPS = {TABLE + tag for tag in ("table-header-rows", "table-rows", "table-row-group")}


def _odf_rows(table):
    """A table's rows in order: its children, and the children of its row groups (which may
    hold groups), without going into the cells."""
    stack = [iter(table)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == TABLE + "table-row":
            yield child
        elif child.tag in ROW_GROUPS:
            stack.append(iter(child))


def _odf_cell_text(element) -> list[str]:
    """A cell's paragraphs and headings, also in lists and sections, not in tables."""
    texts: list[str] = []
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in (TEXT + "p", TEXT + "h"):
            texts.append(_odf_text(child))
        elif child.tag in (
            TEXT + "list",
            TEXT + "list-item",
            TEXT + "list-header",
            TEXT + "section",
        ):
            stack.append(iter(child))
    return texts


def _odf_int(value: str | None, default: int = 1) -> int:
    """A count attribute: a number at least 1; anything else (a hostile "99999999999" is
    bounded by the callers) counts as the default."""
    try:
        return max(int(value or default), 1)
    except ValueError:
        return default


def odt(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    root = _content(data)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    blocks: list[list[Any]] = []
    if body is None:
        return {"blocks": blocks}

    def walk(element, list_level: int | None) -> None:
        for child in element:
            source = f"paragraph {len(blocks) + 1}"
            if child.tag == TEXT + "h":
                level = min(_odf_int(child.get(TEXT + "outline-level")), 10)
                blocks.append(["line", _odf_text(child), "heading", level, source])
            elif child.tag == TEXT + "p":
                if list_level is None:
                    blocks.append(["line", _odf_text(child), "para", 0, source])
                else:
                    blocks.append(["line", _odf_text(child), "item", list_level, source])
            elif child.tag == TEXT + "list":
                walk(child, 0 if list_level is None else list_level + 1)
            elif child.tag in (TEXT + "list-item", TEXT + "list-header", TEXT + "section"):
                walk(child, list_level)
            elif child.tag == TABLE + "table":
                blocks.append(_odf_table(child, f"table at {source}"))

    walk(body, None)
    return {"blocks": blocks}


def ods(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    root = _content(data)
    # The sheets are the spreadsheet's own tables; a table inside a cell is not a sheet.
    body = root.find(f"{OFFICE}body/{OFFICE}spreadsheet")
    sheets = [] if body is None else list(body.iterfind(TABLE + "table"))
    if len(sheets) > limits.MAX_SHEETS:
        raise Refused("sheets")
    return {
        "blocks": [_odf_table(sheet, f"sheet {index + 1}") for index, sheet in enumerate(sheets)]
    }


# --- XLSX -------------------------------------------------------------------------------------


def xlsx(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    """Each sheet's real rows as lists of values (None for an empty cell), at most
    `max_columns` wide. With `gaps` (a goal document), the empty rows between real rows are
    kept and count towards `max_rows` over all sheets, and passing it is a refusal; without
    (measured values), empty rows are skipped and the reading stops after `max_rows` rows,
    saying `truncated`. `first_sheet` reads only the first sheet."""
    import openpyxl
    from openpyxl.worksheet._reader import WorkSheetParser

    gaps = options.get("gaps", True)
    max_rows = options.get("max_rows", limits.MAX_ROWS)
    max_columns = options.get("max_columns", limits.MAX_COLUMNS)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # any parser failure is a damaged file
        raise Refused("damaged") from None
    sheets = workbook.worksheets
    if len(sheets) > limits.MAX_SHEETS:
        raise Refused("sheets")
    if options.get("first_sheet"):
        sheets = sheets[:1]
    out: list[list[Any]] = []
    used = cells = 0
    truncated = False
    try:
        for index, sheet in enumerate(sheets):
            rows: list[list[Any]] = []
            last = 0
            # openpyxl's own iteration pads every row to the declared dimension and every gap
            # with empty rows: its row parser gives only the rows that are in the file.
            with sheet._get_source() as source:
                parser = WorkSheetParser(
                    source,
                    sheet._shared_strings,
                    data_only=True,
                    epoch=workbook.epoch,
                    date_formats=workbook._date_formats,
                    timedelta_formats=workbook._timedelta_formats,
                )
                for number, row in parser.parse():
                    cells += len(row)
                    if cells > limits.MAX_CELLS:
                        raise Refused("rows")
                    values = {
                        c["column"]: c["value"]
                        for c in row
                        if c["value"] not in (None, "") and 0 < c["column"] <= max_columns
                    }
                    if not values:
                        continue
                    if gaps:
                        gap = number - last - 1
                        used += max(number - last, 1)
                        if used > max_rows:
                            raise Refused("rows")
                        rows.extend([] for _ in range(max(gap, 0)))
                    else:
                        used += 1
                        if used > max_rows:
                            truncated = True
                            break
                    rows.append([values.get(c) for c in range(1, max(values) + 1)])
                    last = number
            out.append(["table", [[_plain(v) for v in r] for r in rows], f"sheet {index + 1}"])
            if truncated:
                break
    except Refused:
        raise
    except Exception:  # a broken sheet
        raise Refused("damaged") from None
    finally:
        workbook.close()
    return {"blocks": out, "truncated": truncated}


def _plain(value: Any) -> Any:
    """A cell's value as JSON: dates and times tagged so that the server gets them back."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


# --- PDF --------------------------------------------------------------------------------------


def pdf(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    """The text of each page. Before any text is extracted, the pages' content streams are
    unpacked and measured: their bytes, a stream shared by several pages counted for each,
    are bounded (text extraction costs about 2 s of CPU per MB of content on the server), and
    this process's CPU limit is lowered to what that much content needs."""
    from pypdf import PdfReader

    max_pages = options.get("max_pages", limits.PDF_MAX_PAGES)
    budget = limits.MAX_TEXT
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        # The page count the document declares, read before any page is: a goal document is
        # not hundreds of pages long, and walking a page tree of thousands takes seconds.
        trailer: Any = reader.trailer
        declared = trailer["/Root"]["/Pages"].get("/Count", 0)
        if isinstance(declared, int) and declared > max_pages:
            raise Refused("pages")
        pages = []
        for number, page in enumerate(reader.pages):
            if number >= max_pages:
                break
            pages.append(page)
        content = _pdf_content(pages)
        _limit_cpu(limits.CHILD_SECONDS + limits.PDF_SECONDS_PER_MB * content / 1024 / 1024)
        texts = []
        for page in pages:
            text = (page.extract_text() or "")[:budget]
            budget -= len(text)
            texts.append(text)
            if budget <= 0:
                break
    except Refused:
        raise
    except Exception:  # any parser failure is a damaged file
        raise Refused("damaged") from None
    return {"pages": texts}


def _pdf_content(pages: list[Any]) -> int:
    """The bytes of the pages' unpacked content streams, each stream counted for every page
    that draws it; `Refused("content")` as soon as they pass the limit."""
    from pypdf.generic import ArrayObject

    sizes: dict[int, int] = {}  # a stream's size by its object, unpacked once
    total = 0
    for page in pages:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = contents if isinstance(contents, ArrayObject) else [contents]
        for item in streams[:1000]:
            if item is None:
                continue
            stream = item.get_object()
            if id(stream) not in sizes:
                get_data = getattr(stream, "get_data", None)
                sizes[id(stream)] = len(get_data()) if get_data else 0
            total += sizes[id(stream)]
            if total > limits.PDF_MAX_CONTENT:
                raise Refused("content")
    return total


def _limit_cpu(seconds: float) -> None:
    """Set this process's CPU-time limit to `seconds` more than it has used, within the
    ceiling (the hard limit) that the server gave it."""
    import math
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    limit = math.ceil(used.ru_utime + used.ru_stime + seconds)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))


# --- Logos ------------------------------------------------------------------------------------


def logo(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    from .logos import read

    return read(data, options)


READERS = {"docx": docx, "odt": odt, "ods": ods, "xlsx": xlsx, "pdf": pdf, "logo": logo}
