"""Hostile uploads, built small in the tests with zipfile, and measures of what answering
one costs the server: the seconds and the growth of its resident memory (`measured`), the
peak of its Python allocations (`allocated`)."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import io
import os
import threading
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# On a loaded two-core machine a refusal that takes 0.5 s may take three times as long; the
# old code took 10 s and more on these files.
SECONDS = 2.0
MEGABYTES = 100


# --- What an answer cost ----------------------------------------------------------------------


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _release_free_memory() -> None:
    """Give the memory that earlier tests freed back to the system, so that what the block
    allocates shows as growth instead of reusing it unseen."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@dataclass
class Cost:
    seconds: float = 0.0
    megabytes: float = 0.0  # the most the server's resident memory grew while it answered


@contextmanager
def measured() -> Iterator[Cost]:
    """The wall-clock time of the block and the peak growth of this process's resident memory
    (sampled every 5 ms by a thread: the peak, not what is left at the end), from where it
    was once the memory freed before is given back. A child process that parses is not this
    process: its memory is its own, limited and returned on exit. `allocated` measures the
    Python objects, which no memory held before can hide."""
    cost = Cost()
    _release_free_memory()
    start = _rss()
    peak = [start]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss())
            done.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began = time.monotonic()
    try:
        yield cost
    finally:
        cost.seconds = time.monotonic() - began
        done.set()
        sampler.join()
        peak[0] = max(peak[0], _rss())
        cost.megabytes = (peak[0] - start) / 1024 / 1024


@contextmanager
def allocated() -> Iterator[Cost]:
    """The peak of this process's Python allocations during the block, above what they were
    when it began (tracemalloc: every object counts, whatever memory it reuses). Tracing
    slows the allocations down: the time is measured apart, by `measured`."""
    cost = Cost()
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    began = time.monotonic()
    try:
        yield cost
    finally:
        cost.seconds = time.monotonic() - began
        cost.megabytes = (tracemalloc.get_traced_memory()[1] - before) / 1024 / 1024
        if not tracing:
            tracemalloc.stop()


def assert_cheap(cost: Cost, seconds: float = SECONDS) -> None:
    said = f"answered after {cost.seconds:.1f} s, the server grew by {cost.megabytes:.0f} MB"
    assert cost.seconds < seconds and cost.megabytes < MEGABYTES, said


# --- Zip formats ----------------------------------------------------------------------------


def zipped(parts: dict[str, bytes | str], *, stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:
            archive.writestr(stored_first, parts[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            if name != stored_first:
                archive.writestr(name, data)
    return out.getvalue()


SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def xlsx(sheets: list[str]) -> bytes:
    """An XLSX whose sheets' XML (what is inside <worksheet>) is given, written by hand."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{RELS_TYPE}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{WORKBOOK_TYPE}"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(len(sheets))
        )
        + "</Types>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SHEET_NS}" xmlns:r="{REL_NS}">'
        "<sheets>"
        + "".join(
            f'<sheet name="S{i + 1}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i in range(len(sheets))
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
        + "".join(
            f'<Relationship Id="rId{i + 1}" Type="{REL_NS}/worksheet" '
            f'Target="worksheets/sheet{i + 1}.xml"/>'
            for i in range(len(sheets))
        )
        + "</Relationships>"
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
    }
    for i, sheet in enumerate(sheets):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SHEET_NS}">{sheet}'
            "</worksheet>"
        )
    return zipped(parts)


def cell(ref: str, value: str | float) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def multisheet_xlsx(sheets: int = 50, row: int = 20_000) -> bytes:
    """Finding 3: each sheet one cell, far down."""
    sheet = (
        f'<dimension ref="A1:A{row}"/><sheetData><row r="{row}">{cell(f"A{row}", "x")}</row>'
        "</sheetData>"
    )
    return xlsx([sheet] * sheets)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Default Extension="rels" ContentType="{RELS_TYPE}"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def docx(document_xml: bytes) -> bytes:
    return zipped(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "_rels/.rels": DOCX_RELS,
            "word/document.xml": document_xml,
        }
    )


def docx_paragraphs(count: int, prefix: bytes = b"") -> bytes:
    """A paragraph a number (numbers pack less tightly than empty paragraphs: the archive's
    compression ratio stays under the limit)."""
    return docx(
        prefix
        + f'<w:document xmlns:w="{W_NS}"><w:body>'.encode()
        + b"".join(
            b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % (n * 7919 % 1_000_003) for n in range(count)
        )
        + b"</w:body></w:document>"
    )


ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt(content_xml: bytes) -> bytes:
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return zipped(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "META-INF/manifest.xml": manifest,
            "content.xml": content_xml,
        },
        stored_first="mimetype",
    )


def odt_paragraphs(count: int, prefix: bytes = b"") -> bytes:
    return odt(
        prefix
        + f'<office:document-content xmlns:office="{ODF_OFFICE}" xmlns:text="{ODF_TEXT}">'
        "<office:body><office:text>".encode()
        + b"".join(b"<text:p>%d</text:p>" % (n * 7919 % 1_000_003) for n in range(count))
        + b"</office:text></office:body></office:document-content>"
    )


def lying_zip() -> bytes:
    """A DOCX whose directory says its document part is 100 bytes; it unpacks to 2 MB."""
    data = bytearray(docx_paragraphs(10, b" " * 2_000_000))
    entry = data.rfind(b"PK\x01\x02")  # the directory: the document part is the last entry
    while entry != -1:
        name_length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + name_length] == b"word/document.xml":
            data[entry + 24 : entry + 28] = (100).to_bytes(4, "little")  # uncompressed size
            break
        entry = data.rfind(b"PK\x01\x02", 0, entry)
    return bytes(data)


def many_entries(count: int = 1500) -> bytes:
    parts: dict[str, bytes | str] = {"word/document.xml": "<w:document/>"}
    parts.update({f"word/media/{i}.txt": "" for i in range(count)})
    return zipped(parts)


# --- PDF ------------------------------------------------------------------------------------


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (1 is the catalogue), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def stream(data: bytes, compressed: bool = False) -> bytes:
    if compressed:
        data = zlib.compress(data, 9)
        return (
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
    b">> /Contents %d 0 R >>"
)


def pdf_pages(count: int) -> bytes:
    """`count` pages, each "Tavoite" (they share one content stream)."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        FONT,
        stream(b"BT /F1 12 Tf 72 712 Td (Tavoite) Tj ET"),
    ]
    page = PAGE % 4
    objects.extend([page] * count)
    return pdf(objects)


def pdf_flate_bomb(megabytes: int = 200) -> bytes:
    """One page whose content stream unpacks from about 200 kB to `megabytes` MB."""
    content = b"BT /F1 12 Tf 72 712 Td (Tavoite) Tj ET\n" + b" " * (megabytes * 1024 * 1024)
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            FONT,
            stream(content, compressed=True),
            PAGE % 4,
        ]
    )


