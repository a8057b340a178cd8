"""Siblings of findings 3 and 4 from the second review: files of a few kilobytes whose reading
took the child's whole time limit (10 s) before a refusal, because a parser's work grew with
the square of the file – python-docx's merged cells, nested ODS tables each read as a sheet
with all the rows below it, a PDF whose pages all draw one large content stream. Each is now
answered in under 2 s, with a message in the user's language, and costs the server's memory
less than 100 MB."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.security import hostile_files as hostile


@pytest.fixture
def headers(demo):
    return hostile.importer_headers(demo["tuusula"])


def no_goals(language: str) -> str:
    with translation.override(language):
        return translation.gettext("No goals were found. Check the source text.")


def test_a_docx_whose_cell_is_merged_down_two_thousand_rows_is_read_at_once(headers):
    data = hostile.docx_merged_column(2_000)
    assert len(data) < 2_000
    with hostile.measured() as cost:
        response = hostile.preview(data, "merged.docx", headers, "fi")
    assert response.status_code == 200, response.content[:300]
    assert response.json()["title"] == "a"  # the merged cell's text, once
    assert response.json()["warnings"] == [no_goals("fi")]
    hostile.assert_cheap(cost)


def test_an_ods_of_ninety_tables_nested_in_each_others_cells_is_read_at_once(headers):
    data = hostile.ods_nested_tables(90, 10_000)
    assert len(data) < 5_000
    with hostile.measured() as cost:
        response = hostile.preview(data, "nested.ods", headers, "sv")
    assert response.status_code == 200, response.content[:300]
    assert response.json()["warnings"] == [no_goals("sv")]
    hostile.assert_cheap(cost)


@pytest.mark.parametrize("language", ["en", "fi"])
def test_a_pdf_whose_pages_share_one_large_content_stream_is_refused_before_its_text_is_read(
    headers, language
):
    data = hostile.pdf_shared_content(199, 60_000)
    assert len(data) < 40_000
    with hostile.measured() as cost:
        response = hostile.preview(data, "shared.pdf", headers, language)
    assert response.status_code == 422, response.content[:300]
    problem = "its pages hold more than %(limit)s MB of content to read; a goal document has less."
    assert response.json()["detail"] == hostile.refusal("shared.pdf", problem, language, limit=6)
    hostile.assert_cheap(cost)
