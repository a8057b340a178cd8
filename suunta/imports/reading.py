"""Reading a goal document: the one entry point for files and pasted text.

`read_document(data, name)` checks the file (`safety`), extracts its text per format
(`extract`: the office formats and PDF in a child process with limits, a text's lines counted
before they are built) and finds the structure (`structure`); `read_text(text)` does the last
step for pasted text; `read_upload(file)` refuses an oversized upload by its declared size before
reading it. A refused file raises `ValidationError` with a message naming the file and the
problem in the active language. Nothing is written anywhere.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from suunta.uploads.prechecks import count_lines

from . import extract, safety
from .found import FoundDocument
from .structure import find_structure, lines_of_text

logger = logging.getLogger(__name__)


def read_document(data: bytes, name: str = "") -> FoundDocument:
    kind = safety.detect_type(data, name)
    try:
        blocks = extract.EXTRACTORS[kind](data, name)
    except ValidationError:
        raise
    except Exception:  # a parser's surprise (deep nesting, an odd attribute): never a 500
        logger.exception("An accepted %s file could not be read", kind)
        raise safety.refuse(name, gettext("the document's content cannot be parsed.")) from None
    document = find_structure(blocks)
    document.file_type = kind
    _warn(document)
    return document


def read_text(text: str) -> FoundDocument:
    if not text.strip():
        raise ValidationError(gettext("The pasted text is empty."), code="empty")
    if len(text.encode("utf-8")) > safety.MAX_BYTES:
        raise ValidationError(gettext("The pasted text is longer than the limit allows."))
    if count_lines(text) > safety.MAX_PARAGRAPHS:
        raise ValidationError(gettext("The pasted text is longer than the limit allows."))
    document = find_structure(lines_of_text(text))
    document.file_type = "text"
    _warn(document)
    return document


def read_upload(upload) -> FoundDocument:
    """A Django `UploadedFile`: its declared size is checked before a byte is read."""
    name = getattr(upload, "name", "") or ""
    safety.check_size(getattr(upload, "size", None), name)
    data = upload.read(safety.MAX_BYTES + 1)
    return read_document(data, name)


def _warn(document: FoundDocument) -> None:
    if not document.goals:
        document.warnings.append(gettext("No goals were found. Check the source text."))
    for goal in document.goals:
        if not goal.indicators:
            document.warnings.append(
                gettext("No indicators were found for the goal “%(goal)s”.") % {"goal": goal.title}
            )
