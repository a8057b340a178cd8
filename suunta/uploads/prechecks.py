"""Checks on an upload's raw bytes that hold before anything parses it.

- a size limit, checked against the upload's declared size before the file is read;
- the file type from the content, never from the name: a zip is a DOCX, XLSX, ODT or ODS by
  the parts inside it, "%PDF-" a PDF, text if it decodes and has no NUL bytes; anything
  else (an executable renamed .pdf, an image) is refused;
- a zip's entry count, total uncompressed size and compression ratio (per entry and
  overall), from its directory, before any entry is decompressed;
- every part of the archive that is XML (whatever its name, however much whitespace comes
  before its first "<"), read as the parser would read it (UTF-8, UTF-16 or UTF-32, with or
  without a byte order mark; any other encoding is refused): no DOCTYPE or entity declaration
  (no external entities, no entity expansion), and limits on the elements and on the
  paragraphs, rows, cells and sheets – counted by their local name under any namespace
  prefix – before a parser builds them;
- a text's lines, counted on the decoded text before any line is built;
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

from . import limits

ZIP_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
ENTITY = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .doc, .xls, .ppt
DECLARED_ENCODING = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)")
# Encodings whose markup characters are ASCII bytes, as the parser would read them.
ASCII_ENCODINGS = re.compile(
    rb"^(?:utf-?8|us-ascii|ascii|iso-8859-\d{1,2}|iso8859-\d{1,2}|latin-?1|(?:windows|cp)-?125\d)$",
    re.IGNORECASE,
)
# What comes before the first "<" of an XML part: whitespace (and the NUL bytes of UTF-16 or
# UTF-32 whitespace), of any length.
LEADING = re.compile(rb"[ \t\r\n\x00]*")
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
SHEETS = {"xlsx": rb"sheet", "ods": rb"table"}
# What str.splitlines() breaks a line at ("\r\n" is one break).
LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def refuse(name: str, problem: str) -> ValidationError:
    return ValidationError(
        gettext("The file %(name)s cannot be read: %(problem)s")
        % {"name": name or gettext("(no name)"), "problem": problem},
        code="refused",
    )


def number(value: int) -> str:
    """A limit as the messages show it: 20 000 (with a no-break space)."""
    return f"{value:,}".replace(",", "\u00a0")


def too_many(name: str) -> ValidationError:
    return refuse(
        name,
        gettext(
            "it has more paragraphs, rows or cells than a goal document can have "
            "(at most %(limit)s)."
        )
        % {"limit": number(limits.MAX_PARAGRAPHS)},
    )


def too_many_sheets(name: str) -> ValidationError:
    return refuse(
        name,
        gettext("it has more sheets than can be read (at most %(limit)s).")
        % {"limit": number(limits.MAX_SHEETS)},
    )


def too_many_lines(name: str, limit: int | None = None) -> ValidationError:
    return refuse(
        name,
        gettext("it has more lines than a goal document can have (at most %(limit)s).")
        % {"limit": number(limit or limits.MAX_PARAGRAPHS)},
    )


def check_size(size: int | None, name: str, limit: int | None = None) -> None:
    limit = limit or limits.MAX_BYTES
    if size is not None and size > limit:
        raise refuse(
            name,
            gettext("it is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
                "limit": limit // 1024 // 1024,
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
    """The kind of office document a zip is ("docx", "xlsx", "odt" or "ods"), once its
    directory and every XML part in it have passed the checks."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise refuse(name, gettext("the archive is damaged.")) from None
    if len(entries) > limits.MAX_ZIP_ENTRIES:
        raise refuse(name, gettext("the archive has too many parts."))
    total = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    if total > limits.MAX_UNCOMPRESSED:
        raise refuse(name, gettext("the archive unpacks to more than the limit allows."))
    for entry in entries:
        ratio_high = entry.file_size > 1024 * 1024 and entry.file_size > limits.MAX_RATIO * max(
            entry.compress_size, 1
        )
        if ratio_high or entry.file_size > limits.MAX_PART:
            raise refuse(name, gettext("the archive is packed suspiciously tightly."))
    if total > 1024 * 1024 and total > limits.MAX_RATIO * max(packed, 1):
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
            data = stream.read(limits.MAX_PART + 1)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile):
        raise refuse(name, gettext("the archive is damaged.")) from None
    if len(data) > limits.MAX_PART:
        raise refuse(name, gettext("the archive unpacks to more than the limit allows."))
    return data


