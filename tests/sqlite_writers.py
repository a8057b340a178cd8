"""Many writers at once on one SQLite file (tests/ops/test_faults.py runs this in a subprocess).

python -m tests.sqlite_writers PLAN_ID INDICATOR_ID USERNAME THREADS REQUESTS_EACH

Each thread signs in with its own client (and so its own database connection) and saves
REQUESTS_EACH measured values through the page. Prints one JSON line: the response statuses,
how many answers mentioned a locked database, and how many values the database holds."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections import Counter


def main(plan_id: str, indicator_id: str, username: str, threads: int, each: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from suunta.accounts.models import User
    from suunta.goals.models import IndicatorValue

    setup_test_environment()
    user = User.objects.get(username=username)
    connection.close()
    statuses: Counter[str] = Counter()
    locked = 0
    guard = threading.Lock()
    url = f"/fi/plans/{plan_id}/indicators/{indicator_id}/values/"
    start = threading.Barrier(threads)

    def writer(n: int) -> None:
        nonlocal locked
        from django.db import connections

        client = Client(raise_request_exception=False)
        start.wait()
        client.force_login(user)
        for i in range(each):
            response = client.post(
                url, {"measured_on": f"2030-{1 + i % 12:02d}-{1 + n:02d}", "value": f"{n},{i}"}
            )
            with guard:
                statuses[str(response.status_code)] += 1
                if b"locked" in response.content.lower():
                    locked += 1
        connections.close_all()

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    values = IndicatorValue.objects.filter(indicator_id=indicator_id).count()
    print(json.dumps({"statuses": dict(statuses), "locked": locked, "values": values}))


if __name__ == "__main__":
    plan, indicator, name, threads, each = sys.argv[1:6]
    main(plan, indicator, name, int(threads), int(each))
