"""The register of interests (Local Government Act 84 §): who must declare, declarations,
the audit committee's review, pruning, the public register, CSV and API, and the demo."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from suunta.core.actions import ActionError, StaleVersion
from suunta.goals import models as m
from suunta.organisations.models import Body, Organisation, Person, PostTenure
from suunta.register import actions, queries
from suunta.register.models import (
    DeclarationReview,
    DeclarationVersion,
    InterestDeclaration,
    business_id_is_valid,
)
from tests.conftest import client_for, make_user
from tests.smtp import smtp_server  # noqa: F401 - the fixture

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def in_english():
    """The actions' messages are asserted in English (the msgids)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def setting(demo):
    """Tuusula with a board member (seat from 1.2.2026), a declarant account linked to them,
    a coordinator and an audit committee member."""
    tuusula = demo["tuusula"]
    board = Body.objects.get(organisation=tuusula, kind="board")
    coordinator = make_user("rek-koordinaattori", tuusula)
    auditor = make_user("rek-tarkastus", tuusula, kind="audit_committee")
    auditor.email = "tarkastus@example.fi"
    auditor.save()
    declarant = make_user("rek-jasen", tuusula, kind="board_member")
    declarant.email = "jasen@example.fi"
    declarant.save()
    person = actions.add_person(tuusula, name="Maija Meikäläinen", actor=coordinator)
    Person.objects.filter(pk=person.pk).update(user=declarant, email="maija@example.fi")
    person.refresh_from_db()
    seat = actions.add_position(
        person, body=board, role="member", starts_on=datetime.date(2026, 2, 1), actor=coordinator
    )
    return {
        "org": tuusula,
        "board": board,
        "coordinator": coordinator,
        "auditor": auditor,
        "declarant": declarant,
        "person": person,
        "seat": seat,
    }


ROW = {
    "category": "business_position",
    "entity_name": "Tuusulan Vesi Oy",
    "business_id": "0112038-9",
    "role_fi": "hallituksen jäsen",
    "since": datetime.date(2024, 1, 1),
}


def declare(setting, rows=None, no_interests=False, lock=None, today=TODAY):
    return actions.save_declaration(
        setting["person"],
        rows=[ROW] if rows is None else rows,
        no_interests=no_interests,
        expected_lock=lock,
        actor=setting["declarant"],
        today=today,
    )


def test_the_business_id_check_digit_follows_the_weights_and_mod_11():
    assert business_id_is_valid("0112038-9")
    assert business_id_is_valid("1572860-0")  # remainder 0 → check digit 0
    assert not business_id_is_valid("0112038-8")
    assert not business_id_is_valid("01120389")
    assert not business_id_is_valid("a112038-9")


def test_a_board_member_must_declare_within_two_months_of_the_start(setting):
    obligation = queries.obligation_of(setting["person"], TODAY)
    assert obligation is not None
    assert obligation.since == datetime.date(2026, 2, 1)
    assert obligation.due == datetime.date(2026, 4, 1)
    row = next(r for r in queries.overview(setting["org"], TODAY) if r.person == setting["person"])
    assert row.state == "missing"
    late = queries.overview(setting["org"], datetime.date(2026, 4, 2))
    assert next(r for r in late if r.person == setting["person"]).state == "late"


def test_a_secretary_holds_no_role_that_requires_a_declaration(setting):
    person = actions.add_person(setting["org"], name="Sihteeri", actor=setting["coordinator"])
    actions.add_position(
        person,
        body=setting["board"],
        role="secretary",
        starts_on=datetime.date(2026, 1, 1),
        actor=setting["coordinator"],
    )
    assert queries.obligation_of(person, TODAY) is None


def test_a_declaration_is_saved_with_its_first_version(setting):
    declaration = declare(setting)
    assert declaration.status == "submitted"
    assert declaration.declared_on == TODAY and declaration.version_no == 1
    assert [i.entity_name for i in declaration.interests.all()] == ["Tuusulan Vesi Oy"]
    assert declaration.interests.get().description_fi == "Tuusulan Vesi Oy, hallituksen jäsen"
    assert declaration.versions.get().snapshot["interests"][0]["business_id"] == "0112038-9"


