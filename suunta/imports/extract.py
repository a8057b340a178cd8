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
    blocks: list[Block] = []
    for index, child in enumerate(document.element.body.iterchildren()):
        source = f"paragraph {index + 1}"
        if child.tag == W + "p":
            blocks.append(_docx_paragraph(Paragraph(child, document), source))
        elif child.tag == W + "tbl":
            table = DocxTable(child, document)
            rows = []
            for row in table.rows:
                rows.append(["\n".join(p.text for p in cell.paragraphs) for cell in row.cells])
            blocks.append(Table(rows=rows, source=f"table at {source}"))
    return blocks


def _docx_paragraph(paragraph, source: str) -> Line:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    lowered = style.lower()
    if lowered.startswith(("heading", "otsikko", "rubrik")) or lowered == "title":
        digits = "".join(ch for ch in style if ch.isdigit())
        return Line(paragraph.text, "heading", int(digits or 1), source)
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if numbered or lowered.startswith(("list", "luettelo")):
        level = 0
        if numbered and properties.numPr.ilvl is not None:
            level = int(properties.numPr.ilvl.val or 0)
        elif lowered[-1:].isdigit():
            level = int(lowered[-1]) - 1
        return Line(paragraph.text, "item", level, source)
    return Line(paragraph.text, "para", 0, source)


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
            parts.append(" " * int(child.get(TEXT + "c", "1")))
        elif child.tag == TEXT + "tab":
            parts.append("\t")
        elif child.tag == TEXT + "line-break":
            parts.append("\n")
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odf_table(element, source: str) -> Table:
    rows: list[list[str]] = []
    for row in element.iter(TABLE + "table-row"):
        repeat = min(int(row.get(TABLE + "number-rows-repeated", "1")), 2)
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                continue
            text = "\n".join(_odf_text(p) for p in cell.iter() if p.tag in (TEXT + "p", TEXT + "h"))
            count = int(cell.get(TABLE + "number-columns-repeated", "1"))
            cells.extend([text] * (min(count, 50) if text else min(count, 1)))
        while cells and not cells[-1]:
            cells.pop()
        for _ in range(repeat if any(cells) else 1):
            rows.append(cells)
        if len(rows) > MAX_ROWS or sum(len(r) for r in rows) > MAX_CELLS:
            break
    return Table(rows=rows, source=source)


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
                level = int(child.get(TEXT + "outline-level", "1"))
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
