"""Helpers for the tuning corpus generator (DOCX, ODT, PDF, XLSX, TXT writers).

Written independently of the importer code; see README.md.
"""
import json
import os
import random
import shutil
import subprocess
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

OUT = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("CORPUS_BUILD", "/tmp/corpus-tuning-build")
LO_PROFILE = "file:///tmp/lo-tuning"

# --------------------------------------------------------------------------- expected

def expected(name, family, fmt, language, organisation, title, goals, checkpoints=(),
             handling=(), period=None, notes=""):
    """goals: list of dicts or tuples (title, area, weight, indicators)."""
    gl = []
    for g in goals:
        if isinstance(g, dict):
            gl.append({"title": g["title"], "area": g.get("area", ""),
                       "weight": g.get("weight"), "indicators": list(g.get("indicators", []))})
        else:
            t, a, w, inds = g
            gl.append({"title": t, "area": a, "weight": w, "indicators": list(inds)})
    data = {
        "family": family, "format": fmt, "language": language,
        "organisation": organisation, "title": title, "goals": gl,
        "checkpoints": list(checkpoints),
        "handling": [{"date": d, "body": b} for d, b in handling],
        "period": ({"start": period[0], "end": period[1]} if period else None),
        "notes": notes,
    }
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


# --------------------------------------------------------------------------- DOCX

BULLET_LVLS = [("bullet", "\uf0b7", "Symbol"), ("bullet", "o", "Courier New"),
               ("bullet", "\uf0a7", "Wingdings")]
LIST_KINDS = {
    "bullet": BULLET_LVLS,
    "dash": [("bullet", "\u2013", None), ("bullet", "\u2013", None), ("bullet", "o", "Courier New")],
    "decimal": [("decimal", "%1.", None)] + BULLET_LVLS,
    "decimal-paren": [("decimal", "%1)", None)] + BULLET_LVLS,
    "decimal-letter": [("decimal", "%1.", None), ("lowerLetter", "%2)", None),
                       ("bullet", "\u2013", None)],
    "letter": [("lowerLetter", "%1)", None), ("bullet", "\u2013", None)],
    "outline": [("decimal", "%1.", None), ("decimal", "%1.%2", None)] + BULLET_LVLS,
    "roman": [("upperRoman", "%1", None), ("decimal", "%2.", None)] + BULLET_LVLS,
}


def _new_num(doc, kind):
    numbering = doc.part.numbering_part.element
    existing = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    aid = max(existing + [0]) + 1
    lvls = []
    for i, (fmt, txt, font) in enumerate(LIST_KINDS[kind]):
        rpr = ""
        if font:
            rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/></w:rPr>' % (font, font)
        lvls.append(
            '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr>%s</w:lvl>'
            % (i, fmt, txt, 720 + 360 * i, rpr))
    absx = parse_xml('<w:abstractNum %s w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>%s</w:abstractNum>'
                     % (nsdecls("w"), aid, "".join(lvls)))
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(absx)
    else:
        numbering.append(absx)
    nids = [int(n.get(qn("w:numId"))) for n in nums]
    nid = max(nids + [0]) + 1
    numbering.append(parse_xml('<w:num %s w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>'
                               % (nsdecls("w"), nid, aid)))
    return nid


def _set_num(par, nid, lvl):
    ppr = par._p.get_or_add_pPr()
    ppr.insert(0, parse_xml('<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>'
                            % (nsdecls("w"), lvl, nid)))


def _add_field(par, instr, size=None):
    def r(xml):
        run = par.add_run()
        run._r.append(parse_xml(xml))
        if size:
            run.font.size = Pt(size)
    r('<w:fldChar %s w:fldCharType="begin"/>' % nsdecls("w"))
    r('<w:instrText %s xml:space="preserve"> %s </w:instrText>' % (nsdecls("w"), instr))
    r('<w:fldChar %s w:fldCharType="separate"/>' % nsdecls("w"))
    run = par.add_run("1")
    if size:
        run.font.size = Pt(size)
    r('<w:fldChar %s w:fldCharType="end"/>' % nsdecls("w"))


def _runs(par, text, bold=False, italic=False, size=None, color=None):
    """text may contain **bold** segments."""
    parts = text.split("**")
    for i, seg in enumerate(parts):
        if not seg:
            continue
        run = par.add_run(seg)
        run.bold = bold or (i % 2 == 1)
        run.italic = italic
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)


def _cell_fill(cell, value, doc, bold=False, size=None):
    """value: str (\n = line break inside one paragraph), ('pars', [..]),
    ('bullets', [..]) (real list numbering inside the cell)."""
    cell.text = ""
    par = cell.paragraphs[0]
    if isinstance(value, tuple):
        kind, items = value
        nid = _new_num(doc, "bullet") if kind == "bullets" else None
        for i, it in enumerate(items):
            p = par if i == 0 else cell.add_paragraph()
            _runs(p, it, bold=bold, size=size)
            if nid:
                _set_num(p, nid, 0)
        return
    lines = str(value).split("\n")
    for i, line in enumerate(lines):
        run = par.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()


def _shade(cell, color):
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml('<w:shd %s w:val="clear" w:color="auto" w:fill="%s"/>' % (nsdecls("w"), color)))


def _repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml('<w:tblHeader %s/>' % nsdecls("w")))


