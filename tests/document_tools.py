"""Reading generated documents back with real tools: poppler's pdftotext/pdftoppm/pdfinfo/
pdffonts and LibreOffice in headless mode. Without them the tests skip, except in CI
(SUUNTA_REQUIRE_DOCUMENT_TOOLS=1), where a missing tool fails."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

TOOLS = ("pdftotext", "pdftoppm", "pdfinfo", "pdffonts", "soffice")


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("SUUNTA_REQUIRE_DOCUMENT_TOOLS") == "1":
            pytest.fail(f"document tools missing: {', '.join(missing)}")
        pytest.skip(f"document tools missing: {', '.join(missing)}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _run(*args: str, timeout: int = 120) -> str:
    result = subprocess.run(args, capture_output=True, timeout=timeout, check=True)  # noqa: S603
    return result.stdout.decode("utf-8", "replace")


def pdf_text(data: bytes) -> str:
    """The PDF's text in content order (cells stay together), whitespace squashed."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc.pdf")
        path.write_bytes(data)
        return squash(_run("pdftotext", "-raw", str(path), "-"))


def pdf_info(data: bytes) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc.pdf")
        path.write_bytes(data)
        info = {}
        for line in _run("pdfinfo", str(path)).splitlines():
            key, _sep, value = line.partition(":")
            info[key.strip()] = value.strip()
        info["fonts"] = _run("pdffonts", str(path))
        info["xmp"] = _run("pdfinfo", "-meta", str(path))
        return info


def pdf_pages_as_png(data: bytes, out_dir: Path, prefix: str, dpi: int = 60) -> list[Path]:
    path = out_dir / f"{prefix}.pdf"
    path.write_bytes(data)
    _run("pdftoppm", "-r", str(dpi), "-png", str(path), str(out_dir / prefix))
    return sorted(out_dir.glob(f"{prefix}-*.png"))


def office_to_pdf(data: bytes, suffix: str) -> bytes:
    """Convert a DOCX/XLSX with LibreOffice in headless mode, with its own profile so parallel
    test workers do not share one."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, f"doc.{suffix}")
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        _run(
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(source),
            timeout=180,
        )
        return Path(tmp, "doc.pdf").read_bytes()
