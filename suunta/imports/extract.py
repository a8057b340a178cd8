"""The text of each format as blocks (`structure.Line`, `structure.Table`), in document order.

Call only after `safety.detect_type` has accepted the file: the zip formats have then been
checked for size, ratio, entities and element counts.

- DOCX (python-docx): paragraphs with their style (headings and their level) and list
  numbering (list items and their level); tables as rows of cells.
- ODT, ODS: content.xml parsed with defusedxml; headings, lists, paragraphs and tables.
- XLSX (openpyxl, read-only, values only): every sheet a table.
- PDF: pypdf's text, extracted in a separate process with a time and a memory limit; pages
  are kept apart.
- Text: UTF-8, else cp1252, else latin-1.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

from defusedxml import ElementTree
from django.utils.translation import gettext

from .safety import MAX_CELLS, MAX_ROWS, refuse
from .structure import Block, Line, Table, lines_of_text

PDF_SECONDS = 10
PDF_MEMORY = 512 * 1024 * 1024
PDF_MAX_PAGES = 200

# --- DOCX ---------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx(data: bytes, name: str) -> list[Block]:
    import docx as python_docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        document = python_docx.Document(io.BytesIO(data))
    except Exception:  # any parser failure is a damaged file
        raise refuse(name, gettext("the Word document is damaged.")) from None
    styles = _paragraph_styles(document)
    blocks: list[Block] = []
    for index, child in enumerate(document.element.body.iterchildren()):
        source = f"paragraph {index + 1}"
        if child.tag == W + "p":
            blocks.append(_docx_paragraph(Paragraph(child, document), styles, source))
        elif child.tag == W + "tbl":
            table = DocxTable(child, document)
            rows = []
            for row in table.rows:
                rows.append(
                    [
                        "\n".join(_docx_text(p) for p in cell._tc.iterchildren(W + "p"))
                        for cell in row.cells
                    ]
                )
            blocks.append(Table(rows=rows, source=f"table at {source}"))
    return blocks


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


def _docx_paragraph(paragraph, styles: dict[str | None, str], source: str) -> Line:
    properties = paragraph._p.pPr
    style_id = (
        properties.pStyle.val if properties is not None and properties.pStyle is not None else None
    )
    style = styles.get(style_id, styles.get(None, "")) if style_id else styles.get(None, "")
    lowered = style.lower()
    if lowered.startswith(("heading", "otsikko", "rubrik")) or lowered == "title":
        digits = "".join(ch for ch in style if ch.isdigit())
        return Line(_docx_text(paragraph._p), "heading", int(digits or 1), source)
    numbered = properties is not None and properties.numPr is not None
    if numbered or lowered.startswith(("list", "luettelo")):
        level = 0
        if numbered and properties.numPr.ilvl is not None:
            level = int(properties.numPr.ilvl.val or 0)
        elif lowered[-1:].isdigit():
            level = int(lowered[-1]) - 1
        return Line(_docx_text(paragraph._p), "item", level, source)
    return Line(_docx_text(paragraph._p), "para", 0, source)


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


def _content(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("content.xml")
    try:
        return ElementTree.fromstring(xml, forbid_dtd=True, forbid_entities=True)
    except Exception:  # any parser failure is a damaged file
        raise refuse(name, gettext("the document's content cannot be parsed.")) from None


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


def _odf_table(element, source: str) -> Table:
    """A table or a sheet. LibreOffice writes a sheet's unused rest as repeated empty rows and
    cells ("number-rows-repeated" of a million) and a merged cell's others as covered cells:
    repeats are bounded (an empty row or cell counts once) and the table stops at the limits."""
    rows: list[list[str]] = []
    total = 0
    for row in element.iter(TABLE + "table-row"):
        repeat = min(_odf_int(row.get(TABLE + "number-rows-repeated")), 2)
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                continue
            text = "\n".join(_odf_text(p) for p in cell.iter() if p.tag in (TEXT + "p", TEXT + "h"))
            count = _odf_int(cell.get(TABLE + "number-columns-repeated"))
            cells.extend([text] * (min(count, 50) if text else 1))
            if len(cells) > 1000:
                break
        while cells and not cells[-1]:
            cells.pop()
        for _ in range(repeat if any(cells) else 1):
            rows.append(cells)
            total += len(cells)
        if len(rows) > MAX_ROWS or total > MAX_CELLS:
            break
    return Table(rows=rows, source=source)


def _odf_int(value: str | None, default: int = 1) -> int:
    """A count attribute: a number at least 1; anything else (a hostile "99999999999" is
    bounded by the callers) counts as the default."""
    try:
        return max(int(value or default), 1)
    except ValueError:
        return default


def odt(data: bytes, name: str) -> list[Block]:
    root = _content(data, name)
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    blocks: list[Block] = []
    if body is None:
        return blocks

    def walk(element, list_level: int | None) -> None:
        for child in element:
            source = f"paragraph {len(blocks) + 1}"
            if child.tag == TEXT + "h":
                level = min(_odf_int(child.get(TEXT + "outline-level")), 10)
                blocks.append(Line(_odf_text(child), "heading", level, source))
            elif child.tag == TEXT + "p":
                if list_level is None:
                    blocks.append(Line(_odf_text(child), "para", 0, source))
                else:
                    blocks.append(Line(_odf_text(child), "item", list_level, source))
            elif child.tag == TEXT + "list":
                walk(child, 0 if list_level is None else list_level + 1)
            elif child.tag in (TEXT + "list-item", TEXT + "list-header", TEXT + "section"):
                walk(child, list_level)
            elif child.tag == TABLE + "table":
                blocks.append(_odf_table(child, f"table at {source}"))

    walk(body, None)
    return blocks


def ods(data: bytes, name: str) -> list[Block]:
    root = _content(data, name)
    return [
        _odf_table(sheet, f"sheet {index + 1}")
        for index, sheet in enumerate(root.iter(TABLE + "table"))
    ]


# --- XLSX -------------------------------------------------------------------------------------


def xlsx(data: bytes, name: str) -> list[Block]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # any parser failure is a damaged file
        raise refuse(name, gettext("the spreadsheet is damaged.")) from None
    blocks: list[Block] = []
    try:
        for index, sheet in enumerate(workbook.worksheets):
            rows = []
            for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS):
                cells = ["" if v is None else str(v) for v in row[:100]]
                while cells and not cells[-1]:
                    cells.pop()
                rows.append(cells)
            blocks.append(Table(rows=rows, source=f"sheet {index + 1}"))
    finally:
        workbook.close()
    return blocks


# --- PDF --------------------------------------------------------------------------------------

PDF_CHILD = """
import io, json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds}))
data = sys.stdin.buffer.read()
try:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(data), strict=False)
    pages = []
    for number, page in enumerate(reader.pages):
        if number >= {pages}:
            break
        pages.append(page.extract_text() or "")
