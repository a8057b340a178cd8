"""The register of interests in the demo: the Kangasala city manager's four positions of trust
as his reviewed declaration (seed.load_kangasala makes the rows), and Esimerkkilä with every
situation: reviewed, awaiting review, correction requested, missing, late and a term ended.
Idempotent: ids come from stable keys and existing rows are left as they are."""

from __future__ import annotations

import datetime

from django.utils import timezone

from suunta.organisations.models import Membership, Organisation, Person
from suunta.register.actions import content_of
from suunta.register.models import (
    DeclarationReview,
    DeclarationVersion,
    Interest,
    InterestDeclaration,
)

# The source gives no date for the Kangasala declaration: this day stands for it in the demo.
SEED_DAY = datetime.date(2025, 1, 31)


def _snapshot(declaration: InterestDeclaration) -> dict:
    return {
        **content_of(declaration),
        "declared_on": declaration.declared_on.isoformat() if declaration.declared_on else None,
    }


def _reviewed(
    ensure, uid, key: str, declaration: InterestDeclaration, outcome: str, message: str = ""
):
    """Version 1 of the declaration, and the audit committee's review of it."""
    InterestDeclaration.objects.filter(pk=declaration.pk, version_no=0).update(version_no=1)
    declaration.refresh_from_db()
    ensure(
        DeclarationVersion,
        f"{key}/version/1",
        declaration=declaration,
        version_no=1,
        saved_on=declaration.changed_on or declaration.declared_on,
        snapshot=_snapshot(declaration),
    )
    if outcome:
        ensure(
            DeclarationReview,
            f"{key}/review/1",
            declaration=declaration,
            version_no=1,
            outcome=outcome,
            message=message,
            reviewed_on=(declaration.changed_on or SEED_DAY) + datetime.timedelta(days=14),
        )
        InterestDeclaration.objects.filter(pk=declaration.pk, version_no=1).update(status=outcome)


def kangasala(ensure, uid, declaration: InterestDeclaration) -> None:
    InterestDeclaration.objects.filter(pk=declaration.pk, declared_on=None).update(
        declared_on=SEED_DAY, changed_on=SEED_DAY
    )
    declaration.refresh_from_db()
    _reviewed(ensure, uid, "kangasala/declaration/manager", declaration, "reviewed")


def esimerkkila(ensure, uid, org: Organisation, bodies: dict, people: dict) -> None:
    """people: {"manager": …, "board-chair": …, "council-chair": …} already in the seed."""
    today = timezone.localdate()
    seats = [
        # key, name, title, body, role, starts, ends
        (
            "board-member",
            "Ville Virtanen",
            "Kaupunginhallituksen jäsen",
            "board",
            "member",
            today - datetime.timedelta(days=20),
            None,
        ),
        (
            "board-deputy",
            "Liisa Laine",
            "Kaupunginhallituksen varajäsen",
            "board",
            "deputy_member",
            today - datetime.timedelta(days=120),
            None,
        ),
        (
            "audit-chair",
            "Tarja Tarkka",
            "Tarkastuslautakunnan puheenjohtaja",
            "audit",
            "chair",
            today - datetime.timedelta(days=30),
            None,
        ),
        (
            "former-member",
            "Pekka Entinen",
            "Entinen kaupunginhallituksen jäsen",
            "board",
            "member",
            datetime.date(2021, 8, 1),
            today - datetime.timedelta(days=40),
        ),
    ]
    for key, name, title, body, role, starts, ends in seats:
        person = ensure(
            Person, f"esimerkkila/person/{key}", organisation=org, name=name, title_fi=title
        )
        people[key] = person
        ensure(
            Membership,
            f"esimerkkila/membership/{key}",
            body=bodies[body],
            person=person,
            role=role,
            starts_on=starts,
            ends_on=ends,
            order=9,
        )
    day = today - datetime.timedelta(days=60)
    declarations = [
        # person key, status, interests [(category, entity, business id, role, text)], message
        (
            "manager",
            "reviewed",
            [
                (
                    "business_position",
                    "Esimerkkilän Energia Oy",
                    "0112038-9",
                    "hallituksen jäsen",
                    "Esimerkkilän Energia Oy:n hallituksen jäsen",
                ),
                (
                    "association",
                    "Esimerkkilän Yrittäjät ry",
                    "",
                    "jäsen",
                    "Esimerkkilän Yrittäjät ry:n jäsen",
                ),
            ],
            "",
        ),
        (
            "board-chair",
            "",
            [("real_estate", "", "", "", "Omakotitalo Esimerkkilän keskustassa")],
            "",
        ),
        (
            "council-chair",
            "correction_requested",
            [
                (
                    "holding",
                    "Esimerkkilän Rakennus Oy",
                    "",
                    "osakas",
                    "Osakkeita Esimerkkilän Rakennus Oy:ssä",
                )
            ],
            "Ilmoita omistusosuuden suuruus ja yhtiön Y-tunnus.",
        ),
        ("former-member", "reviewed", [], ""),
    ]
    for key, outcome, interests, message in declarations:
        dkey = f"esimerkkila/declaration/{key}"
        declaration = ensure(
            InterestDeclaration,
            dkey,
            organisation=org,
            person=people[key],
            declared_on=day,
            changed_on=day,
            no_interests=not interests,
        )
        for order, (category, entity, business_id, role, text) in enumerate(interests, 1):
            ensure(
                Interest,
                f"{dkey}/interest/{order}",
                declaration=declaration,
                order=order,
                category=category,
                entity_name=entity,
                business_id=business_id,
                role_fi=role,
                description_fi=text,
            )
        _reviewed(ensure, uid, dkey, declaration, outcome, message)
