"""PDF of the board's papers with WeasyPrint, from an HTML print template.

The fetcher reads only the project's own print stylesheet and fonts and `data:` URLs (the
organisation's logo is inlined): a document never reaches out to the network or the disk
beyond them. The PDF is PDF/A-3a: archival, tagged for screen readers, fonts embedded.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

PRINT_DIR = Path(settings.BASE_DIR) / "static"
ALLOWED = ("fonts/", "css/print.css")
PDF_VARIANT = "pdf/a-3a"


class DocumentToolMissing(RuntimeError):
    """WeasyPrint's system libraries (Pango) are not installed on this machine."""


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("suunta:"):
                name = url.removeprefix("suunta:")
                path = (PRINT_DIR / name).resolve()
                if any(name.startswith(a) for a in ALLOWED) and path.is_relative_to(PRINT_DIR):
                    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        url, path.read_bytes(), {"Content-Type": mime}, status=200
                    )
            raise ValueError(f"Suunta's documents do not fetch {url[:80]}")

    return ProjectFilesOnly(allowed_protocols=("data", "suunta"))


def render_pdf(template: str, context: dict[str, Any], lang: str) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as error:  # Pango missing: say what to install instead of a bare 500
        raise DocumentToolMissing(str(error)) from error
    with translation.override(lang):
        html = render_to_string(template, {**context, "lang": lang})
    document = HTML(string=html, base_url="suunta:", url_fetcher=_fetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=None)
