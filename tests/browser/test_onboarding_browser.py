"""A municipality starts on its own (issue 17): from an empty database with one staff account,
without /admin/, the operator creates Kuusijärven kunta; its administrator accepts the
invitation, imports the board, the council and the steering group from the meeting system's
CSV, records the executive post with ten pasted focus areas and the director contract with the
signed PDF, invites the coordinator, the mayor and the executive, starts the first plan from the
template, reviews its texts, writes a goal and proposes it. Every page is checked with axe and
photographed; the setup pages are read in Swedish too."""

import re

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from suunta.accounts.models import Role, User
from suunta.goals.models import GoalPlan
from suunta.organisations.models import Membership, Organisation

from .test_browser import assert_accessible, sign_in

MEMBERS = """Toimielin;Sukunimi;Etunimi;Rooli;Alkaa;Päättyy;Sähköposti
Kunnanhallitus;Koivisto;Aino;puheenjohtaja;1.6.2025;31.5.2027;aino.koivisto@kuusijarvi.example
Kunnanhallitus;Laine;Eero;I varapuheenjohtaja;1.6.2025;31.5.2027;
Kunnanhallitus;Mäkelä;Sari;jäsen;1.6.2025;31.5.2027;
Kunnanvaltuusto;Rantanen;Pekka;puheenjohtaja;1.6.2025;31.5.2029;
Kunnanvaltuusto;Koivisto;Aino;jäsen;1.6.2025;31.5.2029;
Poliittinen johtoryhmä;Koivisto;Aino;puheenjohtaja;1.6.2025;31.5.2027;
Poliittinen johtoryhmä;Rantanen;Pekka;jäsen;1.6.2025;31.5.2027;
"""

FOCUS = "\n".join(
    f"• {text}"
    for text in [
        "kuntaorganisaation ja kuntakonsernin johtaminen",
        "kuntastrategian toimeenpano ja seuranta",
        "talouden tasapainon turvaaminen",
        "johtoryhmän johtaminen ja kehittäminen",
        "elinvoiman ja elinkeinopolitiikan johtaminen",
        "henkilöstöjohtaminen ja työhyvinvointi",
        "viestintä ja vuorovaikutus",
        "maankäytön johtaminen",
        "palvelujen järjestämisen kehittäminen",
        "yhteistyö naapurikuntien kanssa",
    ]
)

CONTRACT = """1. Sopijapuolet
Kuusijärven kunta ja kunnanjohtaja Ville Virta.

2. Tavoitteet ja arviointi
Kunnanhallitus asettaa vuosittain kunnanjohtajan tavoitteet ja arvioi niiden toteutumista.
"""

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _link(address: str) -> str:
    message = next(m for m in reversed(mail.outbox) if address in m.to)
    return re.search(r"https?://[^/]+(/\S+/invitations/\S+/)", message.body).group(1)


