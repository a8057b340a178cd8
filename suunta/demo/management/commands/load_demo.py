from django.conf import settings
from django.core.management.base import BaseCommand

from suunta.demo import seed


class Command(BaseCommand):
    help = (
        "Load the demo organisations from the source documents (Kangasala and Tuusula) and "
        "a fictional city, Esimerkkilä, for weights, numeric indicators and a bonus rule. "
        "Idempotent. Demo accounts are created only in demo mode (SUUNTA_DEMO_MODE=1)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts", action="store_true", help="Load the data without the demo accounts."
        )

    def handle(self, *args, no_accounts=False, **options):
        accounts = settings.DEMO_MODE and not no_accounts
        rows = seed.load(accounts=accounts)
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded: Kangasala, Tuusula and Esimerkkilä (fictional).")
        )
        if rows:
            self.stdout.write("Demo accounts (demo mode only; password and API token):")
            width = max(len(row[0]) for row in rows)
            for username, password, token, what in rows:
                self.stdout.write(f"  {username:<{width}}  {password}  {token}  {what}")
            base = settings.SUUNTA_SITE_URL.rstrip("/")
            self.stdout.write(
                f"  API: curl -H 'Authorization: Bearer <token>' "
                f"{base}/api/v1/organisations  (docs: {base}/api/v1/docs)"
            )
        elif settings.DEMO_MODE is False:
            self.stdout.write("Demo mode is off (SUUNTA_DEMO_MODE), so no demo accounts.")
