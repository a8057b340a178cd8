"""Reviewing an imported goal document and saving it as a draft plan: what was found is shown
line by line beside the document, the user corrects the lines' roles, texts and order with a
few moves, and only then is the plan created (tests/imports/test_imports_reading.py covers how
documents are read, test_imports_corpus.py how well)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from suunta.accounts.models import Role
from suunta.audit.models import AuditEvent
from suunta.goals import models as m
from suunta.imports import actions, outline
from suunta.imports.found import (
    FoundCheckpoint,
    FoundDocument,
    FoundHandling,
    FoundLine,
    FoundSection,
)
from suunta.imports.models import ImportedDocument
from suunta.organisations.models import ExecutivePost, Organisation
from tests.conftest import client_for, make_user

SOURCE = "Kansliapäällikön tavoitteet\n26.3.2025 Poljory, 31.3.2025 KH\n…"


def found() -> FoundDocument:
    document = FoundDocument(
        title="Kansliapäällikön tavoitteet",
        language="fi",
        file_type="docx",
        source_text=SOURCE,
        checkpoints=[
            FoundCheckpoint("elokuu 2025"),
            FoundCheckpoint("tammikuu/helmikuu 2026"),
        ],
        sections=[
            FoundSection(
                "purpose", "Tavoitekeskustelun tarkoitus", "• Perustuu johtajasopimukseen"
            ),
            FoundSection(
                "evaluation", "Tavoitteiden arviointi", "• Tarkoituksena työssä tukeminen"
            ),
        ],
        handling=[
            FoundHandling(datetime.date(2025, 3, 26), "Poljory"),
            FoundHandling(datetime.date(2025, 3, 31), "KH"),
        ],
        lines=[
            FoundLine(
                "Talouden johtaminen",
                "goal",
                "page 2 line 1",
                follow_ups={"elokuu 2025": "Talous on talousarvion mukainen."},
            ),
            FoundLine("Talous tasapainossa", "indicator", "page 2 line 2"),
            FoundLine("Henkilöstöjohtaminen", "goal", "page 2 line 3"),
            FoundLine("Kysely", "indicator", "page 2 line 4"),
            FoundLine("(jatkuu)", "goal", "page 3 line 1", confidence=0.6),
            FoundLine("Esihenkilötyö", "indicator", "page 3 line 2"),
            FoundLine("Sivun alatunniste", "goal", "page 3 line 3", confidence=0.6),
        ],
        source_lines=[{"source": "page 2 line 1", "text": "Talouden johtaminen"}],
    )
    outline.derive(document)
    return document


@pytest.fixture
def setup(demo):
    org = demo["tuusula"]
    post = ExecutivePost.objects.get(organisation=org)
    coordinator = make_user("importer", org)
    imported = actions.keep_upload(
        post, data=b"PK original bytes", name="tavoitteet.docx", found=found(), actor=coordinator
    )
    return {"org": org, "post": post, "coordinator": coordinator, "imported": imported}


def review_data(**changes) -> dict[str, str]:
    data = {
        "plan-title": "Kansliapäällikön tavoitteet",
        "plan-language": "fi",
        "plan-period_start": "2025-01-01",
        "plan-period_end": "2025-12-31",
        "plan-basis": "",
        "plan-purpose": "• Perustuu johtajasopimukseen",
        "plan-evaluation": "• Tarkoituksena työssä tukeminen",
        "checkpoints-TOTAL_FORMS": "2",
        "checkpoints-INITIAL_FORMS": "2",
        "checkpoints-0-keep": "on",
        "checkpoints-0-label": "elokuu 2025",
        "checkpoints-1-keep": "on",
        "checkpoints-1-label": "tammikuu/helmikuu 2026",
        "version": "0",
        "op": "save",
        **lines_data(
            [
                ("goal", "Talouden johtaminen", "60"),
                ("indicator", "Talous tasapainossa", None),
                ("goal", "Henkilöstöjohtaminen", "40"),
                ("indicator", "Kysely", None),
                ("text", "(jatkuu)", None),  # a continuation: its indicator goes to the goal above
                ("indicator", "Esihenkilötyö", None),
                ("ignore", "Sivun alatunniste", None),  # a page footer
            ]
        ),
    }
    data.update(changes)
    return data


def lines_data(rows: list[tuple[str, str, str | None]]) -> dict[str, str]:
    data = {}
    for n, (role, text, weight) in enumerate(rows):
        data[f"role-{n}"] = role
        data[f"text-{n}"] = text
        if weight is not None:
            data[f"weight-{n}"] = weight
    return data


def as_shown(imported: ImportedDocument, **changes: str) -> dict[str, str]:
    """The review form as the page shows it now (the lines as kept), with `changes`."""
    found = ImportedDocument.objects.get(pk=imported.pk).found
    data = review_data()
    for key in [k for k in data if k.startswith(("role-", "text-", "weight-"))]:
        del data[key]
    data.update(
        lines_data([(line["role"], line["text"], None) for line in found["lines"]]),
    )
    data["version"] = str(found.get("version", 0))
    data.update(changes)
    return data


def test_the_review_shows_what_was_found_beside_the_source_text(setup):
    page = client_for(setup["coordinator"]).get(f"/en/imports/{setup['imported'].pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "4 goals were found." in html
    assert 'value="Talouden johtaminen"' in html
    assert '<option value="goal" selected>Goal</option>' in html
    assert 'data-source="src-page-2-line-1"' in html and 'id="src-page-2-line-1"' in html
    assert "Talous tasapainossa" in html
    assert 'value="2025-08-01"' in html and 'value="2026-02-28"' in html  # windows from labels
    assert 'value="2025-01-01"' in html  # the year of the first handling date
    assert "<dt>elokuu 2025</dt><dd>Talous on talousarvion mukainen.</dd>" in html


def test_saving_the_review_creates_the_corrected_draft_plan(setup):
    client = client_for(setup["coordinator"])
    before = set(m.GoalPlan.objects.values_list("pk", flat=True))
    response = client.post(f"/en/imports/{setup['imported'].pk}/", review_data())
    assert response.status_code == 302
    plan = m.GoalPlan.objects.exclude(pk__in=before).get()
    assert response["Location"] == f"/en/plans/{plan.pk}/"
    assert plan.status == "draft" and plan.post == setup["post"]
    assert (plan.period_start, plan.period_end) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    assert plan.purpose_fi == "• Perustuu johtajasopimukseen"
    goals = list(plan.goals.order_by("order"))
    assert [g.title_fi for g in goals] == ["Talouden johtaminen", "Henkilöstöjohtaminen"]
    assert [str(g.weight) for g in goals] == ["60.00", "40.00"]
    assert [[i.text_fi for i in g.indicators.order_by("order")] for g in goals] == [
        ["Talous tasapainossa"],
        ["Kysely", "Esihenkilötyö"],  # under the goal above once "(jatkuu)" is plain text
    ]
    assert [(c.label_fi, c.opens_on, c.closes_on) for c in plan.checkpoints.order_by("order")] == [
        ("elokuu 2025", datetime.date(2025, 8, 1), datetime.date(2025, 8, 31)),
        ("tammikuu/helmikuu 2026", datetime.date(2026, 1, 1), datetime.date(2026, 2, 28)),
    ]
    imported = ImportedDocument.objects.get(pk=setup["imported"].pk)
    assert imported.status == "saved" and imported.plan == plan
    event = AuditEvent.objects.get(action="plan.import")
    assert event.after["goals"] == 2 and event.after["indicators"] == 3
    assert AuditEvent.objects.filter(action="import.read").count() == 1
    # Saved once: the review now leads to the plan, and a second save creates nothing.
    again = client.post(f"/en/imports/{imported.pk}/", review_data())
    assert again.status_code == 302 and m.GoalPlan.objects.exclude(pk__in=before).count() == 1


def test_the_original_file_follows_the_plans_permissions(setup):
    client_for(setup["coordinator"]).post(f"/en/imports/{setup['imported'].pk}/", review_data())
    url = f"/fi/imports/{setup['imported'].pk}/original"
    board = make_user("board", setup["org"], Role.Kind.BOARD_MEMBER)
    # A draft is not read by a board member; the coordinator reads it.
    assert client_for(board).get(url).status_code == 403
    response = client_for(setup["coordinator"]).get(url)
    assert response.status_code == 200 and response.content == b"PK original bytes"
    other = make_user("other", Organisation.objects.get(slug="kangasala"))
    assert client_for(other).get(url).status_code == 404
    assert Client().get(url).status_code == 302


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"plan-period_end": "2024-12-31"}, "The period cannot end before it starts."),
        (
            {"role-0": "text", "role-2": "text", "role-4": "text", "role-6": "text"},
            "Mark at least one line as a goal.",
        ),
        ({"weight-0": "120"}, "less than or equal to 100"),
        ({"role-3": "headline"}, "Select a valid choice"),
        ({"op": "merge:99"}, "That move is not known"),
        ({"op": "explode:1"}, "That move is not known"),
        (
            {"checkpoints-0-label": "syksyllä", "checkpoints-0-opens_on": ""},
            "Give the dates the follow-up is written between",
        ),
    ],
)
def test_a_wrong_review_is_refused_with_a_message_and_nothing_is_saved(setup, changes, message):
    before = m.GoalPlan.objects.count()
    response = client_for(setup["coordinator"]).post(
        f"/en/imports/{setup['imported'].pk}/", review_data(**changes)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert m.GoalPlan.objects.count() == before
    assert ImportedDocument.objects.get(pk=setup["imported"].pk).status == "pending"


def test_only_those_who_start_plans_review_an_import(setup):
    url = f"/fi/imports/{setup['imported'].pk}/"
    for kind in (Role.Kind.BOARD_MEMBER, Role.Kind.EXECUTIVE, Role.Kind.AUDIT_COMMITTEE):
        user = make_user(f"u-{kind}", setup["org"], kind)
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, review_data()).status_code == 403
    other = make_user("other", Organisation.objects.get(slug="kangasala"))
    assert client_for(other).get(url).status_code == 404
    assert ImportedDocument.objects.get().status == "pending"


def _form_data(initial: dict) -> dict[str, str]:
    """The review form posted as the page offers it, unchanged."""
    data: dict[str, str] = {}
    for key, value in initial["plan"].items():
        data[f"plan-{key}"] = "" if value is None else str(value)
    for prefix in ("checkpoints",):
        rows = initial[prefix]
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
        for n, row in enumerate(rows):
            for key, value in row.items():
                if key == "keep":
                    if value:
                        data[f"{prefix}-{n}-keep"] = "on"
                elif value is not None:
                    data[f"{prefix}-{n}-{key}"] = str(value).replace(".", ",")
    return data


def test_the_seed_text_imports_into_a_plan_equal_to_the_demo_plan(demo):
    from suunta.imports.forms import review_initial
    from tests.demo.test_demo_data import TUUSULA, squash

    demo_plan = demo["plan"]
    coordinator = make_user("importer", demo["tuusula"])
    client = client_for(coordinator)
    response = client.post(f"/fi/posts/{demo_plan.post_id}/import/", {"text": TUUSULA.read_text()})
    assert response.status_code == 302
    imported = ImportedDocument.objects.get()
    initial = review_initial(imported.found, 2025)
    data = _form_data(initial)
    data.update(lines_data([(ln["role"], ln["text"], None) for ln in imported.found["lines"]]))
    data.update({"version": "0", "op": "save"})
    response = client.post(f"/fi/imports/{imported.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = imported.__class__.objects.get(pk=imported.pk).plan
    assert plan is not None and plan.pk != demo_plan.pk

    def content(p):
        return [
            (g.title_fi, [i.text_fi for i in g.indicators.order_by("order")])
            for g in p.goals.order_by("order")
        ]

    assert content(plan) == content(demo_plan)
    assert [(c.label_fi, c.opens_on, c.closes_on) for c in plan.checkpoints.all()] == [
        (c.label_fi, c.opens_on, c.closes_on) for c in demo_plan.checkpoints.all()
    ]
    assert (plan.period_start, plan.period_end) == (demo_plan.period_start, demo_plan.period_end)
    assert plan.title_fi == demo_plan.title_fi
    for field in ("basis_fi", "purpose_fi", "evaluation_fi"):
        expected = squash(getattr(demo_plan, field).replace("•", " "))
        assert squash(getattr(plan, field).replace("•", " ")) == expected, field


# --- Found in review: the original on the plan page, discarding, merging the first goal -------


def test_the_plan_page_links_the_original_file_for_those_who_see_the_plan(setup):
    client = client_for(setup["coordinator"])
    client.post(f"/en/imports/{setup['imported'].pk}/", review_data())
    imported = ImportedDocument.objects.get(pk=setup["imported"].pk)
    page = client.get(f"/en/plans/{imported.plan_id}/").content.decode()
    url = f"/en/imports/{imported.pk}/original"
    assert f'href="{url}"' in page and "tavoitteet.docx" in page
    response = client.get(url)
    assert response.status_code == 200 and response.content == b"PK original bytes"
    assert 'filename="tavoitteet.docx"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    other = make_user("other", Organisation.objects.get(slug="kangasala"))
    assert client_for(other).get(url).status_code == 404
    assert client_for(other).get(f"/en/plans/{imported.plan_id}/").status_code == 404


def test_pending_imports_are_listed_to_continue_or_discard(setup):
    client = client_for(setup["coordinator"])
    imported = setup["imported"]
    for url in (f"/en/posts/{setup['post'].pk}/", f"/en/posts/{setup['post'].pk}/import/"):
        page = client.get(url).content.decode()
        assert "Imports waiting for review" in page
        assert f'href="/en/imports/{imported.pk}/"' in page
        assert f'action="/en/imports/{imported.pk}/discard"' in page
    board = make_user("board", setup["org"], Role.Kind.BOARD_MEMBER)
    assert (
        "Imports waiting for review"
        not in client_for(board).get(f"/en/posts/{setup['post'].pk}/").content.decode()
    )


def test_discarding_a_pending_import_deletes_it_and_leaves_an_audit_event(setup):
    imported = setup["imported"]
    url = f"/en/imports/{imported.pk}/discard"
    board = make_user("board", setup["org"], Role.Kind.BOARD_MEMBER)
    assert client_for(board).post(url).status_code == 403
    other = make_user("other", Organisation.objects.get(slug="kangasala"))
    assert client_for(other).post(url).status_code == 404
    client = client_for(setup["coordinator"])
    assert client.get(url).status_code == 405
    assert ImportedDocument.objects.filter(pk=imported.pk).exists()
    plans = m.GoalPlan.objects.count()
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/posts/{setup['post'].pk}/import/"
    assert "The import of tavoitteet.docx was discarded" in response.content.decode()
    assert "Imports waiting for review" not in response.content.decode()
    assert not ImportedDocument.objects.filter(pk=imported.pk).exists()
    assert m.GoalPlan.objects.count() == plans
    event = AuditEvent.objects.get(action="import.discard")
    assert event.object_id == str(imported.pk) and event.actor == setup["coordinator"]
    assert event.before["file"] == "tavoitteet.docx" and event.before["sha256"] == imported.digest
    assert client.post(url).status_code == 404  # gone


def test_a_saved_import_cannot_be_discarded(setup):
    client = client_for(setup["coordinator"])
    client.post(f"/en/imports/{setup['imported'].pk}/", review_data())
    imported = ImportedDocument.objects.get(pk=setup["imported"].pk)
    response = client.post(f"/en/imports/{imported.pk}/discard")
    assert response.status_code == 302 and response["Location"] == f"/en/plans/{imported.plan_id}/"
    assert ImportedDocument.objects.get(pk=imported.pk).status == "saved"
    with pytest.raises(PermissionDenied):
        actions.discard_import(imported, actor=setup["coordinator"])
    assert not AuditEvent.objects.filter(action="import.discard").exists()


def test_the_review_shows_the_handling_dates_the_finnish_way(setup):
    page = client_for(setup["coordinator"]).get(f"/fi/imports/{setup['imported'].pk}/")
    assert "<li>26.3.2025 Poljory</li>" in page.content.decode()


# --- The moves ------------------------------------------------------------------------------------


def _move(setup, op: str, **changes: str):
    data = as_shown(setup["imported"], op=op, **changes)
    return client_for(setup["coordinator"]).post(f"/en/imports/{setup['imported'].pk}/", data)


def _lines(setup) -> list[tuple[str, str]]:
    found = ImportedDocument.objects.get(pk=setup["imported"].pk).found
    return [(line["role"], line["text"]) for line in found["lines"]]


def test_each_move_changes_the_lines_and_nothing_else(setup):
    plans = m.GoalPlan.objects.count()
    assert _move(setup, "merge:4").status_code == 200  # "(jatkuu)" + "Esihenkilötyö"
    assert _lines(setup)[4] == ("goal", "(jatkuu) Esihenkilötyö")
    assert _move(setup, "split:4", **{"split-4": "8"}).status_code == 200
    assert _lines(setup)[4:6] == [("goal", "(jatkuu)"), ("indicator", "Esihenkilötyö")]
    assert _move(setup, "up:3").status_code == 200
    assert _lines(setup)[2:4] == [("indicator", "Kysely"), ("goal", "Henkilöstöjohtaminen")]
    assert _move(setup, "down:2").status_code == 200
    assert _lines(setup)[2:4] == [("goal", "Henkilöstöjohtaminen"), ("indicator", "Kysely")]
    # A role and a text changed in the rows, then "apply".
    assert _move(setup, "apply", **{"role-6": "ignore", "text-0": "Talous"}).status_code == 200
    assert _lines(setup)[0] == ("goal", "Talous") and _lines(setup)[6][0] == "ignore"
    found = ImportedDocument.objects.get(pk=setup["imported"].pk).found
    assert found["version"] == 5 and found["moves"] == 6
    assert [g["title"] for g in found["goals"]] == ["Talous", "Henkilöstöjohtaminen", "(jatkuu)"]
    assert m.GoalPlan.objects.count() == plans
    assert ImportedDocument.objects.get(pk=setup["imported"].pk).status == "pending"


def test_the_same_role_for_every_line_that_starts_alike(setup):
    found = ImportedDocument.objects.get(pk=setup["imported"].pk)
    document = outline.document_of(found.found)
    document.lines = [
        FoundLine("Talous", "goal"),
        FoundLine("Mittari: tulos ylijäämäinen", "goal"),
        FoundLine("Elinvoima", "goal"),
        FoundLine("Mittari: yrityksiä 40", "goal"),
        FoundLine("Mittari: kaavat valmiit", "text"),
    ]
    outline.derive(document)
    found.found = {**document.as_json(), "version": 0}
    found.save()
    response = _move(setup, "similar:1", **{"role-1": "indicator"})
    assert response.status_code == 200
    assert [r for r, _t in _lines(setup)] == ["goal", "indicator", "goal", "indicator", "indicator"]
    page = response.content.decode()
    assert "Same role for all 3 lines like this" in page


@pytest.mark.parametrize(
    ("op", "changes", "message"),
    [
        ("merge:6", {}, "The last line has no line after it to merge with."),
        ("up:0", {}, "The line is already at the edge of the list."),
        ("split:3", {}, "There is no place to split the line at"),
        ("apply", {"text-2": "   "}, ""),  # an emptied text keeps the line as it was
    ],
)
def test_a_move_that_cannot_be_made_is_refused_and_changes_nothing(setup, op, changes, message):
    before = _lines(setup)
    response = _move(setup, op, **changes)
    if message:
        assert response.status_code == 422
        assert message in response.content.decode()
    assert _lines(setup) == before


def test_a_move_on_lines_changed_meanwhile_is_refused_with_a_conflict(setup):
    assert _move(setup, "apply", **{"role-6": "ignore"}).status_code == 200
    stale = as_shown(setup["imported"], op="merge:0", version="0")
    response = client_for(setup["coordinator"]).post(f"/en/imports/{setup['imported'].pk}/", stale)
    assert response.status_code == 409
    assert "changed in another window" in response.content.decode()
    assert _lines(setup)[0] == ("goal", "Talouden johtaminen")


def test_the_moves_are_counted_in_the_audit_event_of_the_saved_plan(setup):
    _move(setup, "apply", **{"role-6": "ignore", "role-4": "text"})
    response = client_for(setup["coordinator"]).post(
        f"/en/imports/{setup['imported'].pk}/", as_shown(setup["imported"], op="save")
    )
    assert response.status_code == 302
    assert AuditEvent.objects.get(action="plan.import").after["review_moves"] == 2


def test_an_import_kept_before_lines_were_is_reviewed_from_its_goals(setup):
    imported = ImportedDocument.objects.get(pk=setup["imported"].pk)
    old = {k: v for k, v in imported.found.items() if k not in ("lines", "source_lines")}
    imported.found = old
    imported.save()
    page = client_for(setup["coordinator"]).get(f"/en/imports/{imported.pk}/").content.decode()
    assert 'value="Talouden johtaminen"' in page and 'value="Talous tasapainossa"' in page
    assert "4 goals were found." in page


def test_a_line_the_reading_missed_is_added_below_a_line_and_typed_in(setup):
    assert _move(setup, "insert:1").status_code == 200
    assert _lines(setup)[2] == ("text", "…")
    response = _move(setup, "apply", **{"role-2": "indicator", "text-2": "Velka ei kasva"})
    assert response.status_code == 200
    found = ImportedDocument.objects.get(pk=setup["imported"].pk).found
    assert [i["text"] for i in found["goals"][0]["indicators"]] == [
        "Talous tasapainossa",
        "Velka ei kasva",
    ]
