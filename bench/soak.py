"""`make soak`: a bounded soak (issue 8): 20 simulated users for 60 s (SOAK_SECONDS) against
gunicorn on 127.0.0.1, on SQLite and on PostgreSQL (a database of its own on 127.0.0.1:5432,
dropped afterwards; skipped with a note when no PostgreSQL answers, unless SOAK_REQUIRE_POSTGRES
is set, as in CI).

Every user is a coordinator of an organisation of their own and goes round the whole cycle:
signs in (password and the code from the app), adds a goal to next year's draft, writes the
joint follow-up of a goal of the plan in force, reads the public page of the plan and downloads
its PDF and DOCX. Every write the server acknowledged (a redirect after the post) is recorded,
and afterwards each one is looked up in the database. Passes only with no 5xx answer, no
request that failed, and every acknowledged write found; exits non-zero otherwise.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402

USERS = int(os.environ.get("SOAK_USERS", "20"))
SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
RESULTS = ROOT / "bench" / "results"
# 22 organisations: one for each simulated user.
SCALE = 0.05


class Tally:
    """What the users saw, shared between their threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self.problems: list[str] = []
        self.goals: list[dict[str, str]] = []  # acknowledged new goals
        self.follow_ups: dict[tuple[str, str], str] = {}  # (goal, checkpoint) → last text
        self.cycles = 0

    def saw(self, status: int) -> None:
        with self.lock:
            self.statuses[status] += 1

    def problem(self, text: str) -> None:
        with self.lock:
            if len(self.problems) < 50:
                self.problems.append(text)


def _csrf(page_text: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_text)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


class _FormFields(HTMLParser):
    """The fields a browser would send from the page's follow-up form (the form with goals)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, str]] = []
        self.inside = False
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({})
            self.inside = True
        elif self.inside and tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            if a.get("type") not in ("submit", "button"):
                self.forms[-1][a["name"]] = a.get("value", "")
        elif self.inside and tag == "textarea" and a.get("name"):
            self.textarea = a["name"]
            self.forms[-1][self.textarea] = ""
        elif self.inside and tag == "select" and a.get("name"):
            self.forms[-1].setdefault(a["name"], "")

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.forms[-1][self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


def _follow_up_form(page_text: str) -> dict[str, str]:
    parser = _FormFields()
    parser.feed(page_text)
    for fields in parser.forms:
        if any(name.endswith("_goal") for name in fields):
            # A browser drops the newline that opens a textarea's content.
            return {k: v[1:] if v.startswith("\n") else v for k, v in fields.items()}
    raise RuntimeError("no follow-up form on the page")


def simulate(base: str, place: dict[str, Any], number: int, stop: float, tally: Tally) -> None:
    """One user's cycles until `stop`."""
    try:
        http = load.sign_in(base, place["username"], place["secret"], load._password())
    except Exception as error:
        tally.problem(f"{place['username']}: sign-in failed: {error}")
        return
    draft, plan, checkpoint = place["draft"], place["plan"], place["checkpoint"]
    follow_up_url = f"{base}/fi/plans/{plan}/checkpoints/{checkpoint}/follow-up/"
    cycle = 0

    def request(method: str, url: str, expect: tuple[int, ...], **kwargs: Any) -> Any:
        try:
            answer = http.request(method, url, timeout=120, allow_redirects=False, **kwargs)
        except Exception as error:
            tally.problem(f"{method} {url}: {error}")
            return None
        tally.saw(answer.status_code)
        if answer.status_code not in expect:
            tally.problem(f"{method} {url}: HTTP {answer.status_code}")
            return None
        return answer

    while cycle == 0 or time.monotonic() < stop:  # at least one whole cycle each
        cycle += 1
        mark = f"soak {number}-{cycle}"
        # Edit the draft: add a goal.
        form = request("GET", f"{base}/fi/plans/{draft}/goals/new/", (200,))
        if form is not None:
            done = request(
                "POST",
                f"{base}/fi/plans/{draft}/goals/new/",
                (302, 303),
                data={
                    "csrfmiddlewaretoken": _csrf(form.text),
                    "title_fi": f"Tavoite {mark}",
                    "title_sv": f"Mål {mark}",
                    "kind": "result",
                },
                headers={"Referer": form.url},
            )
            if done is not None:
                with tally.lock:
                    tally.goals.append({"plan": draft, "title": f"Tavoite {mark}"})
        # Follow up: the joint assessment of one goal (written, then rewritten), posted as a
        # browser posts the checkpoint's form: every goal's fields as the page showed them, with
        # this goal's text changed.
        goal = place["goals"][cycle % len(place["goals"])]
        page = request("GET", follow_up_url + "?kind=joint", (200,))
        if page is not None:
            text = f"Seuranta {mark}: eteni suunnitellusti."
            data = _follow_up_form(page.text)
            prefix = next(
                (k[: -len("_goal")] for k, v in data.items() if k.endswith("_goal") and v == goal),
                None,
            )
            if prefix is None:
                tally.problem(f"goal {goal} is not on the follow-up page")
            else:
                data.update(
                    {
                        f"{prefix}_text_fi": text,
                        f"{prefix}_text_sv": f"Uppföljning {mark}.",
                        f"{prefix}_rating": "4",
                    }
                )
                done = request(
                    "POST", follow_up_url, (302, 303), data=data, headers={"Referer": page.url}
                )
                if done is not None:
                    with tally.lock:
                        tally.follow_ups[(goal, checkpoint)] = text
        # Read the public page and download the papers.
        request("GET", f"{base}/fi/public/{place['slug']}/plans/{plan}/", (200,))
        request("GET", f"{base}/fi/plans/{plan}/document.pdf", (200,))
        request("GET", f"{base}/fi/plans/{plan}/document.docx", (200,))
        with tally.lock:
            tally.cycles += 1


