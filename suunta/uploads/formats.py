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
- PDF: checked with pypdf (pages, unpacked content counted before any text is extracted),
  then laid out with pdfplumber (`pdf_layout`): lines with size, weight and indent, tables,
  two columns, page furniture.

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
    numbering = _numbering(document)
    blocks: list[list[Any]] = []
    rows_total = cells_total = 0
    max_rows = options.get("max_rows", limits.MAX_ROWS)
    for index, child in enumerate(document.element.body.iterchildren()):
        source = f"paragraph {index + 1}"
        if child.tag == W + "p":
            blocks.append(_docx_paragraph(child, styles, numbering, source))
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


def _paragraph_styles(document) -> dict[str | None, tuple[str, Any, bool]]:
    """The paragraph styles by id, read once (python-docx looks a paragraph's style up by
    searching all the styles: thousands of paragraphs made that the slowest step): each
    style's name, its list numbering (numId, level) if the style is a list style, and whether
    it is bold. The default style is under the key None."""
    found: dict[str | None, tuple[str, Any, bool]] = {}
    based: dict[str, str] = {}
    for style in document.styles.element.iterchildren(W + "style"):
        if style.get(W + "type") != "paragraph":
            continue
        style_id = style.get(W + "styleId")
        name = style.find(W + "name")
        numbering = None
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id = num_pr.find(W + "numId")
            ilvl = num_pr.find(W + "ilvl")
            if num_id is not None:
                numbering = (
                    num_id.get(W + "val"),
                    int(_digits(ilvl.get(W + "val")) if ilvl is not None else 0),
                )
        bold = _on(style.find(f"{W}rPr/{W}b"))
        parent = style.find(W + "basedOn")
        if parent is not None and style_id:
            based[style_id] = parent.get(W + "val") or ""
        found[style_id] = (
            (name.get(W + "val") if name is not None else style_id) or "",
            numbering,
            bold,
        )
        if style.get(W + "default") in ("1", "true", "on"):
            found[None] = found[style_id]
    for style_id, parent in based.items():  # a list style based on another keeps its list
        name, numbering, bold = found[style_id]
        if numbering is None and parent in found and found[parent][1] is not None:
            found[style_id] = (name, found[parent][1], bold)
    return found


def _digits(value: Any) -> str:
    text = "".join(ch for ch in str(value or "") if ch.isdigit())[:2]
    return text or "0"


def _on(element) -> bool:
    return element is not None and element.get(W + "val", "true") not in ("0", "false", "off")


def _numbering(document) -> dict[str, dict[int, tuple[str, str]]]:
    """Each list's (numId) levels: their number format ("bullet", "decimal", "lowerLetter" …)
    and their text pattern ("%1.%2.")."""
    try:
        part = document.part.numbering_part
    except (KeyError, NotImplementedError):
        return {}
    root = part.element
    abstract: dict[str, dict[int, tuple[str, str]]] = {}
    for definition in root.iterchildren(W + "abstractNum"):
        levels: dict[int, tuple[str, str]] = {}
        for level in definition.iterchildren(W + "lvl"):
            number_format = level.find(W + "numFmt")
            pattern = level.find(W + "lvlText")
            levels[int(_digits(level.get(W + "ilvl")))] = (
                (number_format.get(W + "val") if number_format is not None else "") or "",
                (pattern.get(W + "val") if pattern is not None else "") or "",
            )
        abstract[definition.get(W + "abstractNumId") or ""] = levels
    lists: dict[str, dict[int, tuple[str, str]]] = {}
    for num in root.iterchildren(W + "num"):
        reference = num.find(W + "abstractNumId")
        if reference is not None:
            lists[num.get(W + "numId") or ""] = abstract.get(reference.get(W + "val") or "", {})
    return lists


def _docx_paragraph(p, styles, numbering, source: str) -> list[Any]:
    properties = p.pPr
    style_id = (
        properties.pStyle.val if properties is not None and properties.pStyle is not None else None
    )
    default = styles.get(None, ("", None, False))
    style, style_list, style_bold = styles.get(style_id, default) if style_id else default
    text = _docx_text(p)
    lowered = style.lower()
    attrs: dict[str, Any] = {"bold": _bold(p, style_bold, text)}
    if lowered.startswith(("toc", "sisällys", "innehåll")):  # a table of contents' line
        attrs["furniture"] = True
        return ["line", text, "para", 0, source, attrs]
    if lowered.startswith(("heading", "otsikko", "rubrik")) or lowered == "title":
        digits = "".join(ch for ch in style if ch.isdigit())
        return ["line", text, "heading", int(digits or 1), source, attrs]
    num_pr = properties.numPr if properties is not None else None
    list_ref = None
    if num_pr is not None and num_pr.numId is not None:
        level = int(num_pr.ilvl.val or 0) if num_pr.ilvl is not None else 0
        list_ref = (str(num_pr.numId.val), level)
        if list_ref[0] == "0":  # numbering switched off for this paragraph
            list_ref = None
    elif style_list is not None:
        list_ref = style_list
        if lowered[-1:].isdigit():  # "List Bullet 2": its own list, one level down
            list_ref = (style_list[0], max(style_list[1], int(lowered[-1]) - 1))
    if list_ref is not None or lowered.startswith(("list", "luettelo")):
        level = 0
        number_format, pattern = "", ""
        if list_ref is not None:
            level = list_ref[1]
            number_format, pattern = numbering.get(list_ref[0], {}).get(level, ("", ""))
        elif lowered[-1:].isdigit():
            level = int(lowered[-1]) - 1
        if not number_format:
            number_format = "decimal" if "number" in lowered or "numero" in lowered else "bullet"
        attrs.update({"format": number_format, "pattern": pattern})
        return ["line", text, "item", level, source, attrs]
    return ["line", text, "para", 0, source, attrs]


