import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from suunta.register.actions import prune_register


class Command(BaseCommand):
    help = (
        "The register of interests: stamp the people whose terms have all ended as having left "
        "the public register, and delete their declarations once the organisation's retention "
        "time has passed. Idempotent; run daily from cron (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="The day to prune as (YYYY-MM-DD); default today.")

    def handle(self, *args, today=None, **options):
        day = datetime.date.fromisoformat(today) if today else timezone.localdate()
        result = prune_register(day)
        self.stdout.write(
            f"prune_register {day.isoformat()}: {len(result.left)} left the public register, "
            f"{len(result.deleted)} deleted"
        )
