"""Reading generated documents back with real tools: poppler's pdftotext/pdftoppm/pdfinfo/
pdffonts and LibreOffice in headless mode (each component a test uses checked apart). Without
them the tests skip, except in CI (SUUNTA_REQUIRE_DOCUMENT_TOOLS=1), where a missing tool
fails."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

POPPLER = ("pdftotext", "pdftoppm", "pdfinfo", "pdffonts")
# The LibreOffice component that reads or writes each format; Debian packages them apart
# (libreoffice-writer-nogui, libreoffice-calc-nogui), so one may be there without the other.
COMPONENT_OF = {"docx": "writer", "doc": "writer", "odt": "writer"} | dict.fromkeys(
    ("xlsx", "xls", "ods"), "calc"
)


def office_components() -> set[str]:
    """The LibreOffice components installed beside `soffice` (each brings its configuration,
    `share/registry/<component>.xcd`)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return set()
    share = Path(os.path.realpath(soffice)).parent.parent / "share"
    folders = (share / "registry", share / ".registry")
    return {c for c in ("writer", "calc") if any((f / f"{c}.xcd").exists() for f in folders)}


def require_tools(*formats: str) -> None:
    """poppler, and LibreOffice with the component each of the office `formats` needs. Without
    them the test skips, or fails in CI (SUUNTA_REQUIRE_DOCUMENT_TOOLS=1)."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    needed = sorted({COMPONENT_OF[f] for f in formats})
    if needed and shutil.which("soffice") is None:
        missing.append("soffice")
    else:
        installed = office_components()
        missing += [f"LibreOffice {c}" for c in needed if c not in installed]
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


def office_convert(source: Path, target: str) -> Path:
    """Convert a file with LibreOffice in headless mode, beside the source, with a profile of
    its own so that parallel workers and two runs at once do not share one."""
    with tempfile.TemporaryDirectory() as profile:
        _run(
            "soffice",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(source.parent),
            str(source),
            timeout=180,
        )
    return source.with_suffix(f".{target}")


def office_to_pdf(data: bytes, suffix: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, f"doc.{suffix}")
        source.write_bytes(data)
        return office_convert(source, "pdf").read_bytes()
