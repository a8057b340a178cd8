"""An imported title does not carry the period the pages write beside it (the usability review:
"Kaupunginjohtajan tavoitteet 2026 2026")."""

import datetime

import pytest

from suunta.imports.actions import title_without_period

Y2026 = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@pytest.mark.parametrize(
    ("title", "period", "kept"),
    [
        ("Kaupunginjohtajan tavoitteet 2026", Y2026, "Kaupunginjohtajan tavoitteet"),
        ("Kaupunginjohtajan tavoitteet vuodelle 2026", Y2026, "Kaupunginjohtajan tavoitteet"),
        ("Stadsdirektörens mål för år 2026", Y2026, "Stadsdirektörens mål"),
        (
            "Tavoitteet 2025–2026",
            (datetime.date(2025, 6, 1), datetime.date(2026, 5, 31)),
            "Tavoitteet",
        ),
        ("Strategia 2030 toimeenpano", Y2026, "Strategia 2030 toimeenpano"),
        ("Kasvu 2030", Y2026, "Kasvu 2030"),
        ("2026", Y2026, "2026"),
    ],
)
def test_the_period_at_the_end_of_an_imported_title_is_left_out(title, period, kept):
    assert title_without_period(title, *period) == kept