def verify(url: str, tally: Tally) -> list[str]:
    """Look every acknowledged write up in the database (in a child process)."""
    acknowledged = {
        "goals": tally.goals,
        "follow_ups": [[g, c, t] for (g, c), t in tally.follow_ups.items()],
    }
    answer = subprocess.run(
        [sys.executable, str(Path(__file__)), "--verify"],
        input=json.dumps(acknowledged),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=load.environment(url),
        check=False,
    )
    if answer.returncode != 0:
        return [f"the check failed: {answer.stderr[-2000:]}"]
    return json.loads(answer.stdout)


def _verify_here() -> None:
    import django

    django.setup()
    from suunta.goals.models import FollowUpEntry, Goal

    acknowledged = json.loads(sys.stdin.read())
    missing = []
    for item in acknowledged["goals"]:
        if not Goal.objects.filter(plan_id=item["plan"], title_fi=item["title"]).exists():
            missing.append(f"goal '{item['title']}' acknowledged but not found")
    for goal, checkpoint, text in acknowledged["follow_ups"]:
        entry = FollowUpEntry.objects.filter(
            goal_id=goal, checkpoint_id=checkpoint, kind="joint"
        ).first()
        if entry is None or entry.text_fi != text:
            found = "nothing" if entry is None else f"'{entry.text_fi}'"
            missing.append(f"follow-up of goal {goal}: acknowledged '{text}', found {found}")
    print(json.dumps(missing))


def soak(engine: str) -> bool:
    name = {"sqlite": "SQLite", "postgres": "PostgreSQL"}[engine]
    RESULTS.mkdir(parents=True, exist_ok=True)
    log = RESULTS / f"soak-{engine}.log"
    log.write_text("")
    with load.database(engine, "soak") as url:
        info = load.prepare(url, SCALE)
        places = info["workplaces"][:USERS]
        if len(places) < USERS:
            raise RuntimeError(f"only {len(places)} organisations for {USERS} users")
        tally = Tally()
        started = time.monotonic()
        with load.serve(load.environment(url), log=log) as base:
            stop = time.monotonic() + SECONDS
            threads = [
                threading.Thread(target=simulate, args=(base, place, n, stop, tally))
                for n, place in enumerate(places, start=1)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        elapsed = time.monotonic() - started
        missing = verify(url, tally)
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
    requests = sum(tally.statuses.values())
    print(
        f"\n{name}: {USERS} users, {elapsed:.0f} s, {tally.cycles} cycles, {requests} requests "
        f"({dict(sorted(tally.statuses.items()))}), {len(tally.goals)} goals and "
        f"{len(tally.follow_ups)} follow-ups acknowledged"
    )
    ok = True
    if server_errors:
        print(f"  FAIL: {server_errors} answers with a 5xx status (server log: {log})")
        ok = False
    if tally.problems:
        print(f"  FAIL: {len(tally.problems)} requests failed, e.g.:")
        for problem in tally.problems[:10]:
            print(f"    {problem}")
        ok = False
    if missing:
        print(f"  FAIL: {len(missing)} acknowledged writes not found, e.g.:")
        for item in missing[:10]:
            print(f"    {item}")
        ok = False
    if not tally.goals or not tally.follow_ups:
        print("  FAIL: no write was acknowledged")
        ok = False
    if ok:
        print("  every acknowledged write was found; no 5xx")
    return ok


def main() -> int:
    load.collect_static()
    engines = os.environ.get("SOAK_ENGINES", "sqlite,postgres").split(",")
    results = []
    for engine in engines:
        if engine == "postgres" and not load.postgres_available():
            if os.environ.get("SOAK_REQUIRE_POSTGRES"):
                print("PostgreSQL is required but does not answer at 127.0.0.1:5432")
                return 1
            print("PostgreSQL does not answer at 127.0.0.1:5432: soaked on SQLite only")
            continue
        results.append(soak(engine))
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--verify"]:
        _verify_here()
        raise SystemExit(0)
    raise SystemExit(main())
