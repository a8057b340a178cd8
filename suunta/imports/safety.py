"""Checks on an uploaded goal document before anything parses it: those of
`suunta.uploads.prechecks` (size, type by content, zip directory, every XML part scanned and
counted, old formats named), under the names the importer has always used. The limits are in
`suunta.uploads.limits`."""

from __future__ import annotations

from suunta.uploads.limits import (
    MAX_BYTES,
    MAX_CELLS,
    MAX_ELEMENTS,
    MAX_PARAGRAPHS,
    MAX_PART,
    MAX_RATIO,
    MAX_ROWS,
    MAX_UNCOMPRESSED,
    MAX_ZIP_ENTRIES,
)
from suunta.uploads.prechecks import (
    as_xml,
    check_lines,
    check_parts,
    check_size,
    check_zip,
    detect_type,
    read_part,
    refuse,
)

__all__ = [
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_ELEMENTS",
    "MAX_PARAGRAPHS",
    "MAX_PART",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED",
    "MAX_ZIP_ENTRIES",
    "as_xml",
    "check_lines",
    "check_parts",
    "check_size",
    "check_zip",
    "detect_type",
    "read_part",
    "refuse",
]
