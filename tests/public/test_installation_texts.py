"""What a Finnish public-sector service must publish (issue 17): the accessibility statement
with its feedback channel and the privacy notice, linked from every page's footer, in three
languages, and each editable per installation by its staff."""

import pytest
from django.test import Client

from suunta.accounts.models import User
from suunta.audit.models import AuditEvent
from suunta.public.models import InstallationText
from tests.conftest import client_for
from tests.smtp import smtp_server  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, words",
    [
        (
            "/fi/accessibility/",
            ["Saavutettavuusseloste", "Traficom", "WCAG 2.1", "laadittu 7.12.2026"],
        ),
        (
            "/sv/accessibility/",
            ["Tillgänglighetsutlåtande", "Transport- och kommunikationsverket Traficom"],
        ),
        (
            "/en/accessibility/",
            ["Accessibility statement", "Finnish Transport and Communications Agency Traficom"],
        ),
        ("/fi/privacy/", ["Tietosuojaseloste", "Rekisterinpitäjä", "tietosuojavaltuutetun"]),
        ("/sv/privacy/", ["Dataskyddsbeskrivning", "Personuppgiftsansvarig"]),
        ("/en/privacy/", ["Privacy notice", "Controller"]),
    ],
)
def test_the_statement_and_the_notice_are_open_to_everyone_in_three_languages(url, words, settings):
    settings.SUUNTA_OPERATOR_NAME = "Kuusijärven kunta"
    page = Client().get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for word in words:
        assert word in html
    assert "Kuusijärven kunta" in html


def test_every_page_links_to_them_in_its_footer(demo):
    for url in ("/fi/accounts/login/", "/fi/public/", "/sv/public/tuusula/"):
        html = Client().get(url).content.decode()
        footer = html[html.index("<footer") :]
        assert 'href="/' + url.split("/")[1] + '/accessibility/"' in footer
        assert 'href="/' + url.split("/")[1] + '/privacy/"' in footer


def test_feedback_on_accessibility_is_mailed_to_the_installation(settings, smtp_server):  # noqa: F811
    settings.SUUNTA_FEEDBACK_EMAIL = "saavutettavuus@kuusijarvi.example"
    client = Client()
    assert 'id="feedback"' in client.get("/fi/accessibility/").content.decode()
    empty = client.post("/fi/accessibility/", {"message": ""})
    assert empty.status_code == 422
    assert "Tämä kenttä vaaditaan." in empty.content.decode()
    sent = client.post(
        "/fi/accessibility/",
        {
            "message": "Seurantalomakkeen tallennuksen tila ei kuulu ruudunlukijalla.",
            "page": "/fi/plans/…/follow-up/",
            "email": "kuntalainen@example.fi",
        },
    )
    assert sent.status_code == 302
    (mail,) = smtp_server.messages
    assert mail["To"] == "saavutettavuus@kuusijarvi.example"
    assert mail["Reply-To"] == "kuntalainen@example.fi"
    assert "ruudunlukijalla" in mail.get_content()


def test_without_a_feedback_address_there_is_no_form(settings):
    settings.SUUNTA_FEEDBACK_EMAIL = ""
    html = Client().get("/fi/accessibility/").content.decode()
    assert 'id="feedback"' not in html
    assert Client().post("/fi/accessibility/", {"message": "x"}).status_code == 200


def test_staff_edit_the_text_per_language_and_an_empty_one_shows_the_default(db):
    staff = User.objects.create_user("yllapito", password="x", is_staff=True)
    client = client_for(staff)
    answer = client.post(
        "/fi/privacy/edit/",
        {
            "body_fi": "## Rekisterinpitäjä\n\nKuusijärven kunta <script>\n\n- nimi\n- sähköposti",
            "body_sv": "",
            "body_en": "",
        },
    )
    assert answer.status_code == 302
    html = Client().get("/fi/privacy/").content.decode()
    assert "<h2>Rekisterinpitäjä</h2>" in html
    assert "Kuusijärven kunta &lt;script&gt;" in html
    assert "<ul><li>nimi</li><li>sähköposti</li></ul>" in html
    assert "Personuppgiftsansvarig" in Client().get("/sv/privacy/").content.decode()
    assert InstallationText.objects.get(kind="privacy").updated_by == staff
    assert AuditEvent.objects.filter(action="installation_text.update").count() == 1
