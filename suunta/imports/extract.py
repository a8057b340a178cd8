"""The text of each format as blocks (`structure.Line`, `structure.Table`), in document order.

Call only after `safety.detect_type` has accepted the file: the zip formats have then been
checked for size, ratio, entities and element counts. The office formats and PDF are parsed
in a child process under time and memory limits (`suunta.uploads.reader`, the parsers in
`suunta.uploads.formats`); this module turns the plain data it returns into blocks.

- DOCX: paragraphs with their style (headings and their level) and list numbering (list items
  and their level); tables as rows of cells.
- ODT, ODS: headings, lists, paragraphs and tables.
- XLSX: every sheet a table of its real rows (the declared dimension is ignored).
- PDF: lines with their size, weight and indent, and tables, laid out by pdfplumber.
- Text: UTF-8, else cp1252, else latin-1; its lines are counted before any is built.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from suunta.uploads import limits, reader
from suunta.uploads.prechecks import check_lines

from .safety import refuse
from .structure import Block, Line, Table, lines_of_text

PDF_SECONDS = limits.CHILD_SECONDS
PDF_MEMORY = limits.CHILD_MEMORY
PDF_MAX_PAGES = limits.PDF_MAX_PAGES


def _blocks(result: dict[str, Any]) -> list[Block]:
    blocks: list[Block] = []
    for block in result["blocks"]:
        attrs = block[-1] if isinstance(block[-1], dict) else {}
        page = int(attrs.get("page", 0) or 0)
        if block[0] == "line":
            text, kind, level, source = block[1:5]
            blocks.append(Line(str(text), str(kind), int(level), str(source), page, attrs))
        else:
            rows, source = block[1:3]
            table = [["" if v is None else str(reader.cell_value(v)) for v in row] for row in rows]
            blocks.append(Table(rows=table, source=str(source), page=page))
    return blocks


def docx(data: bytes, name: str) -> list[Block]:
    return _blocks(reader.parse(data, "docx", name))


def odt(data: bytes, name: str) -> list[Block]:
    return _blocks(reader.parse(data, "odt", name))


def ods(data: bytes, name: str) -> list[Block]:
    return _blocks(reader.parse(data, "ods", name))


def xlsx(data: bytes, name: str) -> list[Block]:
    return _blocks(reader.parse(data, "xlsx", name, options={"gaps": True}))


# --- PDF --------------------------------------------------------------------------------------


def _pdf(data: bytes, name: str) -> dict[str, Any]:
    """The PDF's pages laid out (pdfplumber in a child process limited in time and memory)."""
    result = reader.parse(
        data,
        "pdf",
        name,
        options={"max_pages": PDF_MAX_PAGES},
        seconds=PDF_SECONDS,
        memory=PDF_MEMORY,
    )
    pages = [str(p) for p in result.get("pages", [])]
    if not any(p.strip() for p in pages):
        raise refuse(name, gettext("the PDF has no text (a scanned image cannot be read)."))
    return result


def pdf(data: bytes, name: str) -> list[Block]:
    result = _pdf(data, name)
    check_lines("\n".join(str(p) for p in result.get("pages", [])), name)
    return _blocks(result)


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
    decoded = decode_text(data)
    check_lines(decoded, name)  # before a line is built
    return lines_of_text(decoded)


EXTRACTORS = {"docx": docx, "odt": odt, "ods": ods, "xlsx": xlsx, "pdf": pdf, "text": text}
