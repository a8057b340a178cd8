"""Send e-mail reminders of due follow-ups and decisions. Run daily from cron, e.g.
`15 7 * * * cd /srv/suunta && .venv/bin/python manage.py send_reminders`."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from suunta.schedule.reminders import send_reminders


class Command(BaseCommand):
    help = "Send e-mail reminders of what is due (idempotent: a reminder is never sent twice)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")
        parser.add_argument("--today", help="Act as if today were YYYY-MM-DD (for testing).")

    def handle(self, *args, dry_run=False, today=None, **options):
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError as bad:
                raise CommandError(f"--today must be a date YYYY-MM-DD, not {today!r}") from bad
        else:
            day = timezone.localdate()
        outcome = send_reminders(day, dry_run=dry_run)
        verb = "would send" if dry_run else "sent"
        for email, key, stage in outcome.sent:
            self.stdout.write(f"{verb}: {email} {key} (stage {stage} days)")
        for username, key in outcome.no_email:
            self.stdout.write(f"no e-mail address: {username} {key}")
        for email, key, reason in outcome.failed:
            self.stderr.write(f"failed: {email} {key}: {reason}")
        self.stdout.write(
            f"{len(outcome.sent)} {verb}, {outcome.already} already sent, "
            f"{len(outcome.no_email)} without e-mail address, {len(outcome.failed)} failed"
        )
        if outcome.failed:
            raise CommandError(f"{len(outcome.failed)} reminders could not be sent")