def as_xml(data: bytes, name: str) -> bytes | None:
    """A part as the XML parser would read it, in an ASCII-compatible form for scanning; None
    for a part that is not XML (an image). Whitespace before the first "<" is skipped however
    long it is; UTF-16 and UTF-32, with or without a byte order mark, are decoded. XML in an
    encoding whose markup is not ASCII bytes otherwise is refused: a scan could not see into
    it."""
    codec = None
    if data.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        codec = "utf-32"
    elif data.startswith((b"\xfe\xff", b"\xff\xfe")):
        codec = "utf-16"
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
        start = LEADING.match(data).end()  # type: ignore[union-attr]
        if data[start : start + 4] == b"\x4c\x6f\xa7\x94":  # "<?xm" in EBCDIC
            raise refuse(name, gettext("its XML uses a character encoding that is not allowed."))
        if data[start : start + 1] != b"<":
            return None
        # NUL bytes beside the "<": UTF-16 or UTF-32 without a byte order mark, little- or
        # big-endian by where the "<" falls in its code unit.
        before, after = data[max(start - 3, 0) : start], data[start + 1 : start + 4]
        if after == b"\x00\x00\x00" and start % 4 == 0:
            codec = "utf-32-le"
        elif before == b"\x00\x00\x00" and start % 4 == 3:
            codec = "utf-32-be"
        elif after[:1] == b"\x00" or before[-1:] == b"\x00":
            codec = "utf-16-le" if start % 2 == 0 else "utf-16-be"
        else:
            declared = DECLARED_ENCODING.match(data[start : start + 200])
            if declared and not ASCII_ENCODINGS.match(declared.group(1)):
                raise refuse(
                    name, gettext("its XML uses a character encoding that is not allowed.")
                )
            return data
    return data.decode(codec, errors="replace").encode("utf-8")


def _count(local_name: bytes, xml: bytes) -> int:
    return len(re.findall(rb"<(?:[A-Za-z_][\w.-]*:)?" + local_name + rb"[\s/>]", xml))


def check_parts(archive: zipfile.ZipFile, kind: str, name: str) -> None:
    """Every part that is XML, whatever it is called: no entity declarations, and the elements,
    paragraphs, rows, cells and sheets counted over all parts before a parser builds them."""
    elements = paragraphs = rows = cells = sheets = 0
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
        if elements > limits.MAX_ELEMENTS:
            raise too_many(name)
        paragraphs += _count(PARAGRAPHS[kind], xml)
        rows += _count(ROWS[kind], xml)
        cells += _count(CELLS[kind], xml)
        if kind in SHEETS:
            sheets += _count(SHEETS[kind], xml)
        if (
            (paragraphs > limits.MAX_PARAGRAPHS and kind in ("docx", "odt"))
            or rows > limits.MAX_ROWS
            or cells > limits.MAX_CELLS
        ):
            raise too_many(name)
        if sheets > limits.MAX_SHEETS:
            raise too_many_sheets(name)


def count_lines(text: str) -> int:
    """The lines str.splitlines() would make of a text, counted without making them."""
    breaks = sum(text.count(c) for c in LINE_BREAKS) - text.count("\r\n")
    return breaks + (1 if text and not text.endswith(LINE_BREAKS) else 0)


def check_lines(text: str, name: str, limit: int | None = None) -> None:
    """A text of more lines than the limit is refused before any line is built."""
    if count_lines(text) > (limit or limits.MAX_PARAGRAPHS):
        raise too_many_lines(name, limit)
