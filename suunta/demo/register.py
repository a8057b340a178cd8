"""The register of interests in the demo: the Kangasala city manager's four positions of trust
as his reviewed declaration, and Esimerkkilä with every
situation: reviewed, awaiting review, correction requested, missing, late and a term ended.
The coordinator, as the register's keeper, enters the declarations on the day they were made and
the audit committee reviews them, through the actions users take. Idempotent: a person's
declaration that is there already is left as it is."""

from __future__ import annotations

import datetime

from django.utils import timezone

from suunta.organisations.models import Membership, Organisation, Person
from suunta.register.actions import review_declaration, save_declaration
from suunta.register.models import InterestDeclaration

from . import actors

# The source gives no date for the Kangasala declaration: this day stands for it in the demo.
SEED_DAY = datetime.date(2025, 1, 31)


def declared(
    person: Person, interests: list[dict], *, day: datetime.date, keeper
) -> InterestDeclaration:
    """The declaration as the register's keeper entered it on the day it was made (version 1);
    the one there already is kept."""
    existing = InterestDeclaration.objects.filter(person=person).first()
    if existing is not None:
        return existing
    return save_declaration(
        person,
        rows=interests,
        no_interests=not interests,
        expected_lock=None,
        actor=keeper,
        today=day,
    )


def reviewed(
    declaration: InterestDeclaration, outcome: str, *, day: datetime.date, reviewer, message=""
) -> None:
    """The audit committee's review of version 1, two weeks after it was made."""
    if not outcome or declaration.status != InterestDeclaration.Status.SUBMITTED:
        return
    review_declaration(
        declaration,
        outcome=outcome,
        message=message,
        version_no=declaration.version_no,
        actor=reviewer,
        today=day + datetime.timedelta(days=14),
    )


def kangasala(org: Organisation, manager: Person, interests: list[dict]) -> None:
    declaration = declared(
        manager, interests, day=SEED_DAY, keeper=actors.actor("koordinaattori", org)
    )
    reviewed(declaration, "reviewed", day=SEED_DAY, reviewer=actors.actor("tarkastus", org))


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
    keeper = actors.actor("koordinaattori", org)
    reviewer = actors.actor("tarkastus", org)
    for key, outcome, interests, message in declarations:
        rows = [
            {
                "category": category,
                "entity_name": entity,
                "business_id": business_id,
                "role_fi": role,
                "description_fi": text,
            }
            for category, entity, business_id, role, text in interests
        ]
        declaration = declared(people[key], rows, day=day, keeper=keeper)
        reviewed(declaration, outcome, day=day, reviewer=reviewer, message=message)