except Exception as error:
    json.dump({{"error": type(error).__name__}}, sys.stdout)
else:
    json.dump({{"pages": pages}}, sys.stdout)
"""


def pdf_pages(data: bytes, name: str) -> list[str]:
    """The text of each page, from pypdf in a child process limited in time and memory."""
    code = PDF_CHILD.format(memory=PDF_MEMORY, seconds=PDF_SECONDS, pages=PDF_MAX_PAGES)
    try:
        completed = subprocess.run(  # noqa: S603 — our own interpreter and code
            [sys.executable, "-I", "-c", code],
            input=data,
            capture_output=True,
            timeout=PDF_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise refuse(name, gettext("reading the PDF took too long.")) from None
    try:
        result = json.loads(completed.stdout.decode("utf-8") or "{}")
    except ValueError:
        result = {}
    if completed.returncode != 0 or "pages" not in result:
        raise refuse(name, gettext("the PDF is damaged or not readable."))
    pages = [str(p) for p in result["pages"]]
    if not any(p.strip() for p in pages):
        raise refuse(name, gettext("the PDF has no text (a scanned image cannot be read)."))
    return pages


def pdf(data: bytes, name: str) -> list[Block]:
    return lines_of_text("\f".join(pdf_pages(data, name)))


# --- Text -------------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def text(data: bytes, name: str) -> list[Block]:
    return lines_of_text(decode_text(data))


EXTRACTORS = {"docx": docx, "odt": odt, "ods": ods, "xlsx": xlsx, "pdf": pdf, "text": text}
