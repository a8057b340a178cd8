"""Checks on an uploaded goal document before anything parses it.

- a size limit, checked against the upload's declared size before the file is read;
- the file type from the content, never from the name: a zip is a DOCX, XLSX, ODT or ODS by
  the parts inside it, "%PDF-" a PDF, text if it decodes and has no NUL bytes; anything
  else (an executable renamed .pdf, an image) is refused;
- a zip's entry count, total uncompressed size and compression ratio (per entry and
  overall), from its directory, before any entry is decompressed;
- no DOCTYPE or entity declaration in any XML part (no external entities, no entity
  expansion), and a limit on paragraphs, rows and cells counted in the raw XML.

Every refusal is a `ValidationError` whose message names the file and what is wrong, in the
active language.
"""

from __future__ import annotations

import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

MAX_BYTES = 10 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART = 50 * 1024 * 1024  # one XML part, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, per entry (of some size) and overall
MAX_PARAGRAPHS = 20_000
MAX_ROWS = 20_000
MAX_CELLS = 200_000

ZIP_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
ENTITY = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def refuse(name: str, problem: str) -> ValidationError:
    return ValidationError(
        gettext("The file %(name)s cannot be read: %(problem)s")
        % {"name": name or gettext("(no name)"), "problem": problem},
        code="refused",
    )


def check_size(size: int | None, name: str) -> None:
    if size is not None and size > MAX_BYTES:
        raise refuse(
            name,
            gettext("it is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
                "limit": MAX_BYTES // 1024 // 1024,
            },
        )
    if size == 0:
        raise refuse(name, gettext("it is empty."))


def detect_type(data: bytes, name: str) -> str:
    """The type: "docx", "xlsx", "odt", "ods", "pdf" or "text"; anything else is refused."""
    check_size(len(data), name)
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        return check_zip(data, name)
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith((b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")):
        raise refuse(name, gettext("it is a program, not a document."))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte order mark, as Windows saves "Unicode" text
    if b"\x00" in data:
        raise refuse(
            name, gettext("its type is not one Suunta reads (DOCX, ODT, PDF, XLSX, ODS or text).")
        )
    return "text"


def check_zip(data: bytes, name: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise refuse(name, gettext("the archive is damaged.")) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise refuse(name, gettext("the archive has too many parts."))
    total = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    if total > MAX_UNCOMPRESSED:
        raise refuse(name, gettext("the archive unpacks to more than the limit allows."))
    for entry in entries:
        ratio_high = entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(
            entry.compress_size, 1
        )
        if ratio_high or entry.file_size > MAX_PART:
            raise refuse(name, gettext("the archive is packed suspiciously tightly."))
    if total > 1024 * 1024 and total > MAX_RATIO * max(packed, 1):
        raise refuse(name, gettext("the archive is packed suspiciously tightly."))
    names = {e.filename for e in entries}
    if "word/document.xml" in names:
        kind = "docx"
    elif "xl/workbook.xml" in names:
        kind = "xlsx"
    elif "content.xml" in names and "mimetype" in names:
        mimetype = read_part(archive, "mimetype", name).decode("ascii", "replace").strip()
        kind = ZIP_TYPES.get(mimetype, "")
    else:
        kind = ""
    if not kind:
        raise refuse(
            name, gettext("the archive is not a document Suunta reads (DOCX, ODT, XLSX or ODS).")
        )
    for entry in entries:
        xml = entry.filename.endswith((".xml", ".rels"))
        if xml and ENTITY.search(read_part(archive, entry.filename, name)):
            raise refuse(name, gettext("it declares XML entities, which are not allowed."))
    check_counts(archive, kind, name)
    return kind


def read_part(archive: zipfile.ZipFile, part: str, name: str) -> bytes:
    """One part, read no further than its declared size allows (a lying directory is caught)."""
    try:
        with archive.open(part) as stream:
            data = stream.read(MAX_PART + 1)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile):
        raise refuse(name, gettext("the archive is damaged.")) from None
    if len(data) > MAX_PART:
        raise refuse(name, gettext("the archive unpacks to more than the limit allows."))
    return data


def check_counts(archive: zipfile.ZipFile, kind: str, name: str) -> None:
    """Paragraphs, rows and cells counted in the raw XML, before a parser builds them."""
    if kind == "docx":
        xml = read_part(archive, "word/document.xml", name)
        paragraphs = len(re.findall(rb"<w:p[\s>/]", xml))
        cells = len(re.findall(rb"<w:tc[\s>]", xml))
        rows = len(re.findall(rb"<w:tr[\s>]", xml))
    elif kind == "xlsx":
        paragraphs = 0
        rows = cells = 0
        for part in archive.namelist():
            if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                xml = read_part(archive, part, name)
                rows += len(re.findall(rb"<row[\s>]", xml))
                cells += len(re.findall(rb"<c[\s>]", xml))
    else:
        xml = read_part(archive, "content.xml", name)
        paragraphs = len(re.findall(rb"<text:(?:p|h)[\s>/]", xml))
        rows = len(re.findall(rb"<table:table-row[\s>/]", xml))
        cells = len(re.findall(rb"<table:table-cell[\s>/]", xml))
        for repeated in re.findall(rb'number-(?:rows|columns)-repeated="(\d+)"', xml):
            if int(repeated) > MAX_ROWS:
                cells += int(repeated)
    if paragraphs > MAX_PARAGRAPHS or rows > MAX_ROWS or cells > MAX_CELLS:
        raise refuse(
            name,
            gettext(
                "it has more paragraphs, rows or cells than a goal document can have "
                "(at most %(limit)s)."
            )
            % {"limit": f"{MAX_PARAGRAPHS:,}".replace(",", "\u00a0")},
        )