def test_kuusijarvi_starts_from_an_empty_database(transactional_db, new_page, artifacts):
    call_command("flush", interactive=False, verbosity=0)
    User.objects.create_user("operaattori", password="pw-operaattori", is_staff=True)
    shot = 0

    def photo(page, name):
        nonlocal shot
        shot += 1
        assert_accessible(page)
        page.screenshot(path=artifacts / f"onboarding-{shot:02d}-{name}.png", full_page=True)

    # The operator creates the organisation and invites its administrator.
    operator = new_page()
    sign_in(operator, "operaattori", "pw-operaattori")
    operator.goto("/fi/setup/organisations/new/")
    operator.locator("#id_name_fi").fill("Kuusijärven kunta")
    operator.locator("#id_name_sv").fill("Granträsk kommun")
    operator.locator("#id_kind").select_option("municipality")
    operator.locator("#id_leadership_model").select_option("manager")
    operator.locator("#id_statistics_code").fill("998")
    operator.locator("#id_admin_name").fill("Hanna Hallinto")
    operator.locator("#id_admin_email").fill("hanna@kuusijarvi.example")
    photo(operator, "operator")
    operator.locator("form.form button[type=submit]").click()
    expect(operator.locator("#messages")).to_contain_text("hanna@kuusijarvi.example")
    organisation = Organisation.objects.get(statistics_code="998")

    # The administrator accepts the invitation and sets a password.
    page = new_page()
    page.goto(_link("hanna@kuusijarvi.example"))
    photo(page, "invitation")
    page.locator("#id_password1").fill("Kuusi-järvi-2026!")
    page.locator("#id_password2").fill("Kuusi-järvi-2026!")
    page.locator("form.form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/fi/o/kuusijarven-kunta/$"))
    expect(page.locator(".checklist")).to_be_visible()
    photo(page, "checklist")

    # Bodies and members from the meeting system's CSV.
    page.goto(f"/fi/o/{organisation.slug}/setup/bodies/")
    page.locator("#id_file").set_input_files(
        {"name": "jasenet.csv", "mimeType": "text/csv", "buffer": MEMBERS.encode("cp1252")}
    )
    page.locator("#import form button[type=submit]").click()
    expect(page.get_by_role("heading", name=re.compile("Kunnanhallitus"))).to_be_visible()
    assert Membership.objects.filter(body__organisation=organisation).count() == 7
    # The executive as a person.
    page.locator("#people summary").click()
    page.locator("#people #id_name").fill("Ville Virta")
    page.locator("#people #id_title_fi").fill("Kunnanjohtaja")
    page.locator("#people form button[type=submit]").click()
    expect(page.locator("#people")).to_contain_text("Ville Virta")
    photo(page, "bodies")

    # The executive post with ten pasted focus areas and who holds the discussion.
    page.goto(f"/fi/o/{organisation.slug}/setup/post/")
    page.locator("#id_title_fi").fill("Kunnanjohtaja")
    page.locator("#id_title_sv").fill("Kommundirektör")
    page.locator("#id_focus_areas").fill(FOCUS)
    page.locator("#id_holder").select_option(label="Ville Virta")
    page.get_by_label(re.compile(r"^Kunnanhallitus: ")).first.check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#messages")).to_be_visible()
    post = organisation.posts.get()
    assert post.focus_areas.count() == 10
    assert post.current_holder().name == "Ville Virta"
    photo(page, "post")

    # The director contract with the signed PDF.
    page.goto(f"/fi/o/{organisation.slug}/setup/contract/")
    page.locator("#id_title_fi").fill("Kunnanjohtajan johtajasopimus")
    page.locator("#id_text").fill(CONTRACT)
    page.locator("#id_file").set_input_files(
        {"name": "sopimus-allekirjoitettu.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.locator("form.form button[type=submit]").click()
    expect(page.get_by_role("link", name="sopimus-allekirjoitettu.pdf")).to_be_visible()
    assert post.contracts.get().sections.count() == 2
    photo(page, "contract")

    # The rating scale.
    page.goto(f"/fi/o/{organisation.slug}/setup/scale/")
    page.locator("input[value=five]").check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#messages")).to_be_visible()

    # The coordinator, the mayor (the board's chair holds the discussion) and the executive.
    people = {p.name: p for p in organisation.people.all()}
    for name, email, kind, person in [
        ("Kaisa Koordinaattori", "kaisa@kuusijarvi.example", "coordinator", None),
        (
            "Aino Koivisto",
            "aino.koivisto@kuusijarvi.example",
            "discussion_partner",
            "Aino Koivisto",
        ),
        ("Ville Virta", "ville@kuusijarvi.example", "executive", "Ville Virta"),
    ]:
        page.goto(f"/fi/o/{organisation.slug}/setup/users/")
        page.locator("#id_name").fill(name)
        page.locator("#id_email").fill(email)
        page.locator(f"input[name=kind][value={kind}]").check()
        if person:
            page.locator("#id_person").select_option(str(people[person].pk))
        page.locator("form.form button[type=submit]").last.click()
        expect(page.locator("#messages")).to_contain_text(email)
    kinds = set(Role.objects.filter(organisation=organisation).values_list("kind", flat=True))
    assert kinds == {"admin", "coordinator", "discussion_partner", "executive"}
    assert people["Ville Virta"].__class__.objects.get(name="Ville Virta").user is not None
    photo(page, "users")

    # The first plan from the template.
    page.goto(f"/fi/posts/{post.pk}/")
    page.locator(f"a[href='/fi/posts/{post.pk}/plans/new/']").click()
    page.locator("input[name=template][value=annual]").check()
    page.locator("#id_year").fill("2027")
    photo(page, "plan-new")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/edit/$"))
    plan = GoalPlan.objects.get(post=post)
    assert plan.carried_over == ["title", "basis", "purpose", "evaluation"]
    expect(page.locator("#carried-over")).to_be_visible()
    photo(page, "plan-template")
    # Each text read and confirmed.
    confirm = page.locator("#carried-over form button[type=submit]")
    for left in (4, 3, 2, 1):
        expect(confirm).to_have_count(left)
        confirm.first.click()
    expect(page.locator("#carried-over")).to_have_count(0)
    plan.refresh_from_db()
    assert plan.carried_over == []

    # The same setup pages in Swedish.
    page.goto(f"/sv/o/{organisation.slug}/setup/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ibruktagning")
    photo(page, "setup-sv")
    page.goto(f"/sv/o/{organisation.slug}/setup/bodies/")
    photo(page, "bodies-sv")
