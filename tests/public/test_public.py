"""The public transparency pages, open data (API, CSV, XLSX), the public calendar and the
organisation export: what anyone may read without signing in, and nothing more."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from openpyxl import load_workbook

from suunta.audit.models import AuditEvent
from suunta.goals import models as m
from suunta.goals.queries import content_hash, plan_content, plan_summary
from suunta.organisations.models import Body, ExecutivePost, FocusArea, Organisation, Person
from tests.conftest import client_for, make_plan, make_user, move_to


def body(demo, kind="board"):
    return Body.objects.get(organisation=demo["tuusula"], kind=kind)


def report(plan, checkpoint, body, day=datetime.date(2025, 9, 15), section="101"):
    """A body handled the checkpoint's follow-up: its joint assessments become public."""
    return m.Decision.objects.create(
        organisation=plan.organisation,
        body=body,
        plan=plan,
        meeting_date=day,
        section=section,
        kind=m.Decision.Kind.REVIEW,
        checkpoint=checkpoint,
    )


# --- The pages ------------------------------------------------------------------------------


def test_the_public_page_shows_the_tuusula_2025_plan_without_sign_in(demo, client):
    plan = demo["plan"]
    index = client.get("/fi/public/")
    assert index.status_code == 200
    assert "/fi/public/tuusula/" in index.content.decode()
    page = client.get("/fi/public/tuusula/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kansliapäällikön tavoitteet 2025" in html
    assert f"/fi/public/tuusula/plans/{plan.pk}/" in html
    assert "31.3.2025 KH" in html
    detail = client.get(f"/fi/public/tuusula/plans/{plan.pk}/").content.decode()
    assert '<p class="prepared">Pormestari Kalle Ikkelä</p>' in detail  # as the source has it
    summary = plan_summary(plan)
    for row in summary.rows:
        assert row.goal.title_fi in detail
        for indicator in row.indicators:
            assert indicator.text_fi in detail
    assert plan.content_hash in detail
    assert "Kunnanhallitus" in detail


def test_the_organisation_page_lists_the_post_its_focus_areas_and_positions_of_trust(demo, client):
    html = client.get("/fi/public/kangasala/").content.decode()
    assert "Oskari Auvinen" in html
    post = ExecutivePost.objects.get(organisation__slug="kangasala")
    assert post.focus_areas.count() == 23
    for area in post.focus_areas.all():
        assert area.text_fi in html
    assert "Tammervoima Oy:n hallituksen varapuheenjohtaja" in html


def test_public_pages_answer_in_every_language(demo, client):
    plan = demo["plan"]
    for lang, heading in (("fi", "Tavoitteet"), ("sv", "Mål"), ("en", "Goals")):
        response = client.get(f"/{lang}/public/tuusula/plans/{plan.pk}/")
        assert response.status_code == 200
        assert response["Content-Language"] == lang
        assert f">{heading}</h2>" in response.content.decode()


def test_a_draft_a_proposal_or_another_organisations_plan_is_not_found(demo, client):
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    draft = make_plan(demo["tuusula"], post)
    proposed = make_plan(demo["tuusula"], post, status="proposed")
    for plan in (draft, proposed):
        assert client.get(f"/fi/public/tuusula/plans/{plan.pk}/").status_code == 404
        assert client.get(f"/api/v1/public/organisations/tuusula/plans/{plan.pk}").status_code == (
            404
        )
    approved = demo["plan"]
    assert client.get(f"/fi/public/kangasala/plans/{approved.pk}/").status_code == 404
    assert client.get("/fi/public/no-such-place/").status_code == 404
    html = client.get("/fi/public/tuusula/").content.decode()
    assert str(draft.pk) not in html and str(proposed.pk) not in html


def test_the_page_is_the_same_for_anonymous_and_signed_in_readers(demo, client):
    user = make_user("reader", demo["tuusula"], kind="board_member")
    user.first_name = "Personal"
    user.save()
    signed_in = client_for(user)
    for url in (
        "/fi/public/",
        "/fi/public/tuusula/",
        f"/fi/public/tuusula/plans/{demo['plan'].pk}/",
    ):
        anonymous = client.get(url)
        mine = signed_in.get(url)
        assert anonymous.content == mine.content
        assert anonymous["ETag"] == mine["ETag"]
        assert b"Personal" not in mine.content
        assert b"csrfmiddlewaretoken" not in mine.content


def test_a_conditional_get_answers_304_and_a_new_decision_changes_the_etag(demo, client):
    plan = demo["plan"]
    url = f"/fi/public/tuusula/plans/{plan.pk}/"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["ETag"] and first["Last-Modified"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert len(queries) == 1  # the one aggregate behind the ETag
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    report(plan, plan.checkpoints.order_by("order").first(), body(demo))
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    # Each representation and language has its own tag.
    assert client.get(f"/sv/public/tuusula/plans/{plan.pk}/")["ETag"] != changed["ETag"]
    assert client.get("/fi/public/tuusula/goals.csv")["ETag"] != changed["ETag"]


def test_another_organisations_change_leaves_the_etag_as_it_was(demo, client):
    first = client.get("/fi/public/tuusula/")["ETag"]
    kangasala = demo["kangasala"]
    Person.objects.create(organisation=kangasala, name="Uusi Henkilö")
    assert client.get("/fi/public/tuusula/")["ETag"] == first
    assert client.get("/fi/public/kangasala/", HTTP_IF_NONE_MATCH=first).status_code == 200


def _more_plans(demo, n):
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    for _ in range(n):
        plan = make_plan(demo["tuusula"], post, goals=4, indicators=3, checkpoints=3)
        move_to(plan, "approved")
        for cp in plan.checkpoints.all():
            report(plan, cp, body(demo))


@pytest.mark.parametrize("page", ["organisation", "plan", "csv", "xlsx", "ics", "api_plan"])
def test_the_number_of_queries_does_not_grow_with_the_data(demo, client, page):
    def url():
        plan = m.GoalPlan.objects.public().filter(organisation=demo["tuusula"]).last()
        return {
            "organisation": "/fi/public/tuusula/",
            "plan": f"/fi/public/tuusula/plans/{plan.pk}/",
            "csv": "/fi/public/tuusula/goals.csv",
            "xlsx": "/fi/public/tuusula/goals.xlsx",
            "ics": "/fi/public/tuusula/calendar.ics",
            "api_plan": f"/api/v1/public/organisations/tuusula/plans/{plan.pk}",
        }[page]

    per_plan = page in ("csv", "xlsx", "ics")  # one summary per public plan, by design
    _more_plans(demo, 1)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url()).status_code == 200
    _more_plans(demo, 3)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url()).status_code == 200
    if per_plan:
        # Constant per plan: three more plans, at most a fixed number of queries each.
        assert len(large) - len(small) <= 3 * 12
    else:
        assert len(large) == len(small)