def _bold(p, style_bold: bool, text: str) -> bool:
    """Every run with text is bold (by its own formatting or by the paragraph's style)."""
    if not text.strip():
        return False
    runs = 0
    for run in p.iterchildren(W + "r"):
        if not "".join(t.text or "" for t in run.iterchildren(W + "t")).strip():
            continue
        runs += 1
        own = run.find(f"{W}rPr/{W}b")
        if own is not None:
            if not _on(own):
                return False
        elif not style_bold:
            return False
    return runs > 0


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


def _content(data: bytes, part: str = "content.xml"):
    from defusedxml import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(part)
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


STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"


def _odf_styles(root) -> tuple[dict[str, dict[int, str]], set[str]]:
    """The list styles' formats by level ("bullet", "1", "a", "I" …) and the names of the
    bold paragraph and text styles, from a content.xml or styles.xml root."""
    lists: dict[str, dict[int, str]] = {}
    bold: set[str] = set()
    for list_style in root.iter(TEXT + "list-style"):
        levels: dict[int, str] = {}
        for level in list_style:
            depth = _odf_int(level.get(TEXT + "level")) - 1
            if level.tag == TEXT + "list-level-style-bullet":
                levels[depth] = "bullet"
            elif level.tag == TEXT + "list-level-style-number":
                levels[depth] = level.get(STYLE + "num-format") or "1"
        lists[list_style.get(STYLE + "name") or ""] = levels
    for style in root.iter(STYLE + "style"):
        properties = style.find(STYLE + "text-properties")
        if properties is not None and properties.get(FO + "font-weight") in ("bold", "600", "700"):
            bold.add(style.get(STYLE + "name") or "")
    return lists, bold


def odt(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    root = _content(data)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    blocks: list[list[Any]] = []
    if body is None:
        return {"blocks": blocks}
    lists, bold = _odf_styles(root)
    try:
        more_lists, more_bold = _odf_styles(_content(data, "styles.xml"))
        lists = {**more_lists, **lists}
        bold |= more_bold
    except (KeyError, Refused):
        pass

    def is_bold(element) -> bool:
        if element.get(TEXT + "style-name") in bold:
            return True
        spans = [c for c in element if c.tag == TEXT + "span" and (c.text or "").strip()]
        return (
            bool(spans)
            and not (element.text or "").strip()
            and all(
                c.get(TEXT + "style-name") in bold and not (c.tail or "").strip() for c in spans
            )
        )

    def walk(element, list_level: int | None, list_style: str) -> None:
        for child in element:
            source = f"paragraph {len(blocks) + 1}"
            if child.tag == TEXT + "h":
                level = min(_odf_int(child.get(TEXT + "outline-level")), 10)
                blocks.append(["line", _odf_text(child), "heading", level, source, {}])
            elif child.tag == TEXT + "p":
                attrs: dict[str, Any] = {"bold": is_bold(child)}
                if list_level is None:
                    blocks.append(["line", _odf_text(child), "para", 0, source, attrs])
                else:
                    number_format = lists.get(list_style, {}).get(list_level, "bullet")
                    attrs["format"] = number_format
                    blocks.append(["line", _odf_text(child), "item", list_level, source, attrs])
            elif child.tag == TEXT + "list":
                style = child.get(TEXT + "style-name") or list_style
                walk(child, 0 if list_level is None else list_level + 1, style)
            elif child.tag in (TEXT + "list-item", TEXT + "list-header", TEXT + "section"):
                walk(child, list_level, list_style)
            elif child.tag == TABLE + "table":
                blocks.append(_odf_table(child, f"table at {source}"))

    walk(body, None, "")
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
        del pages, reader
        import pdfplumber

        from . import pdf_layout

        with pdfplumber.open(io.BytesIO(data)) as document:
            return pdf_layout.read(document, max_pages, budget)
    except Refused:
        raise
    except Exception:  # any parser failure is a damaged file
        raise Refused("damaged") from None


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