def build_docx(path, blocks, header=None, footer="Sivu {PAGE}/{NUMPAGES}", landscape=False,
               font="Calibri", size=11, header_right=None):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2)
    if header or header_right:
        hp = sec.header.paragraphs[0]
        _runs(hp, header or "", size=9)
        if header_right:
            hp.add_run("\t\t" + header_right).font.size = Pt(9)
    if footer:
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT if "(" in footer else WD_ALIGN_PARAGRAPH.CENTER
        rest = footer
        while rest:
            if rest.startswith("{PAGE}"):
                _add_field(fp, "PAGE", 9); rest = rest[6:]
            elif rest.startswith("{NUMPAGES}"):
                _add_field(fp, "NUMPAGES", 9); rest = rest[10:]
            else:
                j = min([k for k in (rest.find("{PAGE}"), rest.find("{NUMPAGES}")) if k >= 0] or [len(rest)])
                fp.add_run(rest[:j]).font.size = Pt(9)
                rest = rest[j:]
    lists = {}
    for b in blocks:
        kind = b[0]
        if kind == "h":
            doc.add_heading(b[2], level=b[1])
        elif kind == "title":
            p = doc.add_paragraph()
            _runs(p, b[1], bold=True, size=b[2] if len(b) > 2 else 16)
        elif kind == "p":
            opts = b[2] if len(b) > 2 else {}
            p = doc.add_paragraph(style=opts.get("style"))
            _runs(p, b[1], bold=opts.get("bold", False), italic=opts.get("italic", False),
                  size=opts.get("size"), color=opts.get("color"))
            if opts.get("align") == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if opts.get("align") == "center":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if opts.get("indent"):
                p.paragraph_format.left_indent = Cm(opts["indent"])
        elif kind == "list":
            # ("list", kind, [(level, text, opts?)...], list_key?)
            key = b[3] if len(b) > 3 else None
            if key and key in lists:
                nid = lists[key]
            else:
                nid = _new_num(doc, b[1])
                if key:
                    lists[key] = nid
            for it in b[2]:
                lvl, text = it[0], it[1]
                opts = it[2] if len(it) > 2 else {}
                p = doc.add_paragraph(style="List Paragraph")
                _runs(p, text, bold=opts.get("bold", False))
                _set_num(p, nid, lvl)
        elif kind == "table":
            rows, opts = b[1], (b[2] if len(b) > 2 else {})
            ncol = max(len(r) for r in rows)
            t = doc.add_table(rows=len(rows), cols=ncol)
            t.style = opts.get("style", "Table Grid")
            for ri, r in enumerate(rows):
                for ci, v in enumerate(r):
                    if v is None:
                        continue
                    hdr = opts.get("header", True) and ri == 0
                    _cell_fill(t.cell(ri, ci), v, doc, bold=hdr, size=opts.get("size"))
                    if hdr and opts.get("shade", True):
                        _shade(t.cell(ri, ci), opts.get("shade_color", "D9E2F3"))
            if opts.get("header", True) and opts.get("repeat_header"):
                _repeat_header(t.rows[0])
            for (r1, c1, r2, c2) in opts.get("merges", []):
                a = t.cell(r1, c1)
                keep = a.text
                m = a.merge(t.cell(r2, c2))
                # merge concatenates paragraphs; keep only the first cell's content
                for p in m.paragraphs[1:]:
                    if not p.text.strip():
                        p._p.getparent().remove(p._p)
            if opts.get("widths"):
                for r in t.rows:
                    for ci, w in enumerate(opts["widths"]):
                        if ci < len(r.cells):
                            r.cells[ci].width = Cm(w)
            doc.add_paragraph()
        elif kind == "pb":
            doc.add_page_break()
        elif kind == "blank":
            doc.add_paragraph()
    doc.save(path)


# --------------------------------------------------------------------------- LibreOffice

def soffice_convert(src_paths, fmt, outdir):
    os.makedirs(outdir, exist_ok=True)
    if not src_paths:
        return
    cmd = ["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless", "--convert-to", fmt,
           "--outdir", outdir] + list(src_paths)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


# --------------------------------------------------------------------------- reportlab

from reportlab.lib.pagesizes import A4, landscape as rl_landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", FONT_DIR + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", FONT_DIR + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DVS", FONT_DIR + "DejaVuSerif.ttf"))
pdfmetrics.registerFont(TTFont("DVSB", FONT_DIR + "DejaVuSerif-Bold.ttf"))


def wrap(text, font, size, width):
    words = text.split()
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if pdfmetrics.stringWidth(t, font, size) <= width:
            cur = t
        else:
            if cur:
                lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def write_text(path, text, encoding="utf-8", newline="\n"):
    with open(path, "w", encoding=encoding, newline=newline) as f:
        f.write(text)


# --------------------------------------------------------------------------- job registry

PENDING = {"pdf": [], "odt": []}


def make_docx(name, fmt, blocks, **kw):
    """Build a DOCX; for fmt pdf/odt it is built in BUILD and converted by finish()."""
    if fmt == "docx":
        build_docx(os.path.join(OUT, name + ".docx"), blocks, **kw)
    else:
        os.makedirs(BUILD, exist_ok=True)
        build_docx(os.path.join(BUILD, name + ".docx"), blocks, **kw)
        PENDING[fmt].append(name)


def finish():
    for fmt, names in PENDING.items():
        outdir = os.path.join(BUILD, fmt)
        soffice_convert([os.path.join(BUILD, n + ".docx") for n in names], fmt, outdir)
        for n in names:
            shutil.copy(os.path.join(outdir, n + "." + fmt), os.path.join(OUT, n + "." + fmt))