BAD_INPUT = [
    ("wrong check digit", [{**ROW, "business_id": "0112038-8"}], False, "not a valid business ID"),
    (
        "end before start",
        [{**ROW, "since": datetime.date(2025, 5, 1), "until": datetime.date(2025, 4, 1)}],
        False,
        "end date cannot be before the start date",
    ),
    ("empty without no interests", [], False, "The declaration is empty"),
    ("no interests and rows", [ROW], True, "no interests to declare"),
    ("date before 1.6.2017", [{**ROW, "since": datetime.date(2016, 1, 1)}], False, "1.6.2017"),
]


@pytest.mark.parametrize(
    ("case", "rows", "none", "message"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT]
)
def test_bad_input_gets_a_clear_message_and_nothing_is_saved(setting, case, rows, none, message):
    with pytest.raises(ValidationError) as error:
        declare(setting, rows=rows, no_interests=none)
    assert message in " ".join(error.value.messages)
    assert not InterestDeclaration.objects.filter(person=setting["person"]).exists()


def test_a_person_with_no_role_requiring_one_cannot_have_a_declaration(setting):
    person = actions.add_person(setting["org"], name="Ulkopuolinen", actor=setting["coordinator"])
    with pytest.raises(ActionError, match="holds no role that requires a declaration"):
        actions.save_declaration(
            person,
            rows=[ROW],
            no_interests=False,
            expected_lock=None,
            actor=setting["coordinator"],
            today=TODAY,
        )
    assert not InterestDeclaration.objects.filter(person=person).exists()


def test_a_stale_save_is_refused_and_nothing_changes(setting):
    first = declare(setting)
    declare(setting, rows=[{**ROW, "role_fi": "puheenjohtaja"}], lock=first.lock_version)
    with pytest.raises(StaleVersion):
        declare(setting, rows=[{**ROW, "role_fi": "jäsen"}], lock=first.lock_version)
    assert InterestDeclaration.objects.get(pk=first.pk).version_no == 2


def test_saving_the_same_content_again_is_refused_as_nothing_changed(setting):
    first = declare(setting)
    with pytest.raises(ActionError, match="Nothing was changed"):
        declare(setting, lock=first.lock_version)


def test_a_review_is_recorded_and_an_edit_after_it_sends_the_declaration_back(setting):
    declaration = declare(setting)
    actions.review_declaration(
        declaration, outcome="reviewed", version_no=1, actor=setting["auditor"], today=TODAY
    )
    declaration.refresh_from_db()
    assert declaration.status == "reviewed"
    again = declare(
        setting, rows=[{**ROW, "role_fi": "puheenjohtaja"}], lock=declaration.lock_version
    )
    assert again.status == "submitted" and again.version_no == 2
    assert [v.version_no for v in again.versions.all()] == [2, 1]


