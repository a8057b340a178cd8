"""Setting up an organisation without a developer: the operator's command and page, the
invitation, the setup pages and their permissions, the first plan from the template."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from suunta.accounts.models import Role, User
from suunta.audit.models import AuditEvent
from suunta.core.actions import WrongState
from suunta.goals import actions as goal_actions
from suunta.onboarding import actions, checklist, plan_templates
from suunta.onboarding.members import read_members
from suunta.onboarding.models import Invitation
from suunta.organisations.models import Body, Membership, Organisation
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

MEMBERS_CSV = """Kunnanhallituksen ja poliittisen johtoryhmän jäsenet 1.6.2025 alkaen
Tulostettu 2.6.2025 klo 9.14

Toimielin;Sukunimi;Etunimi;Tehtävä;Alkaa;Päättyy;Sähköposti;Puolue
Kunnanhallitus;Koivisto;Aino;puheenjohtaja;1.6.2025;31.5.2027;aino.koivisto@kuusijarvi.fi;KOK
Kunnanhallitus;Laine;Eero;I varapuheenjohtaja;1.6.2025;31.5.2027;;SDP
Kunnanhallitus;Mäkelä;Sari;jäsen;1.6.2025;31.5.2027;;KESK
Kunnanhallitus;Nieminen;Olli;varajäsen;1.6.2025;31.5.2027;;PS
Kunnanvaltuusto;Koivisto;Aino;jäsen;1.6.2025;31.5.2029;;KOK
Kunnanvaltuusto;Rantanen;Pekka;puheenjohtaja;1.6.2025;31.5.2029;;VIHR
Poliittinen johtoryhmä;Koivisto;Aino;puheenjohtaja;1.6.2025;31.5.2027;;KOK
Poliittinen johtoryhmä;Rantanen;Pekka;jäsen;1.6.2025;31.5.2027;;VIHR
"""

FOCUS_AREAS = """Kunnan painopistealueet:
• kuntaorganisaation ja kuntakonsernin johtaminen
• kuntastrategian toimeenpano ja seuranta
• talouden tasapainon
  turvaaminen
1. johtoryhmän johtaminen ja kehittäminen
2. elinvoiman ja elinkeinopolitiikan johtaminen
- henkilöstöjohtaminen ja työhyvinvointi
- viestintä ja vuorovaikutus
* maankäytön johtaminen
* palvelujen järjestämisen kehittäminen

 – yhteistyö naapurikuntien kanssa
"""

CONTRACT_TEXT = """1. Sopijapuolet
Kuusijärven kunta ja kunnanjohtaja Ville Virta.

2. Sopimuksen tarkoitus
Sopimuksella sovitaan johtamisen edellytyksistä ja tavoitteista.

