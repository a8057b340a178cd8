#!/usr/bin/env python3
"""Sanity check: every document opens (LibreOffice/pdftotext) and every expected text occurs in it."""
import glob, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TMP = tempfile.mkdtemp(prefix="corpus-verify-")


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00ad", "")).strip().lower()


def pdftext(path, layout=False):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [path, "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


office = [f for f in glob.glob(os.path.join(HERE, "*")) if f.rsplit(".", 1)[-1] in ("docx", "odt", "xlsx")]
subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo-tuning", "--headless", "--convert-to", "pdf",
                "--outdir", TMP] + office, check=True, capture_output=True)
bad = 0
for exp in sorted(glob.glob(os.path.join(HERE, "*.expected.json"))):
    base = exp[:-len(".expected.json")]
    doc = [f for f in glob.glob(base + ".*") if not f.endswith(".expected.json")][0]
    ext = doc.rsplit(".", 1)[-1]
    if ext == "pdf":
        texts = [pdftext(doc), pdftext(doc, True)]
    elif ext == "txt":
        raw = open(doc, "rb").read()
        try:
            texts = [raw.decode("utf-8")]
        except UnicodeDecodeError:
            texts = [raw.decode("cp1252")]
    else:
        conv = os.path.join(TMP, os.path.basename(base) + ".pdf")
        if not os.path.exists(conv):
            print("NOT CONVERTED", doc); bad += 1; continue
        texts = [pdftext(conv), pdftext(conv, True)]
    if ext == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(doc)
        texts.append("\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
                     .replace("; ", "\n"))
    hay = [norm(t) for t in texts]
    hay += [h.replace(" ", "") for h in hay]
    # also a version with line-end joins for wrapped text in tables
    e = json.load(open(exp, encoding="utf-8"))
    missing = []
    for gl in e["goals"]:
        for t in [gl["title"]] + gl["indicators"] + ([gl["area"]] if gl["area"] else []):
            if not any(norm(t) in h or norm(t).replace(" ", "") in h for h in hay):
                missing.append(t)
    size = os.path.getsize(doc)
    status = "OK " if not missing else "MISS"
    if missing:
        bad += 1
    print("%s %-70s %6d B goals=%d" % (status, os.path.basename(doc), size, len(e["goals"])))
    for m in missing:
        print("      missing:", m)
print("problems:", bad)