def test_reviews_are_never_updated_in_the_database(setting):
    declaration = declare(setting)
    review = actions.review_declaration(
        declaration, outcome="reviewed", version_no=1, actor=setting["auditor"], today=TODAY
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        DeclarationReview.objects.filter(pk=review.pk).update(message="muutettu")
    with pytest.raises(IntegrityError), transaction.atomic():
        DeclarationVersion.objects.filter(declaration=declaration).update(version_no=9)


def test_the_audit_committee_does_not_review_its_own_declaration(setting):
    from django.core.exceptions import PermissionDenied

    Person.objects.filter(pk=setting["person"].pk).update(user=setting["auditor"])
    setting["person"].refresh_from_db()
    declaration = actions.save_declaration(
        setting["person"],
        rows=[ROW],
        no_interests=False,
        expected_lock=None,
        actor=setting["auditor"],
    )
    with pytest.raises(PermissionDenied):
        actions.review_declaration(
            declaration, outcome="reviewed", version_no=1, actor=setting["auditor"]
        )


def test_a_correction_request_is_mailed_to_the_declarant_after_the_commit(
    setting,
    smtp_server,  # noqa: F811
):
    declaration = declare(setting)
    with pytest.raises(ValidationError):
        actions.review_declaration(
            declaration,
            outcome="correction_requested",
            message=" ",
            version_no=1,
            actor=setting["auditor"],
        )
    with django_capture_on_commit():
        actions.review_declaration(
            declaration,
            outcome="correction_requested",
            message="Lisää omistusosuus.",
            version_no=1,
            actor=setting["auditor"],
        )
    declaration.refresh_from_db()
    assert declaration.status == "correction_requested"
    mails = [msg for msg in smtp_server.messages if msg["To"] == "maija@example.fi"]
    assert len(mails) == 1
    assert "Lisää omistusosuus." in mails[0].get_content()


def django_capture_on_commit():
    """Run the on_commit callbacks of the test's transaction when the block ends."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_the_term_ends_and_the_person_leaves_the_public_register_then_is_deleted(setting):
    declaration = declare(setting)
    org = setting["org"]
    assert [e.person for e in queries.public_register(org, TODAY)] == [setting["person"]]
    actions.end_position(setting["seat"], ends_on=TODAY, actor=setting["coordinator"])
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert queries.public_register(org, tomorrow) == []
    result = actions.prune_register(tomorrow, org)
    assert result.left == [declaration.pk] and result.deleted == []
    declaration.refresh_from_db()
    assert declaration.left_register_on == TODAY
    actions.save_register_settings(
        org,
        retention_months=1,
        rules=[queries.rule_key(r) for r in queries.DEFAULT_RULES],
        actor=setting["coordinator"],
    )
    assert actions.prune_register(datetime.date(2026, 4, 1), org).deleted == []
    assert actions.prune_register(datetime.date(2026, 4, 2), org).deleted == [declaration.pk]
    assert not InterestDeclaration.objects.filter(pk=declaration.pk).exists()
    assert not DeclarationVersion.objects.filter(declaration_id=declaration.pk).exists()


def test_an_end_date_before_the_start_is_refused(setting):
    with pytest.raises(ValidationError):
        actions.end_position(
            setting["seat"], ends_on=datetime.date(2026, 1, 1), actor=setting["coordinator"]
        )
    setting["seat"].refresh_from_db()
    assert setting["seat"].ends_on is None


def test_the_retention_time_is_one_to_120_months(setting):
    rules = [queries.rule_key(r) for r in queries.DEFAULT_RULES]
    for bad in (0, 121):
        with pytest.raises(ValidationError):
            actions.save_register_settings(
                setting["org"], retention_months=bad, rules=rules, actor=setting["coordinator"]
            )
    assert queries.retention_months(setting["org"]) == 12


# --- Pages ---------------------------------------------------------------------------------


def test_the_declarant_declares_on_the_page_and_bad_input_changes_nothing(setting):
    client = client_for(setting["declarant"])
    url = f"/fi/o/tuusula/register/people/{setting['person'].pk}/declaration/"
    assert client.get(url).status_code == 200
    data = {
        "rows-TOTAL_FORMS": "2",
        "rows-INITIAL_FORMS": "0",
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "100",
        "rows-0-category": "business_position",
        "rows-0-entity_name": "Tuusulan Vesi Oy",
        "rows-0-business_id": "0112038-8",
        "rows-0-role_fi": "jäsen",
        "lock_version": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 422
    assert "0112038-8" in response.content.decode()
    assert not InterestDeclaration.objects.filter(person=setting["person"]).exists()
    added = client.post(url, {**data, "add_row": "1"})
    assert added.status_code == 200 and 'name="rows-2-category"' in added.content.decode()
    response = client.post(url, {**data, "rows-0-business_id": "0112038-9"})
    assert response.status_code == 302
    assert InterestDeclaration.objects.get(person=setting["person"]).interests.count() == 1


def test_the_public_register_csv_and_api_show_the_declaration_but_no_review_message(setting):
    declaration = declare(setting, today=datetime.date.today())
    actions.review_declaration(
        declaration,
        outcome="correction_requested",
        message="SALAINEN-VIESTI",
        version_no=1,
        actor=setting["auditor"],
    )
    anonymous = Client()
    page = anonymous.get("/fi/public/tuusula/interests/").content.decode()
    assert "Maija Meikäläinen" in page and "Tuusulan Vesi Oy" in page
    person = anonymous.get(f"/fi/public/tuusula/interests/{setting['person'].pk}/")
    assert person.status_code == 200
    csv = anonymous.get("/fi/public/tuusula/interests.csv").content.decode("utf-8-sig")
    assert "0112038-9" in csv
    api = anonymous.get("/api/v1/public/organisations/tuusula/interests").json()
    assert any(d["name"] == "Maija Meikäläinen" for d in api)
    for body in (page, person.content.decode(), csv, str(api)):
        assert "SALAINEN-VIESTI" not in body
    assert "/fi/public/tuusula/interests/" in anonymous.get("/fi/public/tuusula/").content.decode()


def test_a_person_whose_term_ended_is_not_public(setting):
    declare(setting, today=datetime.date.today())
    actions.end_position(
        setting["seat"],
        ends_on=datetime.date.today() - datetime.timedelta(1),
        actor=setting["coordinator"],
    )
    anonymous = Client()
    assert "Maija" not in anonymous.get("/fi/public/tuusula/interests/").content.decode()
    assert anonymous.get(f"/fi/public/tuusula/interests/{setting['person'].pk}/").status_code == 404


def test_the_home_page_expects_the_declaration_from_the_declarant(setting):
    page = client_for(setting["declarant"]).get("/fi/").content.decode()
    assert f"declare:{setting['person'].pk}" in page


def test_the_yearly_report_is_a_docx_and_a_pdf(setting):
    declare(setting)
    client = client_for(setting["auditor"])
    year = datetime.date.today().year
    assert client.get("/fi/o/tuusula/register/report/").status_code == 200
    docx = client.get(f"/fi/o/tuusula/register/report/{year}.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    pdf = client.get(f"/fi/o/tuusula/register/report/{year}.pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"


def test_the_demo_kangasala_declaration_is_reviewed_and_public_without_sign_in(demo):
    page = Client().get("/fi/public/kangasala/interests/").content.decode()
    for name in (
        "Kuntien Hankintapalvelu KuHa Oy",
        "Pirkanmaan jätehuolto Oy",
        "Tammervoima Oy",
        "Pyöräilykuntien verkosto",
    ):
        assert name in page
    assert "Oskari Auvinen" in page
    declaration = InterestDeclaration.objects.get(person__name="Oskari Auvinen")
    assert declaration.status == "reviewed"


def test_the_demo_esimerkkila_register_has_every_situation(db):
    from suunta.demo import seed

    seed.load(accounts=True)
    org = Organisation.objects.get(slug="esimerkkila")
    states = {row.state for row in queries.overview(org)}
    assert states == {"missing", "late", "submitted", "correction_requested", "reviewed"}
    assert [e.declaration.person.name for e in queries.ended_terms(org)] == ["Pekka Entinen"]
    hallitus = Person.objects.get(user__username="hallitus", organisation=org)
    assert queries.obligation_of(hallitus) is not None


def test_the_declarant_is_reminded_before_the_due_date_and_when_late_never_twice(
    setting,
    smtp_server,  # noqa: F811
):
    from suunta.schedule.reminders import send_reminders

    due = datetime.date(2026, 4, 1)

    def mails():
        return [msg for msg in smtp_server.messages if msg["To"] == "jasen@example.fi"]

    send_reminders(due - datetime.timedelta(days=3))
    assert len(mails()) == 1
    body = mails()[0].get_content()
    assert "sidonnaisuusilmoituksen tekeminen" in body and "Määräpäivä: 1.4.2026" in body
    assert f"/fi/o/tuusula/register/people/{setting['person'].pk}/declaration/" in body
    send_reminders(due - datetime.timedelta(days=3))
    assert len(mails()) == 1
    send_reminders(due + datetime.timedelta(days=5))
    assert len(mails()) == 2 and "MYÖHÄSSÄ" in mails()[1].get_content()
    declare(setting, today=due + datetime.timedelta(days=6))
    send_reminders(due + datetime.timedelta(days=7))
    assert len(mails()) == 2


def test_the_coordinator_enters_a_paper_declaration_with_the_day_it_was_received(setting):
    from django.core.exceptions import PermissionDenied

    received = datetime.date(2026, 2, 20)
    with pytest.raises(PermissionDenied):
        actions.save_declaration(
            setting["person"],
            rows=[],
            no_interests=True,
            expected_lock=None,
            received_on=received,
            actor=setting["declarant"],
            today=TODAY,
        )
    declaration = actions.save_declaration(
        setting["person"],
        rows=[],
        no_interests=True,
        expected_lock=None,
        received_on=received,
        actor=setting["coordinator"],
        today=TODAY,
    )
    assert declaration.declared_on == received and declaration.received_on == received
    assert declaration.no_interests and declaration.status == "submitted"


def test_the_organisation_page_drops_the_executives_interests_the_day_after_the_term_ends(demo):
    from unittest import mock

    from django.utils import timezone

    today = timezone.localdate()
    PostTenure.objects.filter(person__name="Oskari Auvinen").update(ends_on=today)
    first = Client().get("/fi/public/kangasala/")
    assert "Tammervoima Oy" in first.content.decode()
    tomorrow = today + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        fresh = Client().get("/fi/public/kangasala/")
        assert "Tammervoima Oy" not in fresh.content.decode()
        again = Client().get("/fi/public/kangasala/", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 200
        assert "Tammervoima Oy" not in again.content.decode()
        since = Client().get("/fi/public/kangasala/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 200


@pytest.mark.parametrize("total", ["abc", "-5", ""])
def test_adding_a_row_with_a_garbled_row_count_redraws_the_form_and_saves_nothing(setting, total):
    client = client_for(setting["declarant"])
    url = f"/fi/o/tuusula/register/people/{setting['person'].pk}/declaration/"
    data = {"add_row": "1", "rows-TOTAL_FORMS": total, "rows-INITIAL_FORMS": "0"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert not InterestDeclaration.objects.filter(person=setting["person"]).exists()


def test_a_reviewed_declaration_reads_as_reviewed_not_as_a_bodys_handling_in_finnish(setting):
    from django.utils import translation

    declare(setting)
    with translation.override("fi"):
        assert queries.state_label("reviewed") == "tarkastettu"
        assert str(DeclarationReview.Outcome.REVIEWED.label) == "tarkastettu"
        assert str(m.Decision.Kind.REVIEW.label) == "käsitteli"
    page = client_for(setting["auditor"]).get(
        f"/fi/o/tuusula/register/people/{setting['person'].pk}/review/"
    )
    assert "tarkastettu" in page.content.decode() and "käsitteli" not in page.content.decode()


def test_the_new_persons_title_field_asks_for_a_job_title_not_a_heading(setting):
    page = client_for(setting["coordinator"]).get("/fi/o/tuusula/register/people/new/")
    html = page.content.decode()
    assert "Tehtävänimike" in html and "Otsikko" not in html


def test_changing_the_role_on_the_page_changes_what_the_public_register_shows(setting):
    """The row's public text was made from the company and the role; the edit form must not
    hand that old text back, or the public register keeps showing the old role."""
    import re

    declare(setting, today=datetime.date.today())
    client = client_for(setting["declarant"])
    url = f"/fi/o/tuusula/register/people/{setting['person'].pk}/declaration/"
    html = client.get(url).content.decode()
    data = {
        name: value
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html)
        if name != "csrfmiddlewaretoken"
    }
    described = re.search(r'<textarea[^>]*name="rows-0-description_fi"[^>]*>([^<]*)<', html)
    data["rows-0-description_fi"] = described.group(1).strip() if described else ""
    data["rows-0-category"] = "business_position"
    data["rows-0-role_fi"] = "hallituksen puheenjohtaja"
    assert client.post(url, data).status_code == 302
    page = Client().get("/fi/public/tuusula/interests/").content.decode()
    assert "Tuusulan Vesi Oy, hallituksen puheenjohtaja" in page
    assert "hallituksen jäsen" not in page


def test_the_situation_on_a_day_before_the_declaration_shows_it_missing_or_late(setting):
    declare(setting, today=datetime.date(2026, 4, 10))
    rows = {r.person: r.state for r in queries.overview(setting["org"], TODAY)}
    assert rows[setting["person"]] == "missing"
    rows = {r.person: r.state for r in queries.overview(setting["org"], datetime.date(2026, 4, 5))}
    assert rows[setting["person"]] == "late"
    rows = {r.person: r.state for r in queries.overview(setting["org"], datetime.date(2026, 4, 10))}
    assert rows[setting["person"]] == "submitted"


def test_a_declaration_off_the_public_register_is_not_in_the_public_organisation_api(demo):
    """Kangasala stops requiring the executive's declaration: once the register is pruned the
    city manager's interests leave every public view, the organisation's API included."""
    kangasala = demo["kangasala"]
    admin = make_user("rek-kangasala", kangasala)
    seats_only = [queries.rule_key(r) for r in queries.DEFAULT_RULES if r[0] != "executive"]
    actions.save_register_settings(kangasala, retention_months=12, rules=seats_only, actor=admin)
    actions.prune_register(organisation=kangasala)
    anonymous = Client()
    assert "Tammervoima Oy" not in anonymous.get("/fi/public/kangasala/").content.decode()
    api = anonymous.get("/api/v1/public/organisations/kangasala").json()
    assert [p["positions_of_trust"] for p in api["posts"]] == [[]]


def test_an_admin_links_a_person_to_an_account_on_the_page_and_they_declare_themself(
    setting,
):
    """Self-service needs the person linked to the account they sign in with; an admin of the
    organisation links it (docs/decisions/0011), the coordinator keeps adding people and seats.
    An account without a role here, or one already linked to someone else, is refused with the
    reason and nothing changes."""
    org = setting["org"]
    newcomer = actions.add_person(org, name="Uusi Jäsen", actor=setting["coordinator"])
    actions.add_position(
        newcomer,
        body=setting["board"],
        role="deputy_member",
        starts_on=datetime.date(2026, 2, 1),
        actor=setting["coordinator"],
    )
    account = make_user("rek-uusi", org, kind="board_member")
    outsider = make_user("rek-ulkopuolinen", setting["org"], kind="board_member")
    outsider.roles.all().delete()
    admin = make_user("rek-admin", org, kind="admin")
    linker = client_for(admin)
    url = f"/fi/o/tuusula/register/people/{newcomer.pk}/account/"
    page = linker.get(url).content.decode()
    assert "rek-uusi" in page and "rek-ulkopuolinen" not in page
    # Someone else's account: refused, named, nothing changed.
    taken = linker.post(url, {"user": str(setting["declarant"].pk)})
    assert taken.status_code == 422 and "Maija Meikäläinen" in taken.content.decode()
    with pytest.raises(ValidationError) as refused:
        actions.link_account(newcomer, user=outsider, actor=admin)
    assert list(refused.value.message_dict) == ["user"]
    newcomer.refresh_from_db()
    assert newcomer.user is None
    assert linker.post(url, {"user": str(account.pk)}).status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.user == account
    own = client_for(account).get(f"/fi/o/tuusula/register/people/{newcomer.pk}/declaration/")
    assert own.status_code == 200
    # Only an admin links accounts: not the declarant, not the coordinator who keeps the register.
    for someone in (account, setting["coordinator"]):
        with pytest.raises(PermissionDenied):
            actions.link_account(newcomer, user=None, actor=someone)
        assert client_for(someone).post(url, {"user": ""}).status_code in (403, 404)
    assert linker.post(url, {"user": ""}).status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.user is None