# --- Reported and unreported follow-ups -------------------------------------------------------


def test_joint_follow_ups_are_public_only_once_their_checkpoint_is_reported(demo, client):
    plan = demo["plan"]
    first, second = plan.checkpoints.order_by("order")
    goal = plan.goals.order_by("order").first()
    m.FollowUpEntry.objects.create(
        goal=goal, checkpoint=first, kind="joint", text_fi="Raportoitu seuranta ABC"
    )
    m.FollowUpEntry.objects.create(
        goal=goal, checkpoint=second, kind="joint", text_fi="Raportoimaton seuranta XYZ"
    )
    report(plan, first, body(demo, "steering_group"))
    urls = [
        f"/fi/public/tuusula/plans/{plan.pk}/",
        "/fi/public/tuusula/goals.csv",
        f"/api/v1/public/organisations/tuusula/plans/{plan.pk}",
    ]
    for url in urls:
        text = client.get(url).content.decode("utf-8")
        assert "Raportoitu seuranta ABC" in text, url
        assert "Raportoimaton seuranta XYZ" not in text, url
    xlsx = _xlsx_text(client.get("/fi/public/tuusula/goals.xlsx").content)
    assert "Raportoitu seuranta ABC" in xlsx and "Raportoimaton seuranta XYZ" not in xlsx
    page = client.get(f"/en/public/tuusula/plans/{plan.pk}/").content.decode()
    assert "Not yet reported" in page


