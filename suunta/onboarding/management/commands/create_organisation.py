"""`manage.py create_organisation "Kuusijärven kunta" --kind municipality --leadership-model
manager --admin-email hallinto@kuusijarvi.fi --admin-name "Hanna Hallinto"`: the operator's way,
for scripts, to create an organisation and invite its first administrator (the same action as
the staff page). Prints the invitation link, which is also mailed."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from suunta.core.forms import validation_messages
from suunta.onboarding import actions
from suunta.organisations.models import Organisation


class Command(BaseCommand):
    help = "Create an organisation and invite its first administrator by e-mail."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The name in the organisation's first language")
        parser.add_argument("--name-sv", default="", help="The name in Swedish")
        parser.add_argument("--slug", default="", help="Short name in addresses")
        parser.add_argument("--kind", default="municipality", choices=Organisation.Kind.values)
        parser.add_argument(
            "--leadership-model", default="manager", choices=Organisation.LeadershipModel.values
        )
        parser.add_argument("--statistics-code", default="", help="Three digits, e.g. 858")
        parser.add_argument("--language", default="fi", choices=["fi", "sv"])
        parser.add_argument("--second-language", default="", choices=["", "fi", "sv"])
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-name", required=True)
        parser.add_argument("--admin-language", default="fi", choices=["fi", "sv", "en"])
        parser.add_argument(
            "--operator",
            default="",
            help="The staff account that acts (default: the first superuser)",
        )

    def handle(self, *args, **options):
        users = get_user_model().objects
        if options["operator"]:
            operator = users.filter(username=options["operator"]).first()
        else:
            operator = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if operator is None or not (operator.is_staff or operator.is_superuser):
            raise CommandError(
                "No staff account to act as: create one with createsuperuser, or name one "
                "with --operator."
            )
        name_key = "name_sv" if options["language"] == "sv" else "name_fi"
        data = {
            name_key: options["name"],
            "slug": options["slug"],
            "kind": options["kind"],
            "leadership_model": options["leadership_model"],
            "statistics_code": options["statistics_code"],
            "primary_language": options["language"],
            "secondary_language": options["second_language"],
        }
        if options["name_sv"] and name_key != "name_sv":
            data["name_sv"] = options["name_sv"]
        try:
            organisation, invitation = actions.create_organisation(
                data=data,
                admin_email=options["admin_email"],
                admin_name=options["admin_name"],
                admin_language=options["admin_language"],
                actor=operator,
            )
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(texts)}" for field, texts in validation_messages(error).items()
            )
            raise CommandError(problems) from None
        link = actions.invitation_link(invitation.token, options["admin_language"])
        self.stdout.write(
            f"Created {organisation} (/o/{organisation.slug}/). Invitation for "
            f"{invitation.email} (valid {actions.INVITATION_DAYS} days):\n{link}"
        )