def pdf_malformed() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + b"\xff\xfe garbage " * 1000


def pdf_truncated() -> bytes:
    data = pdf_pages(3)
    return data[: len(data) // 2]


def pdf_deep() -> bytes:
    """An object nested 100 000 arrays deep."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 100_000 + b"]" * 100_000 + b" >>"])


# --- Through HTTP -----------------------------------------------------------------------------


def importer_headers(organisation) -> dict[str, str]:
    """A coordinator's API token: whoever may start a plan may send a file to the preview."""
    from tests.api.test_api_write import token_for
    from tests.conftest import make_user

    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(make_user('importer', organisation))}"}
    preview(b"Tavoitteet\n", "warm.txt", headers)  # the first request loads what all need
    return headers


def preview(data: bytes, name: str, headers: dict[str, str], language: str = "en"):
    from django.test import Client

    upload = io.BytesIO(data)
    upload.name = name
    return Client().post(
        "/api/v1/imports/preview", {"file": upload}, HTTP_ACCEPT_LANGUAGE=language, **headers
    )


def refusal(name: str, problem: str, language: str = "en", **values: object) -> str:
    """The refusal's text in a language, as the importer words it."""
    from django.utils import translation

    with translation.override(language):
        inner = translation.gettext(problem)
        if values:
            inner = inner % values
        return translation.gettext("The file %(name)s cannot be read: %(problem)s") % {
            "name": name,
            "problem": inner,
        }


TOO_MANY = (
    "it has more paragraphs, rows or cells than a goal document can have (at most %(limit)s)."
)


def unzipped(data: bytes) -> dict[str, bytes | str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


# --- Small files whose parsing was quadratic (the second review) -------------------------------


def docx_merged_column(rows: int = 2_000) -> bytes:
    """A one-column table whose cell is merged down through `rows` rows: python-docx's
    `row.cells` walked up through every merged cell above each one."""
    first = '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t>'
    first += "</w:r></w:p></w:tc></w:tr>"
    continued = "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
    return docx(
        f'<w:document xmlns:w="{W_NS}"><w:body><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>'.encode()
        + (first + continued * (rows - 1)).encode()
        + b"</w:tbl></w:body></w:document>"
    )


ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def ods_nested_tables(depth: int = 90, rows: int = 10_000) -> bytes:
    """Tables nested `depth` deep in each other's cells around one of `rows` rows: each nested
    table was read as a sheet of its own, with all the rows below it."""
    row = (
        "<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"
    )
    inner = '<table:table table:name="i">' + row * rows + "</table:table>"
    for level in range(depth):
        inner = (
            f'<table:table table:name="t{level}"><table:table-row><table:table-cell>{inner}'
            "</table:table-cell></table:table-row></table:table>"
        )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{ODF_OFFICE}" xmlns:table="{ODF_TABLE}" xmlns:text="{ODF_TEXT}" '
        'office:version="1.2"><office:body>'
        f"<office:spreadsheet>{inner}</office:spreadsheet></office:body></office:document-content>"
    )
    return zipped(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content},
        stored_first="mimetype",
    )


def pdf_shared_content(pages: int = 199, operations: int = 60_000) -> bytes:
    """`pages` pages drawing one content stream that unpacks from 2 kB to 900 kB of text
    operations: each page's text was extracted from all of it."""
    content = b"BT /F1 12 Tf 10 10 Td " + b"(ab) Tj 1 0 Td " * operations + b"ET"
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        FONT,
        stream(content, compressed=True),
    ]
    objects.extend([PAGE % 4] * pages)
    return pdf(objects)
