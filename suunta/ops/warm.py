"""What a worker loads once, loaded before it takes its first request: gunicorn.conf.py calls
`warm_up` from `post_worker_init`. Without it the first PDF a worker makes waits for WeasyPrint,
Pango, the fonts and the print stylesheet (1,6–2,0 s); with it, no longer than any other.

Nothing here writes or reads the database: a worker warms up the same whether the database
answers or not."""

from __future__ import annotations

import contextlib
import logging
import time

from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import get_resolver

from suunta.reports.pdf import DocumentToolMissing, render_pdf

logger = logging.getLogger("suunta.ops.warm")

# The templates of the pages and papers every worker renders.
TEMPLATES = (
    "base.html",
    "goals/home.html",
    "goals/_home_body.html",
    "goals/plan.html",
    "goals/_plan_body.html",
    "goals/_goal_table.html",
    "reports/goal_document.pdf.html",
    "public/plan.html",
)


def warm_up() -> float:
    """Load the URL patterns, compile the common templates, import the DOCX writer and render
    a small PDF with the print stylesheet and its fonts; returns the seconds it took."""
    started = time.monotonic()
    get_resolver().url_patterns  # noqa: B018 - importing every view module once
    for name in TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            logger.warning("warm-up: no template %s", name)
    import docx  # noqa: F401 - the DOCX writer's import

    with contextlib.suppress(DocumentToolMissing):  # no Pango: the PDF pages say so
        render_pdf("reports/warm_up.pdf.html", {}, "fi")
    return time.monotonic() - started
