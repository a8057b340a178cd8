"""A generated corpus of goal documents for the importer, and its precision and recall.

Every document is built here from known content (goals with their indicators) in a layout
(numbered, heading + bullets, a table with checkpoint columns, one goal per slide-like page,
the Tuusula seed's flattened table) and written as text, DOCX, ODT, PDF, XLSX or ODS; reading
it back and comparing the goals and indicators found with those written gives precision and
recall.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

PENDING = Path(__file__).resolve().parent.parent / "docs" / "i18n-pending-imports.txt"


def in_finnish(msgid: str) -> str:
    """A new message in Finnish: the catalogue's translation once the lead has merged
    docs/i18n-pending-imports.txt into locale/, until then the message as gettext gives it
    (checked to be listed there with a Finnish translation)."""
    entries = re.findall(r"^en: (.*)\nfi: (.*)\nsv: (.*)$", PENDING.read_text(), re.MULTILINE)
    finnish = {en: fi for en, fi, _ in entries}
    assert msgid in finnish, f"{msgid!r} is not in {PENDING.name}"
    with translation.override("fi"):
        shown = translation.gettext(msgid)
    assert shown in (finnish[msgid], msgid)
    return shown
