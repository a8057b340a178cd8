"""Checks on an uploaded goal document before anything parses it.

- a size limit, checked against the upload's declared size before the file is read;
- the file type from the content, never from the name: a zip is a DOCX, XLSX, ODT or ODS by
  the parts inside it, "%PDF-" a PDF, text if it decodes and has no NUL bytes; anything
  else (an executable renamed .pdf, an image) is refused;
- a zip's entry count, total uncompressed size and compression ratio (per entry and
  overall), from its directory, before any entry is decompressed;
- every part of the archive that is XML (whatever its name), read as the parser would read
  it (UTF-8, UTF-16 or UTF-32; any other encoding is refused): no DOCTYPE or entity
  declaration (no external entities, no entity expansion), and limits on the elements and on
  the paragraphs, rows and cells – counted by their local name under any namespace prefix –
  before a parser builds them;
- old binary Word and Excel files and RTF are recognised by their content and refused with
  a message that tells the user which format to save them in.

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
MAX_ELEMENTS = 1_000_000  # XML elements in all the parts of an archive together

ZIP_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
ENTITY = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .doc, .xls, .ppt
DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)")
# Encodings whose markup characters are ASCII bytes, as the parser would read them.
ASCII_ENCODINGS = re.compile(
    rb"^(?:utf-?8|us-ascii|ascii|iso-8859-\d{1,2}|iso8859-\d{1,2}|latin-?1|(?:windows|cp)-?125\d)$",
    re.IGNORECASE,
)
# What an element is called, whatever the prefix ("<w:p>", "<x:p>", "<p xmlns=…>").
PARAGRAPHS = {
    "docx": rb"p",
    "odt": rb"(?:p|h)",
    "ods": rb"(?:p|h)",
    "xlsx": rb"(?:si|is)",
}
ROWS = {"docx": rb"tr", "xlsx": rb"row", "odt": rb"table-row", "ods": rb"table-row"}
CELLS = {
    "docx": rb"tc",
    "xlsx": rb"c",
    "odt": rb"(?:table-cell|covered-table-cell)",
    "ods": rb"(?:table-cell|covered-table-cell)",
}


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
    if head.startswith(OLE):
        raise refuse(name, _old_office(data))
    if data.lstrip()[:5] == b"{\\rtf":
        raise refuse(name, gettext("it is an RTF document. Save it as DOCX or PDF and try again."))
    if head.startswith((b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")):
        raise refuse(name, gettext("it is a program, not a document."))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with its byte order mark, as Windows saves "Unicode" text
    if b"\x00" in data:
        raise refuse(
            name, gettext("its type is not one Suunta reads (DOCX, ODT, PDF, XLSX, ODS or text).")
        )
    return "text"


def _old_office(data: bytes) -> str:
    """What an OLE compound file holds, by the names of its streams (UTF-16 in its directory)."""

    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if has("EncryptedPackage"):
        return gettext(
            "it is protected with a password. Remove the password, save the file again and "
            "try again."
        )
    if has("WordDocument"):
        return gettext(
            "it is an old Word document (.doc). Save it as DOCX or PDF in Word and try again."
        )
    if has("Workbook") or has("Book"):
        return gettext(
            "it is an old Excel workbook (.xls). Save it as XLSX or PDF in Excel and try again."
        )
    return gettext("it is an old Office file. Save it as DOCX, XLSX or PDF and try again.")


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
    check_parts(archive, kind, name)
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


def as_xml(data: bytes, name: str) -> bytes | None:
    """A part as the XML parser would read it, in an ASCII-compatible form for scanning; None
    for a part that is not XML (an image). XML in an encoding whose markup is not ASCII bytes
    – other than UTF-16 and UTF-32, decoded here – is refused: a scan could not see into it."""
    head = data[:4]
    codec = None
    if head.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        codec = "utf-32"
    elif head.startswith((b"\xfe\xff", b"\xff\xfe")):
        codec = "utf-16"
    elif head == b"\x00\x00\x00<":
        codec = "utf-32-be"
    elif head == b"<\x00\x00\x00":
        codec = "utf-32-le"
    elif head[:2] == b"\x00<":
        codec = "utf-16-be"
    elif head[:2] == b"<\x00":
        codec = "utf-16-le"
    elif head == b"\x4c\x6f\xa7\x94":  # "<?xm" in EBCDIC
        raise refuse(name, gettext("its XML uses a character encoding that is not allowed."))
    if codec is not None:
        return data.decode(codec, errors="replace").encode("utf-8")
    text = data.removeprefix(b"\xef\xbb\xbf")
    if text[:4096].lstrip()[:1] != b"<":
        return None
    declared = DECLARED_ENCODING.match(text)
    if declared and not ASCII_ENCODINGS.match(declared.group(1)):
        raise refuse(name, gettext("its XML uses a character encoding that is not allowed."))
    return text


def _count(local_name: bytes, xml: bytes) -> int:
    return len(re.findall(rb"<(?:[A-Za-z_][\w.-]*:)?" + local_name + rb"[\s/>]", xml))


def check_parts(archive: zipfile.ZipFile, kind: str, name: str) -> None:
    """Every part that is XML, whatever it is called: no entity declarations, and the elements,
    paragraphs, rows and cells counted over all parts before a parser builds them."""
    elements = paragraphs = rows = cells = 0
    too_many = refuse(
        name,
        gettext(
            "it has more paragraphs, rows or cells than a goal document can have "
            "(at most %(limit)s)."
        )
        % {"limit": f"{MAX_PARAGRAPHS:,}".replace(",", "\u00a0")},
    )
    for entry in archive.infolist():
        if entry.is_dir() or entry.filename == "mimetype":
            continue
        xml = as_xml(read_part(archive, entry.filename, name), name)
        if xml is None:
            continue
        if ENTITY.search(xml):
            raise refuse(name, gettext("it declares XML entities, which are not allowed."))
        # Start tags: every "<" that does not open an end tag, a declaration or an instruction.
        elements += xml.count(b"<") - xml.count(b"</") - xml.count(b"<!") - xml.count(b"<?")
        if elements > MAX_ELEMENTS:
            raise too_many
        paragraphs += _count(PARAGRAPHS[kind], xml)
        rows += _count(ROWS[kind], xml)
        cells += _count(CELLS[kind], xml)
        if (
            (paragraphs > MAX_PARAGRAPHS and kind in ("docx", "odt"))
            or rows > MAX_ROWS
            or cells > MAX_CELLS
        ):
            raise too_many