# --- Open data: API, CSV, XLSX ----------------------------------------------------------------


def test_the_public_api_is_in_the_openapi_document_and_needs_no_sign_in(demo, client):
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {
        "/api/v1/public/organisations",
        "/api/v1/public/organisations/{slug}",
        "/api/v1/public/organisations/{slug}/plans",
        "/api/v1/public/organisations/{slug}/plans/{plan_id}",
        "/api/v1/public/organisations/{slug}/decisions",
    } <= paths
    plan = demo["plan"]
    organisation = client.get("/api/v1/public/organisations/kangasala").json()
    assert organisation["posts"][0]["holder"]["name"] == "Oskari Auvinen"
    assert len(organisation["posts"][0]["focus_areas"]) == 23
    plans = client.get("/api/v1/public/organisations/tuusula/plans").json()
    assert [p["id"] for p in plans] == [str(plan.pk)]
    data = client.get(f"/api/v1/public/organisations/tuusula/plans/{plan.pk}").json()
    assert data["content_hash"] == plan.content_hash
    assert sum(len(g["indicators"]) for g in data["goals"]) == 14
    decisions = client.get("/api/v1/public/organisations/tuusula/decisions").json()
    assert [(d["meeting_date"], d["body"]["abbreviation"]) for d in decisions] == [
        ("2025-03-26", "Poljory"),
        ("2025-03-31", "KH"),
    ]
    assert client.get(f"/api/v1/public/organisations/kangasala/plans/{plan.pk}").status_code == 404


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_parses_back_with_every_goal_and_indicator_of_the_2025_plan(demo, client):
    response = client.get("/fi/public/tuusula/goals.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = _csv_rows(response.content)
    assert header[:3] == ["Tavoiteasiakirja", "Kausi", "Tila"]
    summary = plan_summary(demo["plan"])
    goal_at, indicator_at = header.index("Tavoite"), header.index("Mittari")
    pairs = {(row[goal_at], row[indicator_at]) for row in rows}
    expected = {(r.goal.title_fi, i.text_fi) for r in summary.rows for i in r.indicators}
    assert len(expected) == summary.indicator_count == 14
    assert pairs == expected
    english = _csv_rows(client.get("/en/public/tuusula/goals.csv").content)[0]
    assert english[:3] == ["Goal plan", "Period", "Status"]


def test_csv_and_xlsx_cells_never_run_as_formulas(demo, client):
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    plan = make_plan(demo["tuusula"], post, goals=1, indicators=1, checkpoints=1)
    m.Goal.objects.filter(plan=plan).update(title_fi='=HYPERLINK("http://evil","x")')
    m.Indicator.objects.filter(goal__plan=plan).update(text_fi="@SUM(A1)", unit="+1")
    move_to(plan, "approved")
    rows = _csv_rows(client.get("/fi/public/tuusula/goals.csv").content)
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil","x")' in cells
    assert "'@SUM(A1)" in cells and "'+1" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    content = client.get("/fi/public/tuusula/goals.xlsx").content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = "".join(
            archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml")
        )
    assert "<f>" not in xml and "<f " not in xml
    assert "HYPERLINK" in xml


def _xlsx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def test_the_xlsx_has_a_sheet_per_plan_with_every_goal_and_indicator_and_a_decisions_sheet(
    demo, client
):
    response = client.get("/en/public/tuusula/goals.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["2025 v1 Kansliapäällikön tavoit", "Decisions"]
    rows = list(book["2025 v1 Kansliapäällikön tavoit"].iter_rows(values_only=True))
    header, *data = rows
    assert header[:5] == ("Goal no.", "Area", "Goal", "Indicator no.", "Indicator")
    assert header[8:] == (
        "Rating elokuu 2025",
        "Follow-up elokuu 2025",
        "Rating tammikuu/helmikuu 2026",
        "Follow-up tammikuu/helmikuu 2026",
    )
    summary = plan_summary(demo["plan"])
    assert {(r[2], r[4]) for r in data} == {
        (row.goal.title_fi, i.text_fi) for row in summary.rows for i in row.indicators
    }
    assert {r[9] for r in data} == {"not yet reported"}
    decisions = list(book["Decisions"].iter_rows(values_only=True))
    assert [(r[3].date(), r[4], r[6]) for r in decisions[1:]] == [
        (datetime.date(2025, 3, 26), "Poliittinen johtoryhmä", "reviewed"),
        (datetime.date(2025, 3, 31), "Kunnanhallitus", "approved"),
    ]


# --- The public calendar ----------------------------------------------------------------------


def test_the_public_calendar_has_the_handling_and_reporting_dates_with_stable_uids(demo, client):
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    proposed = make_plan(demo["tuusula"], post, status="proposed")
    m.Decision.objects.create(
        organisation=demo["tuusula"],
        body=body(demo, "steering_group"),
        plan=proposed,
        meeting_date=datetime.date(2030, 2, 2),
        kind="review",
    )
    response = client.get("/fi/public/tuusula/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    starts = sorted((e.decoded("dtstart"), str(e["summary"])) for e in events)
    plan = demo["plan"]
    closes = [c.closes_on for c in plan.checkpoints.order_by("order")]
    assert [s[0] for s in starts] == [
        datetime.date(2025, 3, 26),
        datetime.date(2025, 3, 31),
        *closes,
    ]
    assert starts[1][1] == "Kunnanhallitus: Kansliapäällikön tavoitteet 2025 – hyväksyi"
    again = Calendar.from_ical(client.get("/fi/public/tuusula/calendar.ics").content)
    assert sorted(str(e["uid"]) for e in events) == sorted(
        str(e["uid"]) for e in again.walk("VEVENT")
    )
    assert response.content == client.get("/fi/public/tuusula/calendar.ics").content
    assert str(proposed.pk) not in response.content.decode()


# --- Export and restore -----------------------------------------------------------------------


def test_an_admin_downloads_the_whole_organisation_and_the_download_is_audited(demo):
    admin = make_user("org-admin", demo["tuusula"], kind="admin")
    response = client_for(admin).get("/fi/o/tuusula/export.json")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    rows = json.loads(response.content)
    models = {row["model"] for row in rows}
    assert {"organisations.organisation", "goals.goalplan", "goals.goal", "accounts.role"} <= models
    assert {
        row["fields"].get("slug") for row in rows if row["model"] == "organisations.organisation"
    } == {"tuusula"}
    assert not any(
        row["model"].startswith(("goals.", "organisations.", "register.", "accounts.role"))
        and row["fields"].get("organisation") == str(demo["kangasala"].pk)
        for row in rows
    )
    event = AuditEvent.objects.get(action="organisation.export")
    assert event.actor == admin and event.organisation == demo["tuusula"]
    superuser = make_user("root")
    superuser.is_superuser = True
    superuser.save()
    assert client_for(superuser).get("/fi/o/tuusula/export.json").status_code == 200
    coordinator = make_user("not-admin", demo["tuusula"])
    assert client_for(coordinator).get("/fi/o/tuusula/export.json").status_code == 403
    assert client_for(admin).get("/fi/o/kangasala/export.json").status_code == 404
    assert AuditEvent.objects.filter(action="organisation.export").count() == 2


def test_the_export_holds_no_secrets(demo):
    from suunta.api.models import ApiToken
    from suunta.ops.export import export_organisation

    admin = make_user("secret-admin", demo["tuusula"], kind="admin")
    _, token = ApiToken.issue(admin, "mine")
    text = export_organisation(demo["tuusula"])
    rows = json.loads(text)
    users = [row for row in rows if row["model"] == "accounts.user"]
    assert users and all(row["fields"]["password"] == "!restored" for row in users)
    assert admin.password not in text
    assert token not in text
    assert not any(t.digest in text for t in ApiToken.objects.all())
    assert not any(row["model"] in ("accounts.totpdevice", "accounts.recoverycode") for row in rows)
    from suunta.surveys.models import Invitation

    for invitation in Invitation.objects.filter(survey__plan__organisation=demo["tuusula"]):
        assert invitation.token_hash not in text


def _hashes(org_slug: str) -> dict[str, str]:
    return {
        str(plan.pk): content_hash(plan_content(plan_summary(plan)))
        for plan in m.GoalPlan.objects.filter(organisation__slug=org_slug).exclude(status="draft")
    }


@pytest.mark.django_db(transaction=True)
def test_an_export_restores_into_an_empty_database_with_the_same_content(tmp_path):
    from django.core.management import CommandError, call_command
    from django.db import IntegrityError, InternalError, transaction

    from suunta.demo import seed
    from suunta.ops.export import export_organisation

    seed.load(accounts=True, worked_examples=True)
    # The organisation's logo and a rejected coverage suggestion travel with it too.
    from suunta.progress.models import CoverageRejection
    from suunta.reports.models import OrganisationLogo

    tuusula = Organisation.objects.get(slug="tuusula")
    OrganisationLogo.objects.create(
        organisation=tuusula, content_type="image/svg+xml", data=b"<svg/>", digest="0" * 64
    )
    goal = m.Goal.objects.filter(plan__organisation=tuusula).first()
    area = FocusArea.objects.create(post=goal.plan.post, order=1, text_fi="Talous")
    CoverageRejection.objects.create(
        organisation=tuusula, series=goal.plan.series, goal_key=goal.key, focus_area=area
    )
    hashes = _hashes("tuusula")
    assert hashes
    for pk, value in hashes.items():
        assert m.GoalPlan.objects.get(pk=pk).content_hash == value
    exported = export_organisation(Organisation.objects.get(slug="tuusula"))
    backup = tmp_path / "tuusula.json"
    call_command("export_organisation", "tuusula", output=str(backup))
    assert AuditEvent.objects.filter(action="organisation.backup").count() == 1
    call_command("flush", interactive=False, verbosity=0)
    assert not Organisation.objects.exists()
    out = io.StringIO()
    call_command("restore_organisation", str(backup), stdout=out)
    assert "Restored tuusula" in out.getvalue()
    restored = Organisation.objects.get(slug="tuusula")
    assert _hashes("tuusula") == hashes
    assert bytes(OrganisationLogo.objects.get(organisation=restored).data) == b"<svg/>"
    assert CoverageRejection.objects.get(organisation=restored).focus_area.text_fi == "Talous"
    # The same rows as before, plus the restore's audit event (the backup's own event is
    # written after the backup was taken).
    again = json.loads(export_organisation(restored))
    before = json.loads(exported)
    added = [row for row in again if row not in before]
    assert [row["fields"].get("action") for row in added] == ["organisation.restore"], added
    assert [row for row in again if row not in added] == before
    # The triggers guard the restored record again.
    plan = m.GoalPlan.objects.filter(organisation=restored, status="evaluated").first()
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        m.GoalPlan.objects.filter(pk=plan.pk).update(title_fi="changed")
    with pytest.raises(CommandError, match="already exists"):
        call_command("restore_organisation", str(backup))


def test_the_admins_download_leaves_out_confidential_discussion_content_they_may_not_read(demo):
    from suunta.discussions.models import DiscussionItem
    from suunta.ops.export import export_organisation

    secret = DiscussionItem.objects.filter(
        confidential=True, discussion__organisation=demo["tuusula"]
    ).first()
    assert secret is not None and secret.minutes_fi
    admin = make_user("export-admin", demo["tuusula"], kind="admin")
    downloaded = client_for(admin).get("/fi/o/tuusula/export.json").content.decode()
    assert str(secret.pk) not in downloaded and secret.minutes_fi not in downloaded
    public_item = DiscussionItem.objects.filter(
        confidential=False, discussion=secret.discussion
    ).first()
    assert str(public_item.pk) in downloaded
    backup = export_organisation(demo["tuusula"])
    assert str(secret.pk) in backup
