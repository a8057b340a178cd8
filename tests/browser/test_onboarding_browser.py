"""A municipality starts on its own (issue 17): from an empty database with one staff account,
without /admin/, the operator creates Kuusijärven kunta; its administrator accepts the
invitation, imports the board, the council and the steering group from the meeting system's
CSV, records the executive post with ten pasted focus areas and the director contract with the
signed PDF, invites the coordinator, the mayor and the executive; the coordinator accepts and
runs a whole cycle: the first plan from the template (its texts reviewed), three goals, the
proposal, the steering group's review, the board's approval with amendments and the amendment
written in, the follow-up of all goals at once, the evaluation and the public page. Every page is
checked with axe and photographed; the key pages are read in Swedish too."""

import re

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from suunta.accounts.models import Role, User
from suunta.goals.models import FollowUpEntry, GoalPlan
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
    operator.locator("#id_secondary_language").select_option("sv")
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

    # The coordinator accepts the invitation and runs the cycle from here on.
    admin = page
    page = new_page()
    page.goto(_link("kaisa@kuusijarvi.example"))
    page.locator("#id_password1").fill("Sininen-Kuusi-47!")
    page.locator("#id_password2").fill("Sininen-Kuusi-47!")
    page.locator("form.form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/fi/o/kuusijarven-kunta/$"))

    # The first plan from the template.
    page.goto(f"/fi/posts/{post.pk}/")
    page.locator(f"a[href='/fi/posts/{post.pk}/plans/new/']").click()
    page.locator("input[name=template][value=annual]").check()
    page.locator("#id_year").fill("2026")
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

    # Three goals with an indicator each, as the discussion agreed them.
    goals = [
        ("Talouden tasapaino", "Tilikauden tulos on ylijäämäinen"),
        ("Elinvoiman vahvistaminen", "Uusien yritysten määrä kasvaa"),
        ("Henkilöstön hyvinvointi", "Henkilöstökyselyn tulos paranee"),
    ]
    for title, indicator in goals:
        page.goto(f"/fi/plans/{plan.pk}/goals/new/")
        page.locator("#id_title_fi").fill(title)
        page.locator("form.form button[type=submit]").first.click()
        expect(page.locator("#messages")).to_be_visible()
        goal = plan.goals.get(title_fi=title)
        page.goto(f"/fi/goals/{goal.pk}/indicators/new/")
        page.locator("#id_text_fi").fill(indicator)
        page.locator("form.form button[type=submit]").first.click()
        expect(page.locator("#messages")).to_be_visible()
    assert plan.goals.count() == 3

    # Proposed to the steering group, which reviews it with the executive present.
    page.goto(f"/fi/plans/{plan.pk}/propose/")
    page.get_by_label("Kenelle esitetään").select_option(label="Poliittinen johtoryhmä")
    page.get_by_role("button", name="Esitä").click()
    expect(page.locator(".status").first).to_have_text("Esitetty")

    def decide(target, kind, body, day, presence):
        page.goto(f"/fi/plans/{target.pk}/decide/")
        page.locator("#id_kind").select_option(kind)
        page.locator("#id_body").select_option(label=body)
        page.locator("#id_meeting_date").fill(day)
        page.wait_for_load_state("networkidle")
        page.locator("#id_section").fill("12")
        page.locator(f"input[name=executive_presence][value={presence}]").check()
        photo(page, f"decision-{kind}")
        page.get_by_role("button", name="Kirjaa").click()

    decide(plan, "review", "Poliittinen johtoryhmä", "2026-03-02", "present")
    expect(page.locator("#messages")).to_contain_text("Päätös kirjattiin.")
    # The board approves with amendments: the goals are in force, the amendment is started.
    decide(plan, "approve_amended", "Kunnanhallitus", "2026-03-09", "disqualified")
    page.wait_for_url(re.compile(r"/edit/$"))
    plan.refresh_from_db()
    assert plan.status == "approved"
    amendment = GoalPlan.objects.get(supersedes=plan)
    first = amendment.goals.get(title_fi="Talouden tasapaino")
    page.goto(f"/fi/goals/{first.pk}/edit/")
    page.locator("#id_title_fi").fill("Talouden tasapaino ja investointien priorisointi")
    page.locator("form.form button[type=submit]").first.click()
    expect(page.locator("#messages")).to_be_visible()
    decide(amendment, "amend", "Kunnanhallitus", "2026-03-09", "disqualified")
    expect(page.locator("#messages")).to_contain_text("Päätös kirjattiin.")
    plan.refresh_from_db()
    amendment.refresh_from_db()
    assert (plan.status, amendment.status) == ("superseded", "approved")
    plan = amendment
    photo(page, "approved")

    # The follow-up of all goals at once.
    page.get_by_role("button", name="Aloita seuranta").click()
    expect(page.locator(".status").first).to_have_text("Seurannassa")
    checkpoint = plan.checkpoints.order_by("order").first()
    page.goto(f"/fi/plans/{plan.pk}/checkpoints/{checkpoint.pk}/follow-up/?kind=joint")
    for number in (1, 2, 3):
        page.locator(f"#id_g{number}_text_fi").fill(f"Tavoite {number} eteni suunnitellusti.")
        page.locator(f"#id_g{number}_rating").select_option("4")
    photo(page, "follow-up")
    page.get_by_role("button", name="Tallenna seuranta").click()
    expect(page.locator("#messages")).to_contain_text("Seuranta tallennettiin.")
    entries = FollowUpEntry.objects.filter(checkpoint=checkpoint, kind="joint")
    assert sorted(entries.values_list("text_fi", flat=True)) == [
        f"Tavoite {n} eteni suunnitellusti." for n in (1, 2, 3)
    ]

    # The board evaluates; the public page shows the goals in force.
    decide(plan, "evaluate", "Kunnanhallitus", "2027-02-15", "disqualified")
    expect(page.locator("#messages")).to_contain_text("Päätös kirjattiin.")
    plan.refresh_from_db()
    assert plan.status == "evaluated"
    public = new_page()
    public.goto(f"/fi/public/{organisation.slug}/plans/{plan.pk}/")
    expect(public.get_by_role("heading", level=1)).to_contain_text("Kunnanjohtajan tavoitteet")
    expect(public.locator("body")).to_contain_text(
        "Talouden tasapaino ja investointien priorisointi"
    )
    photo(public, "public")

    # The same run's key pages in Swedish.
    for name, url in [
        ("setup-sv", f"/sv/o/{organisation.slug}/setup/"),
        ("bodies-sv", f"/sv/o/{organisation.slug}/setup/bodies/"),
        ("plan-sv", f"/sv/plans/{plan.pk}/"),
        ("follow-up-sv", f"/sv/plans/{plan.pk}/checkpoints/{checkpoint.pk}/follow-up/?kind=joint"),
    ]:
        page.goto(url)
        photo(page, name)
    public.goto(f"/sv/public/{organisation.slug}/plans/{plan.pk}/")
    expect(public.get_by_role("heading", level=1)).to_contain_text("Mål för kommundirektör")
    photo(public, "public-sv")
    admin.goto(f"/sv/o/{organisation.slug}/setup/")
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Ibruktagning")
