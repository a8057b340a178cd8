"""Finding 3: a 16 kB XLSX of 50 sheets, each with one cell at row 20 000, kept the import
preview busy for 10 s and grew the server by 350 MB (990 sheets: minutes and gigabytes), and
was then answered 200. The reader padded every sheet's rows up to the last one; the limits
counted only the cells that were there. Now the rows are counted by position over all sheets
together while they are streamed, the sheets are counted before parsing, and the parsing runs
in a child process with limits."""

from __future__ import annotations

import pytest

from tests.security import hostile_files as hostile

NBSP = "\u00a0"


@pytest.fixture
def headers(demo):
    return hostile.importer_headers(demo["tuusula"])


@pytest.mark.parametrize("language", ["en", "fi"])
def test_fifty_sheets_with_one_cell_far_down_are_refused_at_once_in_the_users_language(
    headers, language
):
    data = hostile.multisheet_xlsx(sheets=50, row=20_000)
    assert len(data) < 20_000
    with hostile.measured() as cost:
        response = hostile.preview(data, "sheets.xlsx", headers, language)
    assert response.status_code == 422, response.content[:300]
    assert response.json()["detail"] == hostile.refusal(
        "sheets.xlsx", hostile.TOO_MANY, language, limit=f"20{NBSP}000"
    )
    hostile.assert_cheap(cost)


def test_a_workbook_of_990_sheets_is_refused_by_its_sheet_count_before_it_is_parsed(headers):
    data = hostile.multisheet_xlsx(sheets=990, row=20_000)
    with hostile.measured() as cost:
        response = hostile.preview(data, "990.xlsx", headers)
    assert response.status_code == 422
    assert response.json()["detail"] == hostile.refusal(
        "990.xlsx", "it has more sheets than can be read (at most %(limit)s).", limit=100
    )
    hostile.assert_cheap(cost)


def test_a_sheet_whose_declared_dimension_is_huge_is_read_by_its_real_rows(headers):
    sheet = (
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        f'<row r="1">{hostile.cell("A1", "Tavoitteet")}</row>'
        f'<row r="3">{hostile.cell("A3", "1. Talous")}{hostile.cell("B3", "Tulos")}</row>'
        "</sheetData>"
    )
    with hostile.measured() as cost:
        response = hostile.preview(hostile.xlsx([sheet]), "dimension.xlsx", headers)
    assert response.status_code == 200, response.content[:300]
    assert "1. Talous" in response.json()["source_text"]
    hostile.assert_cheap(cost)