3. Tavoitteet ja arviointi
Kunnanhallitus asettaa vuosittain kunnanjohtajan tavoitteet ja arvioi niiden toteutumista.
"""


@pytest.fixture
def operator(db):
    return User.objects.create_user("operaattori", password="x", is_staff=True)


@pytest.fixture
def kuusijarvi(operator):
    organisation, invitation = actions.create_organisation(
        data={
            "name_fi": "Kuusijärven kunta",
            "kind": Organisation.Kind.MUNICIPALITY,
            "leadership_model": Organisation.LeadershipModel.MANAGER,
            "primary_language": "fi",
            "secondary_language": "sv",
            "name_sv": "Granträsk kommun",
        },
        admin_email="Hanna.Hallinto@kuusijarvi.fi",
        admin_name="Hanna Hallinto",
        actor=operator,
    )
    invitation.user.set_password("pw-hanna")
    invitation.user.is_active = True
    invitation.user.save()
    return organisation, invitation.user


def _token(message) -> str:
    found = re.search(r"/invitations/([^/\s]+)/", message.body)
    assert found, message.body
    return found.group(1)


def test_the_operator_creates_an_organisation_and_invites_its_administrator(
    operator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation, _invitation = actions.create_organisation(
            data={
                "name_fi": "Kuusijärven kunta",
                "kind": "municipality",
                "leadership_model": "manager",
            },
            admin_email="hanna@kuusijarvi.fi",
            admin_name="Hanna Hallinto",
            actor=operator,
        )
    assert organisation.slug == "kuusijarven-kunta"
    role = Role.objects.get(organisation=organisation)
    assert role.kind == Role.Kind.ADMIN and role.user.email == "hanna@kuusijarvi.fi"
    assert not role.user.is_active and not role.user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["hanna@kuusijarvi.fi"]
    assert message.subject == "Kutsu Suuntaan: Kuusijärven kunta"
    token = _token(message)
    assert token not in str(Invitation.objects.values_list("digest", flat=True)[0])
    assert AuditEvent.objects.filter(action="organisation.create").count() == 1


def test_nobody_but_staff_creates_an_organisation(demo):
    admin = make_user("admin", demo["tuusula"], Role.Kind.ADMIN)
    with pytest.raises(PermissionDenied):
        actions.create_organisation(
            data={"name_fi": "X", "kind": "municipality", "leadership_model": "manager"},
            admin_email="x@example.fi",
            admin_name="X",
            actor=admin,
        )
    assert client_for(admin).get("/fi/setup/organisations/new/").status_code == 403


def test_the_command_creates_and_prints_the_link(operator, django_capture_on_commit_callbacks):
    out = io.StringIO()
    operator.is_superuser = True
    operator.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_organisation",
            "Kuusijärven kunta",
            "--statistics-code=999",
            "--admin-email=hanna@kuusijarvi.fi",
            "--admin-name=Hanna Hallinto",
            stdout=out,
        )
    assert "/fi/invitations/" in out.getvalue()
    assert Organisation.objects.get(statistics_code="999").text("name") == "Kuusijärven kunta"
    assert len(mail.outbox) == 1


def test_the_staff_page_creates_the_organisation(operator, django_capture_on_commit_callbacks):
    client = client_for(operator)
    before = Organisation.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            "/fi/setup/organisations/new/",
            {
                "name_fi": "Kuusijärven kunta",
                "kind": "municipality",
                "leadership_model": "manager",
                "primary_language": "fi",
                "admin_name": "Hanna Hallinto",
                "admin_email": "hanna@kuusijarvi.fi",
                "admin_language": "sv",
            },
        )
    assert answer.status_code == 302
    (message,) = mail.outbox
    assert message.subject.startswith("Inbjudan till Suunta")  # in the invitee's language
    bad = client.post("/fi/setup/organisations/new/", {"name_fi": "", "kind": "x"})
    assert bad.status_code == 422
    assert "Kirjoita nimi suomeksi tai ruotsiksi." in bad.content.decode()
    assert Organisation.objects.count() == before + 1


def test_the_invitation_sets_the_password_then_asks_for_the_second_factor(
    operator, django_capture_on_commit_callbacks, settings
):
    settings.SUUNTA_REQUIRE_MFA = True
    with django_capture_on_commit_callbacks(execute=True):
        actions.create_organisation(
            data={"name_fi": "Kuusijärvi", "kind": "municipality", "leadership_model": "manager"},
            admin_email="hanna@kuusijarvi.fi",
            admin_name="Hanna Hallinto",
            actor=operator,
        )
    token = _token(mail.outbox[0])
    client = Client()
    page = client.get(f"/fi/invitations/{token}/")
    assert page.status_code == 200 and "hanna@kuusijarvi.fi" in page.content.decode()
    weak = client.post(f"/fi/invitations/{token}/", {"password1": "abc", "password2": "abc"})
    assert weak.status_code == 422
    assert not User.objects.get(email="hanna@kuusijarvi.fi").is_active
    done = client.post(
        f"/fi/invitations/{token}/",
        {"password1": "Kuusi-järvi-2026!", "password2": "Kuusi-järvi-2026!"},
    )
    assert done.status_code == 302
    assert done.url.startswith("/fi/accounts/second-factor/set-up/?next=/fi/o/kuusijarvi/")
    user = User.objects.get(email="hanna@kuusijarvi.fi")
    assert user.is_active and user.check_password("Kuusi-järvi-2026!")
    # Any other page sends the half-signed-in session to the second factor first.
    assert client.get("/fi/").status_code == 302
    # The link works once.
    assert Client().get(f"/fi/invitations/{token}/").status_code == 410
    assert Client().get("/fi/invitations/not-a-token/").status_code == 410


def _admin_client(kuusijarvi):
    organisation, admin = kuusijarvi
    return organisation, admin, client_for(admin)


def test_members_are_imported_from_the_meeting_systems_csv(kuusijarvi):
    organisation, _admin, client = _admin_client(kuusijarvi)
    data = MEMBERS_CSV.encode("cp1252")
    upload = io.BytesIO(data)
    upload.name = "jasenet.csv"
    answer = client.post(
        f"/fi/o/{organisation.slug}/setup/bodies/", {"what": "file", "file": upload}
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    board = organisation.bodies.get(name_fi="Kunnanhallitus")
    assert board.kind == Body.Kind.BOARD
    assert organisation.bodies.get(name_fi="Poliittinen johtoryhmä").kind == "steering_group"
    assert organisation.bodies.get(name_fi="Kunnanvaltuusto").kind == "council"
    chair = board.memberships.get(role=Membership.Role.CHAIR)
    assert chair.person.name == "Aino Koivisto"
    assert chair.starts_on == datetime.date(2025, 6, 1)
    assert chair.person.email == "aino.koivisto@kuusijarvi.fi"
    assert board.memberships.get(person__name="Eero Laine").role == "first_vice_chair"
    # The same person in three bodies is one person.
    assert organisation.people.filter(name="Aino Koivisto").count() == 1
    # Importing the same file again adds nothing.
    upload = io.BytesIO(data)
    upload.name = "jasenet.csv"
    client.post(f"/fi/o/{organisation.slug}/setup/bodies/", {"what": "file", "file": upload})
    assert Membership.objects.filter(body__organisation=organisation).count() == 8


def test_a_file_with_a_bad_row_imports_nothing_and_names_the_row(kuusijarvi):
    organisation, _admin, client = _admin_client(kuusijarvi)
    bad = MEMBERS_CSV.replace("I varapuheenjohtaja", "sihteerin sijainen").replace(
        "31.5.2029", "31.13.2029", 1
    )
    upload = io.BytesIO(bad.encode())
    upload.name = "jasenet.csv"
    answer = client.post(
        f"/fi/o/{organisation.slug}/setup/bodies/", {"what": "file", "file": upload}
    )
    text = answer.content.decode()
    assert answer.status_code == 422
    assert "Rivi 6: ”sihteerin sijainen” ei ole rooli" in text
    assert "Rivi 9: päivämäärää ei voi lukea" in text
    assert Membership.objects.filter(body__organisation=organisation).count() == 0
    assert organisation.bodies.count() == 0


def test_the_post_takes_a_pasted_list_of_focus_areas(kuusijarvi):
    organisation, admin, client = _admin_client(kuusijarvi)
    actions.add_person(organisation, data={"name": "Ville Virta"}, actor=admin)
    person = organisation.people.get()
    answer = client.post(
        f"/fi/o/{organisation.slug}/setup/post/",
        {
            "title_fi": "Kunnanjohtaja",
            "title_sv": "Kommundirektör",
            "description_sv": "Kommundirektören leder kommunens förvaltning.",
            "focus_areas": FOCUS_AREAS,
            "holder": person.pk,
            "holder_from": "2025-01-01",
        },
    )
    assert answer.status_code == 302
    post = organisation.posts.get()
    areas = [a.text_fi for a in post.focus_areas.order_by("order")]
    assert len(areas) == 11
    assert areas[0] == "Kunnan painopistealueet:"
    assert "talouden tasapainon turvaaminen" in areas
    assert areas[-1] == "yhteistyö naapurikuntien kanssa"
    assert post.current_holder() == person
    assert post.description_sv == "Kommundirektören leder kommunens förvaltning."


def test_the_contract_is_split_into_sections_and_keeps_the_signed_pdf(kuusijarvi):
    organisation, admin, client = _admin_client(kuusijarvi)
    post = actions.save_post(
        organisation,
        data={"title_fi": "Kunnanjohtaja"},
        focus_areas=[],
        holder=None,
        holder_from=None,
        partners=[],
        actor=admin,
    )
    pdf = io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    pdf.name = "allekirjoitettu.pdf"
    answer = client.post(
        f"/fi/o/{organisation.slug}/setup/contract/",
        {"title_fi": "Kunnanjohtajan johtajasopimus", "text": CONTRACT_TEXT, "file": pdf},
    )
    assert answer.status_code == 302, answer.content.decode()[:3000]
    contract = post.contracts.get()
    assert [s.heading_fi for s in contract.sections.order_by("order")] == [
        "1. Sopijapuolet",
        "2. Sopimuksen tarkoitus",
        "3. Tavoitteet ja arviointi",
    ]
    document = contract.documents.get()
    download = client.get(f"/fi/contracts/documents/{document.pk}/")
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert Client().get(f"/fi/contracts/documents/{document.pk}/").status_code == 302
    # Not a contract: refused with a message, nothing saved.
    fake = io.BytesIO(b"MZ\x90\x00 not a document")
    fake.name = "sopimus.pdf"
    refused = client.post(
        f"/fi/o/{organisation.slug}/setup/contract/",
        {"title_fi": "Kunnanjohtajan johtajasopimus", "text": CONTRACT_TEXT, "file": fake},
    )
    assert refused.status_code == 422
    assert "PDF" in refused.content.decode()
    assert contract.documents.count() == 1


@pytest.mark.parametrize(
    "who, status",
    [
        ("anonymous", 302),
        ("admin", 200),
        ("coordinator", 404),
        ("executive_admin", 404),
        ("other_admin", 404),
        ("staff", 404),
        ("superuser", 200),
    ],
)
@pytest.mark.parametrize("page", ["", "bodies/", "post/", "contract/", "scale/", "users/"])
def test_who_may_open_the_setup_pages(kuusijarvi, demo, who, status, page):
    organisation, admin = kuusijarvi
    users = {
        "admin": admin,
        "coordinator": make_user("c", organisation, Role.Kind.COORDINATOR),
        "executive_admin": make_user("e", organisation, Role.Kind.EXECUTIVE),
        "other_admin": make_user("o", demo["tuusula"], Role.Kind.ADMIN),
        "staff": User.objects.create_user("s", password="x", is_staff=True),
        "superuser": User.objects.create_superuser("su", password="x"),
    }
    if who == "executive_admin":
        Role.objects.create(user=users[who], organisation=organisation, kind=Role.Kind.ADMIN)
    client = Client() if who == "anonymous" else client_for(users[who])
    answer = client.get(f"/fi/o/{organisation.slug}/setup/{page}")
    if page == "contract/" and status == 200:
        assert answer.status_code == 302  # to the post first
    else:
        assert answer.status_code == status


def test_invitations_give_roles_that_end_on_a_date(kuusijarvi, django_capture_on_commit_callbacks):
    organisation, admin, client = _admin_client(kuusijarvi)
    ends = timezone.localdate() + datetime.timedelta(days=400)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            f"/fi/o/{organisation.slug}/setup/users/",
            {
                "what": "invite",
                "name": "Kaisa Koordinaattori",
                "email": "kaisa@kuusijarvi.fi",
                "kind": "coordinator",
                "ends_on": ends.isoformat(),
            },
        )
    assert answer.status_code == 302
    role = Role.objects.get(organisation=organisation, kind="coordinator")
    assert role.ends_on == ends
    assert mail.outbox[-1].to == ["kaisa@kuusijarvi.fi"]
    past = client.post(
        f"/fi/o/{organisation.slug}/setup/users/",
        {"what": "invite", "name": "X", "email": "x@kuusijarvi.fi", "kind": "coordinator",
         "ends_on": "2020-01-01"},
    )  # fmt: skip
    assert past.status_code == 422
    # Ending the role today.
    today = timezone.localdate()
    client.post(
        f"/fi/o/{organisation.slug}/setup/users/",
        {"what": "end", "role": role.pk, "ends_on": today.isoformat()},
    )
    role.refresh_from_db()
    assert role.ends_on == today
    # Nobody ends their own administrator role.
    own = Role.objects.get(organisation=organisation, user=admin)
    with pytest.raises(PermissionDenied):
        actions.end_role(own, ends_on=today, actor=admin)


def test_the_first_plan_from_the_template_waits_for_its_texts_to_be_reviewed(kuusijarvi):
    organisation, admin, client = _admin_client(kuusijarvi)
    actions.add_body(organisation, data={"kind": "board", "name_fi": "Kunnanhallitus",
                                         "name_sv": "Kommunstyrelsen"}, actor=admin)  # fmt: skip
    post = actions.save_post(
        organisation,
        data={"title_fi": "Kunnanjohtaja", "title_sv": "Kommundirektör"},
        focus_areas=[],
        holder=None,
        holder_from=None,
        partners=[],
        actor=admin,
    )
    assert checklist.missing(organisation)
    answer = client.post(f"/fi/posts/{post.pk}/plans/new/", {"template": "annual", "year": 2027})
    assert answer.status_code == 302
    plan = post.plans.get()
    assert plan.title_fi == "Kunnanjohtajan tavoitteet"
    assert plan.title_sv == "Mål för kommundirektör"
    assert "kunnanhallitus hyväksyy kunnanjohtajan vuositavoitteet" in plan.basis_fi
    assert "raportoidaan kunnanhallitukselle" in plan.evaluation_fi
    assert [c.label_fi for c in plan.checkpoints.order_by("order")] == [
        "elokuu 2027",
        "tammikuu/helmikuu 2028",
    ]
    assert plan.checkpoints.order_by("order").last().closes_on == datetime.date(2028, 2, 29)
    assert plan.scale.kind == "traffic_light"
    assert plan.carried_over == ["title", "basis", "purpose", "evaluation"]
    goal_actions.add_goal(plan, data={"title_fi": "Talouden tasapaino"}, actor=admin)
    plan.refresh_from_db()
    with pytest.raises(WrongState), translation.override("en"):
        goal_actions.propose_plan(plan, actor=admin)
    editor = client.get(f"/fi/plans/{plan.pk}/edit/").content.decode()
    assert "mallipohjasta" in editor


def test_the_empty_plan_has_only_its_title_and_period(kuusijarvi):
    organisation, admin, _client = _admin_client(kuusijarvi)
    post = actions.save_post(
        organisation,
        data={"title_fi": "Kansliapäällikkö"},
        focus_areas=[],
        holder=None,
        holder_from=None,
        partners=[],
        actor=admin,
    )
    plan = actions.start_first_plan(post, template="empty", year=2027, actor=admin)
    assert plan.title_fi == "Kansliapäällikön tavoitteet"
    assert not plan.checkpoints.exists() and not plan.carried_over
    with pytest.raises(ValidationError):
        actions.start_first_plan(post, template="nothing", year=2027, actor=admin)


@pytest.mark.parametrize(
    "title, genitive",
    [
        ("Kansliapäällikkö", "Kansliapäällikön"),
        ("Kaupunginjohtaja", "Kaupunginjohtajan"),
        ("Kuntayhtymän johtaja", "Kuntayhtymän johtajan"),
        ("Hyvinvointialuejohtaja", "Hyvinvointialuejohtajan"),
        ("Pormestari", "Pormestarin"),
        ("Toimitusjohtaja", "Toimitusjohtajan"),
    ],
)
def test_the_genitive_of_the_usual_titles(title, genitive):
    assert plan_templates.genitive_fi(title) == genitive


def test_the_checklist_on_the_organisation_page(kuusijarvi):
    organisation, _admin, client = _admin_client(kuusijarvi)
    page = client.get(f"/fi/o/{organisation.slug}/").content.decode()
    assert "Käyttöönotto" in page or "Setting up" in page
    assert page.count("puuttuu") >= 5
    member = make_user("m", organisation, Role.Kind.BOARD_MEMBER)
    assert "puuttuu" not in client_for(member).get(f"/fi/o/{organisation.slug}/").content.decode()


def test_reading_members_skips_title_rows_and_finds_the_header():
    read = read_members(MEMBERS_CSV.encode(), "x.csv")
    assert not read.errors
    assert len(read.rows) == 8
    assert read.rows[0].line == 5
    assert read.bodies == ["Kunnanhallitus", "Kunnanvaltuusto", "Poliittinen johtoryhmä"]
