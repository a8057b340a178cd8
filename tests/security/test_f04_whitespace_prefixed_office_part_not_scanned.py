"""Finding 4: an office XML part that started with 4 096 bytes of whitespace or more was not
scanned at all – no DOCTYPE check, no element or paragraph limit. A DOCX of 300 000
paragraphs was refused in half a second, the same with 5 000 leading spaces answered 200 after
10 s with the server 310 MB bigger (ODT alike), and a DOCTYPE with a SYSTEM entity was let
through. Now whitespace of any length (also UTF-16 whitespace without a byte order mark) is
skipped before deciding that a part is XML."""

from __future__ import annotations

import pytest

from tests.security import hostile_files as hostile

NBSP = "\u00a0"
ENTITIES = "it declares XML entities, which are not allowed."
SYSTEM_ENTITY = (
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{hostile.W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


@pytest.fixture
def headers(demo):
    return hostile.importer_headers(demo["tuusula"])


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("spaces.docx", lambda: hostile.docx_paragraphs(300_000, b" " * 5_000)),
        ("spaces.odt", lambda: hostile.odt_paragraphs(300_000, b" " * 5_000)),
        ("newlines.docx", lambda: hostile.docx_paragraphs(300_000, b"\r\n\t " * 25_000)),
    ],
)
@pytest.mark.parametrize("language", ["en", "sv"])
def test_300_000_paragraphs_after_leading_whitespace_are_refused_at_once(
    headers, name, make, language
):
    data = make()
    with hostile.measured() as cost:
        response = hostile.preview(data, name, headers, language)
    assert response.status_code == 422, response.content[:300]
    assert response.json()["detail"] == hostile.refusal(
        name, hostile.TOO_MANY, language, limit=f"20{NBSP}000"
    )
    hostile.assert_cheap(cost)


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [
        (" " * 5_000, "utf-8"),
        ("\n" * 70_000, "utf-8"),
        ("\ufeff" + " " * 5_000, "utf-8"),  # after a byte order mark
        (" " * 5_000, "utf-16-le"),  # UTF-16 without a byte order mark
        (" " * 5_000, "utf-16-be"),
    ],
    ids=["spaces", "newlines", "bom-spaces", "utf16le", "utf16be"],
)
def test_a_doctype_with_a_system_entity_after_leading_whitespace_is_refused(headers, prefix, codec):
    data = hostile.docx((prefix + SYSTEM_ENTITY).encode(codec))
    with hostile.measured() as cost:
        response = hostile.preview(data, "entity.docx", headers)
    assert response.status_code == 422, response.content[:300]
    assert response.json()["detail"] == hostile.refusal("entity.docx", ENTITIES)
    hostile.assert_cheap(cost)


def test_an_entity_in_another_part_after_leading_whitespace_is_refused(headers):
    data = hostile.zipped(
        {
            "[Content_Types].xml": hostile.DOCX_CONTENT_TYPES,
            "_rels/.rels": hostile.DOCX_RELS,
            "word/document.xml": f'<w:document xmlns:w="{hostile.W_NS}"><w:body/></w:document>',
            "word/styles.xml": "\t" * 10_000 + SYSTEM_ENTITY.replace("w:document", "w:styles"),
        }
    )
    response = hostile.preview(data, "styles.docx", headers, "fi")
    assert response.status_code == 422
    assert response.json()["detail"] == hostile.refusal("styles.docx", ENTITIES, "fi")
