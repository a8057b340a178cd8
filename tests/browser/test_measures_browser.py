"""Numeric indicators and the reward computation in a real Chromium, with axe checks: the
coordinator imports a CSV of measured values, the chart and its table show them, and the
board member reads the score and the reward step by step."""

import re

from playwright.sync_api import expect

from suunta.goals import models as m
from tests.browser.test_browser import assert_accessible, sign_in


def test_import_values_and_read_the_reward_step_by_step(demo_data, new_page, artifacts, tmp_path):
    plan = m.GoalPlan.objects.get(organisation__slug="esimerkkila")
    page = new_page()
    sign_in(page, "koordinaattori", lang="en")
    page.goto(f"/en/plans/{plan.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Import values from CSV or XLSX").first.click()
    assert_accessible(page)
    csv = tmp_path / "arvot.csv"
    csv.write_text("mittari;päivämäärä;arvo\n4.1;31.10.2026;93\n4.1;31.13.2026;94\n", "utf-8")
    page.get_by_label("File (CSV or XLSX)").set_input_files(csv)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("Row 3")
    assert not m.IndicatorValue.objects.filter(value=93).exists()
    csv.write_text("mittari;päivämäärä;arvo\n4.1;31.10.2026;93\n", "utf-8")
    page.get_by_label("File (CSV or XLSX)").set_input_files(csv)
    page.get_by_role("button", name="Import").click()
    expect(page).to_have_url(re.compile(rf"/en/plans/{plan.pk}/#measures$"))
    expect(page.get_by_text("Imported: 1 new values")).to_be_visible()
    table = page.get_by_role("table", name="Values of indicator 4.1")
    expect(table).to_contain_text("93")
    expect(table.locator("tbody tr")).to_have_count(6)  # baseline, 4 values, target
    page.screenshot(path=artifacts / "esimerkkila-measures.png", full_page=True)

    member = new_page()
    sign_in(member, "hallitus")
    member.goto(f"/fi/plans/{plan.pk}/")
    member.get_by_role("link", name=re.compile("step by step|vaihe vaiheelta")).click()
    expect(member.locator("tfoot")).to_contain_text("70,00 %")
    expect(member.locator("p.result")).to_contain_text("2\u00a0000,00 €")
    assert_accessible(member)
    member.screenshot(path=artifacts / "esimerkkila-reward.png", full_page=True)
