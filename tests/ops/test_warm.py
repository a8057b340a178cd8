"""A worker's warm-up (gunicorn.conf.py → suunta/ops/warm.py): it loads the templates, the DOCX
writer and WeasyPrint with the fonts, without touching the database."""

import runpy
from pathlib import Path

from suunta.ops import warm

ROOT = Path(__file__).resolve().parents[2]


def test_the_warm_up_renders_a_pdf_and_asks_the_database_nothing():
    # No database access is allowed in this test (no `db` fixture): a query would fail it.
    seconds = warm.warm_up()
    assert seconds >= 0
    from django.template.loader import get_template

    for name in warm.TEMPLATES:  # every template it names exists
        get_template(name)


def test_gunicorn_calls_the_warm_up_for_each_worker(monkeypatch):
    called = []
    monkeypatch.setattr(warm, "warm_up", lambda: called.append(1) or 0.5)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    class Log:
        def info(self, *args):
            called.append(args)

    class Worker:
        pid = 1
        log = Log()

    config["post_worker_init"](Worker())
    assert called[0] == 1 and "warmed up" in called[1][0]
