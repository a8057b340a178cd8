#!/usr/bin/env python3
"""Sanity check of the held-out corpus: every expected goal title, indicator and area must
occur in the document's visible text (case- and whitespace-insensitive).

PDF: pdftotext (raw order).  DOCX/ODT: converted to PDF with LibreOffice (private profile)
then pdftotext.  XLSX: cell values via openpyxl.  TXT: decoded (UTF-8, else cp1252).
Also checks: file sizes, JSON keys, weights numeric, folder size.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LO = "file:///tmp/lo-heldout"


def norm(s):
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip().casefold()


def source_text(path):
    if path.suffix.lower() == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts += [p.text for p in c.paragraphs]
        return "\n".join(parts)
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P
    d = load(str(path))
    return "\n".join(teletype.extractText(e) for e in d.getElementsByType(P) + d.getElementsByType(H))


def text_of(path, tmp):
    ext = path.suffix.lower()
    if ext == ".pdf":
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    if ext in (".docx", ".odt"):
        subprocess.run(["soffice", f"-env:UserInstallation={LO}", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(path)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pdf = Path(tmp) / (path.stem + ".pdf")
        rendered = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
        # LibreOffice wraps table cells, so also read the paragraphs straight from the file
        return rendered + "\n" + source_text(path)
    if ext == ".xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        parts = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for v in row:
                    if v is not None:
                        parts.append(str(v))
        return "\n".join(parts)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def main():
    bad = 0
    total = 0
    keys = {"family", "format", "language", "organisation", "title", "goals", "checkpoints",
            "handling", "period", "notes"}
    with tempfile.TemporaryDirectory() as tmp:
        for exp in sorted(HERE.glob("*.expected.json")):
            stem = exp.name[: -len(".expected.json")]
            docs = [p for p in HERE.glob(stem + ".*") if not p.name.endswith(".json")]
            assert len(docs) == 1, (stem, docs)
            doc = docs[0]
            total += doc.stat().st_size
            data = json.loads(exp.read_text(encoding="utf-8"))
            assert set(data) == keys, (stem, set(data) ^ keys)
            txt = norm(text_of(doc, tmp))
            # a hyphen at a line end in PDF wrapping: 'jatko- opintoihin' -> 'jatko-opintoihin'
            txt2 = txt.replace("- ", "-")
            missing = []
            needles = [("title", data["title"]), ("organisation", data["organisation"])]
            for g in data["goals"]:
                needles.append(("goal", g["title"]))
                if g["area"]:
                    needles.append(("area", g["area"]))
                assert g["weight"] is None or isinstance(g["weight"], (int, float))
                for i in g["indicators"]:
                    needles.append(("indicator", i))
            for kind, n in needles:
                if norm(n) not in txt and norm(n) not in txt2:
                    missing.append((kind, n))
            n_ind = sum(len(g["indicators"]) for g in data["goals"])
            status = "OK " if not missing else "MISSING"
            print(f"{status} {doc.name:50s} {doc.stat().st_size // 1024:4d} KB  "
                  f"goals={len(data['goals']):2d} indicators={n_ind:2d}")
            for kind, n in missing:
                print(f"      - {kind}: {n}")
                bad += 1
            if doc.stat().st_size > 150 * 1024:
                print("      - file larger than 150 KB")
                bad += 1
    print(f"total document size {total // 1024} KB")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
