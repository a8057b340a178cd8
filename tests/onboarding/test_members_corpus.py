"""The member reader against a corpus of meeting-system exports and hand-typed lists written
from a brief by someone who had not read the reader (tests/onboarding/members_corpus/README.md):
every file's members, roles, terms and e-mail addresses, every bad row by its number, and every
file that is not a table refused as a whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.utils import translation

from suunta.onboarding.members import read_members
from suunta.uploads.tables import ImportRefused

CORPUS = Path(__file__).parent / "members_corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))

ERROR_WORDS = {
    "no_name": "the name is missing",
    "bad_date": "a date cannot be read",
    "bad_role": "is not a role Suunta knows",
    "ends_before_start": "the term ends before it starts",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_reader_reads_each_file_of_the_corpus(name):
    expected = EXPECTED[name]
    data = (CORPUS / name).read_bytes()
    with translation.override("en"):
        if "refused" in expected:
            with pytest.raises(ImportRefused):
                read_members(data, name)
            return
        read = read_members(data, name)
    got = [
        {
            "name": row.name,
            "body": row.body,
            "role": row.role,
            "starts_on": row.starts_on.isoformat() if row.starts_on else None,
            "ends_on": row.ends_on.isoformat() if row.ends_on else None,
            "email": row.email,
            "substitute_for": row.substitute_for,
        }
        for row in read.rows
    ]
    assert got == expected["rows"], expected.get("notes")
    errors = [(row, text) for row, text in read.errors]
    assert [row for row, _text in errors] == [row for row, _code in expected["errors"]]
    for (_row, text), (_r, code) in zip(errors, expected["errors"], strict=True):
        assert ERROR_WORDS[code] in text
