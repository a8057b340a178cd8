#!/usr/bin/env python3
"""Build the heldout2 evaluation corpus (documents + NAME.expected.json).

Run with a venv that has python-docx, openpyxl, fpdf2, odfpy, reportlab, pillow:

    python3 -m venv /tmp/corpus-heldout2-env
    /tmp/corpus-heldout2-env/bin/pip install python-docx openpyxl fpdf2 odfpy reportlab pillow
    /tmp/corpus-heldout2-env/bin/python generate.py

LibreOffice (soffice) is needed for the DOCX->PDF and DOCX->ODT conversions.
All output goes next to this script; intermediate files go to /tmp/heldout2-build.
"""
import json
import os
import random
import shutil
import subprocess
import textwrap
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent
BUILD = Path("/tmp/heldout2-build")
LO_PROFILE = "file:///tmp/lo-heldout2"
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

random.seed(20260316)


# ---------------------------------------------------------------------------
# expected JSON
# ---------------------------------------------------------------------------
def G(title, indicators=(), area="", weight=None):
    return {"title": title, "area": area, "weight": weight, "indicators": list(indicators)}


def write_expected(name, family, fmt, language, organisation, title, goals,
                   checkpoints, handling, period, notes):
    data = {
        "family": family,
        "format": fmt,
        "language": language,
        "organisation": organisation,
        "title": title,
        "goals": goals,
        "checkpoints": checkpoints,
        "handling": [{"date": d, "body": b} for d, b in handling],
        "period": ({"start": period[0], "end": period[1]} if period else None),
        "notes": notes,
    }
    (OUT / f"{name}.expected.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------
def soffice(src, fmt, outdir=BUILD):
    subprocess.run(["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless",
                    "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return Path(outdir) / (Path(src).stem + "." + fmt.split(":")[0])


def docx_to(doc, name, fmt):
    """Save a python-docx document in BUILD, convert with LibreOffice, copy result to OUT."""
    src = BUILD / f"{name}.docx"
    doc.save(src)
    res = soffice(src, fmt)
    shutil.copy(res, OUT / f"{name}.{fmt}")


# ---------------------------------------------------------------------------
# python-docx low level helpers
# ---------------------------------------------------------------------------
def new_doc(font="Calibri", size=11, margins_cm=2.0):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = parse_xml(f"<w:rFonts {WNS}/>")
        rpr.insert(0, rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), font)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(margins_cm)
        s.top_margin = s.bottom_margin = Cm(margins_cm)
    return doc


def add_numbering(doc, levels):
    """levels: list of (numFmt, lvlText, font|None). Returns a new numId."""
    numbering = doc.part.numbering_part.element
    aids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    nids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(aids + [0]) + 1
    nid = max(nids + [0]) + 1
    lvls = []
    for i, (fmt, text, font) in enumerate(levels):
        left = 720 + 360 * i
        rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
               if font else "")
        lvls.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>')
    absn = parse_xml(f'<w:abstractNum {WNS} w:abstractNumId="{aid}">'
                     f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(lvls)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    numbering.append(parse_xml(f'<w:num {WNS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


def set_num(p, num_id, ilvl=0):
    numpr = p._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num_id
    return p


def para(container, text="", style=None, bold=False, italic=False, size=None,
         align=None, num=None, ilvl=0, space_after=None, color=None, indent_cm=None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if num is not None:
        set_num(p, num, ilvl)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if indent_cm is not None:
        p.paragraph_format.left_indent = Cm(indent_cm)
    return p


def add_field(run, instr):
    r = run._r
    r.append(parse_xml(f'<w:fldChar {WNS} w:fldCharType="begin"/>'))
    it = parse_xml(f'<w:instrText {WNS} xml:space="preserve"> {instr} </w:instrText>')
    r.append(it)
    r.append(parse_xml(f'<w:fldChar {WNS} w:fldCharType="separate"/>'))
    t = parse_xml(f'<w:t {WNS}>1</w:t>')
    r.append(t)
    r.append(parse_xml(f'<w:fldChar {WNS} w:fldCharType="end"/>'))


def page_footer(section, pattern, align="center", size=9):
    """pattern like 'Sivu {PAGE}/{NUMPAGES}' or '{PAGE} ({NUMPAGES})'."""
    p = section.footer.paragraphs[0]
    p.text = ""
    _pattern_runs(p, pattern, size)
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                   "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    return p


def _pattern_runs(p, pattern, size):
    import re
    for part in re.split(r"(\{PAGE\}|\{NUMPAGES\})", pattern):
        if not part:
            continue
        r = p.add_run()
        r.font.size = Pt(size)
        if part == "{PAGE}":
            add_field(r, "PAGE")
        elif part == "{NUMPAGES}":
            add_field(r, "NUMPAGES")
        else:
            r.text = part


def header_tabs(section, left, mid="", right="", size=9, bold_left=True):
    """One-line letterhead in the page header: left<TAB>mid<TAB>right (right may contain {PAGE})."""
    p = section.header.paragraphs[0]
    p.text = ""
    pf = p.paragraph_format
    width = section.page_width - section.left_margin - section.right_margin
    pf.tab_stops.add_tab_stop(int(width * 0.55))
    pf.tab_stops.add_tab_stop(width, alignment=2)  # right
    r = p.add_run(left)
    r.bold = bold_left
    r.font.size = Pt(size)
    r = p.add_run("\t" + mid + "\t")
    r.font.size = Pt(size)
    _pattern_runs(p, right, size)
    return p


def cell_text(cell, text, bold=False, size=None, shade=None):
    """Write text into a cell; '\n' -> separate paragraphs."""
    lines = text.split("\n") if text else [""]
    p0 = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for i, line in enumerate(lines):
        p = p0 if i == 0 else cell.add_paragraph()
        if line:
            r = p.add_run(line)
            r.bold = bold or None
            if size:
                r.font.size = Pt(size)
    if shade:
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {WNS} w:val="clear" w:color="auto" w:fill="{shade}"/>'))
    return cell


def cell_breaks(cell, lines, size=None):
    """Several lines in ONE paragraph separated by manual line breaks (Shift+Enter)."""
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        r = p.add_run(line)
        if size:
            r.font.size = Pt(size)
        if i < len(lines) - 1:
            r.add_break(WD_BREAK.LINE)


def clean_merged(cell):
    ps = cell.paragraphs
    for p in ps[1:]:
        if not p.text.strip():
            p._p.getparent().remove(p._p)


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {WNS}/>'))


def col_widths(table, widths_cm):
    table.autofit = False
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            row.cells[i].width = Cm(w)


def landscape(section):
    section.orientation = WD_ORIENT.LANDSCAPE
    w, h = section.page_width, section.page_height
    if w < h:
        section.page_width, section.page_height = h, w


# ---------------------------------------------------------------------------
# reportlab helpers
# ---------------------------------------------------------------------------
def rl_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for n, f in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                 ("DejaVuSerif", "DejaVuSerif.ttf"), ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
                 ("DejaVuCond", "DejaVuSansCondensed.ttf"),
                 ("DejaVuCond-Bold", "DejaVuSansCondensed-Bold.ttf")):
        try:
            pdfmetrics.getFont(n)
        except KeyError:
            pdfmetrics.registerFont(TTFont(n, os.path.join(FONT_DIR, f)))


def wrap_to_width(text, font, size, width):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    words = text.split()
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if stringWidth(t, font, size) <= width:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


# ===========================================================================
# h01  DOCX  numbered goals (real numbering) under theme headings, bullets
# ===========================================================================
def h01():
    name = "h01-themes-numbered-bullets-hirvilahti"
    org = "Hirvilahden kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    themes = [
        ("Elinvoimainen kunta", [
            G("Yritysten toimintaedellytysten parantaminen",
              ["Uusien yritysten määrä vähintään 25",
               "Yritystonttien kaavavaranto vähintään 10 ha",
               "Kunnanjohtajan yrityskäyntejä vähintään 30 vuodessa"]),
            G("Väestökehityksen kääntäminen kasvuun",
              ["Kuntien välinen nettomuutto on positiivinen",
               "Asuntotuotanto vähintään 40 asuntoa vuodessa"]),
        ]),
        ("Hyvinvoiva asukas", [
            G("Ikääntyneiden kotona asumisen tukeminen yhteistyössä hyvinvointialueen kanssa",
              ["Kotona asuvien 75 vuotta täyttäneiden osuus vähintään 92 %",
               "Yhteistyösopimus hyvinvointialueen kanssa päivitetty"]),
            G("Lasten ja nuorten harrastusmahdollisuuksien lisääminen",
              ["Harrastamisen Suomen malli toteutuu kaikissa alakouluissa",
               "Nuorisotilan aukiolotunnit lisääntyvät 10 %"]),
        ]),
        ("Vastuullinen talous ja osaava henkilöstö", [
            G("Talous tasapainoon",
              ["Tilikauden tulos on ylijäämäinen",
               "Lainakanta enintään 3 200 €/asukas",
               "Käyttötalouden menot toteutuvat talousarvion mukaisesti"]),
            G("Henkilöstön saatavuuden turvaaminen",
              ["Sairauspoissaolot alle 15 päivää/henkilötyövuosi",
               "Avoimien tehtävien täyttöaste vähintään 90 %"]),
        ]),
    ]
    doc = new_doc("Calibri", 11)
    sec = doc.sections[0]
    header_tabs(sec, "Hirvilahden kunta", "LIITE 3", "Kunnanhallitus 16.3.2026 § 45")
    page_footer(sec, "Sivu {PAGE}/{NUMPAGES}")
    para(doc, "HIRDno-2026-112", align="right", size=9)
    doc.add_heading(title, level=0)
    para(doc, "Kunnanhallitus asettaa vuosittain kunnanjohtajan johtajasopimuksen mukaiset "
              "tavoitteet. Tavoitteet perustuvat kuntastrategiaan 2025–2029 ja vuoden 2026 "
              "talousarvioon. Tavoitekausi 1.1.–31.12.2026.")
    para(doc, "Tavoitteet on valmisteltu kunnanhallituksen puheenjohtajiston ja kunnanjohtajan "
              "tavoitekeskustelussa 2.3.2026.")
    num = add_numbering(doc, [("decimal", "%1.", None), ("bullet", "•", None)])
    goals = []
    for theme, gl in themes:
        doc.add_heading(theme, level=1)
        for g in gl:
            para(doc, g["title"], num=num, ilvl=0, bold=True)
            for ind in g["indicators"]:
                para(doc, ind, num=num, ilvl=1)
            g["area"] = theme
            goals.append(g)
    doc.add_heading("Seuranta ja arviointi", level=1)
    para(doc, "Tavoitteiden toteutumista seurataan elokuussa 2026 ja arvioidaan tammikuussa 2027. "
              "Arvioinnin tekee kunnanhallituksen puheenjohtajisto.")
    para(doc, "Palkkio maksetaan, kun tavoitteet on saavutettu.")
    para(doc, "")
    para(doc, "Hirvilahdella 12.3.2026")
    para(doc, "Marja Kettunen\nkunnanhallituksen puheenjohtaja")
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "theme-headings+numbered-bullets", "docx", "fi", org, title, goals,
                   ["elokuu 2026", "tammikuu 2027"], [("2026-03-16", "Kunnanhallitus")],
                   ("2026-01-01", "2026-12-31"),
                   "Themes are Heading 1, goals real decimal numbering level 0 (numbering runs "
                   "1-6 across themes), indicators level 1 bullets of the same list. "
                   "'Seuranta ja arviointi' is also Heading 1 but not an area (no goals under it). "
                   "Letterhead in page header; 'Tavoitekeskustelu 2.3.2026' is not a handling date.")


# ===========================================================================
# h02  PDF (LibreOffice from DOCX)  numbered goals + a) b) c) + weights
# ===========================================================================
def h02():
    name = "h02-lettered-weights-paakkola"
    org = "Pääkkölän kunta"
    title = "Kunnanjohtajan tulostavoitteet vuodelle 2025"
    goals = [
        G("Kuntastrategian toimeenpano ja talouden tasapainottaminen",
          ["talouden tasapainottamisohjelman toimenpiteet on toteutettu aikataulussa",
           "vuosikate kattaa poistot",
           "investointien toteutumisaste vähintään 85 %"], weight=30),
        G("Elinkeinopolitiikan uudistaminen",
          ["elinkeino-ohjelma 2025–2028 hyväksytty valtuustossa",
           "yritysluotsitoiminta käynnistetty"], weight=25),
        G("Johtamisen ja työhyvinvoinnin kehittäminen",
          ["kuntapulssin johtamisindeksi vähintään 3,8",
           "kehityskeskustelut käyty koko henkilöstön kanssa",
           "esihenkilövalmennus toteutettu"], weight=25),
        G("Kuntalaisten osallisuuden vahvistaminen", [
            "asukasiltoja vähintään neljä vuodessa",
            "osallistuvan budjetoinnin kokeilu toteutettu"], weight=20),
    ]
    doc = new_doc("Arial", 10.5, 2.2)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "PÄÄKKÖLÄN KUNTA\tPöytäkirjan liite 2\nKunnanhallitus 17.2.2025 § 28"
    for r in hp.runs:
        r.font.size = Pt(9)
    page_footer(sec, "{PAGE} ({NUMPAGES})", align="right")
    para(doc, title, bold=True, size=15, space_after=12)
    para(doc, "Johtajasopimuksen 6 §:n mukaan kunnanhallitus asettaa kunnanjohtajalle vuosittain "
              "tulostavoitteet, joiden saavuttamiseen tulospalkkio sidotaan. Tavoitteiden painoarvot "
              "on merkitty tavoitteiden perään, ja niiden yhteenlaskettu paino on 100 %.")
    para(doc, "Käsittely: Henkilöstöjaosto 3.2.2025 § 4, kunnanhallitus 17.2.2025 § 28.")
    para(doc, "Tavoitteet ja arviointikriteerit", bold=True, size=12)
    num = add_numbering(doc, [("decimal", "%1.", None), ("lowerLetter", "%2)", None)])
    for g in goals:
        para(doc, f"{g['title']} (paino {g['weight']} %)", num=num, ilvl=0, bold=True)
        for ind in g["indicators"]:
            para(doc, ind, num=num, ilvl=1)
    para(doc, "Arviointi", bold=True, size=12)
    para(doc, "Väliarvio tehdään kesäkuussa 2025 ja loppuarvio tammikuussa 2026. Kunnanhallitus "
              "päättää tulospalkkion maksamisesta loppuarvion perusteella.")
    para(doc, "Tulospalkkion enimmäismäärä on yhden kuukauden palkka. Palkkio maksetaan "
              "tavoitteiden toteutumisen ja painoarvojen suhteessa.")
    docx_to(doc, name, "pdf")
    write_expected(name, "numbered-lettered+weights", "pdf", "fi", org, title, goals,
                   ["kesäkuu 2025", "tammikuu 2026"],
                   [("2025-02-03", "Henkilöstöjaosto"), ("2025-02-17", "Kunnanhallitus")], None,
                   "Word decimal + lowerLetter numbering printed via LibreOffice; weight in "
                   "parentheses at the end of the goal line. Indicators start with lower case. "
                   "No explicit period dates (only the year in the title) -> period null.")


# ===========================================================================
# h03  DOCX  Heading 1 themes, Heading 2 goals, description, 'Mittarit:' bullets
# ===========================================================================
def h03():
    name = "h03-heading-styles-description-vaskiniemi"
    org = "Vaskiniemen kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2027"
    themes = [
        ("Kestävä kasvu", [
            (G("Keskustan kehittämishankkeen eteneminen",
               ["Asemakaavamuutos hyväksytty kaupunginvaltuustossa",
                "Tontinluovutuskilpailu käynnistetty",
                "Rakentamisen aloitukset keskusta-alueella"]),
             "Keskustan kehittämishanke on valtuustokauden suurin investointikokonaisuus. "
             "Kaupunginjohtaja vastaa siitä, että hanke etenee hyväksytyssä aikataulussa ja "
             "kustannusarviossa."),
            (G("Hiilineutraaliustavoitteen edistäminen",
               ["Kaupungin kiinteistöjen energiankulutus laskee 5 %",
                "Ilmasto-ohjelman toimenpiteistä vähintään 70 % käynnissä"]),
             "Kaupunki on sitoutunut hiilineutraaliuteen vuoteen 2035 mennessä."),
            (G("Työpaikkaomavaraisuuden parantaminen",
               ["Työpaikkaomavaraisuus vähintään 95 %",
                "Kaksi uutta yrityssijoittumista elinkeinoalueelle"]),
             "Elinkeinoalueiden markkinointia tehostetaan yhdessä seudun kehitysyhtiön kanssa."),
        ]),
        ("Osaava ja uudistuva organisaatio", [
            (G("Palveluverkkoselvityksen toimeenpano",
               ["Päätökset kouluverkosta tehty kevään 2027 aikana",
                "Toimitilojen neliömäärä vähenee 3 000 m²"]),
             "Palveluverkkoselvitys hyväksyttiin valtuustossa joulukuussa 2026."),
            (G("Digitaalisten palvelujen käyttöönotto",
               ["Sähköisen asioinnin osuus kasvaa",
                "Asiakastyytyväisyys vähintään 4,0 (asteikko 1–5)",
                "Tekoälykokeiluja vähintään kolme"]),
             "Digitaalisten palvelujen kehittämisohjelma koskee kaikkia toimialoja."),
        ]),
    ]
    doc = new_doc("Calibri", 11, 2.5)
    sec = doc.sections[0]
    header_tabs(sec, "VASKINIEMEN KAUPUNKI", "Kaupunginhallitus 25.1.2027 § 12", "{PAGE}")
    para(doc, title, style="Title")
    para(doc, "Sisällys", bold=True)
    for line in ("1 Tavoitekeskustelun tarkoitus\t1", "2 Kestävä kasvu\t2",
                 "3 Osaava ja uudistuva organisaatio\t2", "4 Seuranta ja arviointi\t3"):
        para(doc, line, space_after=0)
    doc.add_heading("Tavoitekeskustelun tarkoitus", level=1)
    para(doc, "Tavoitekeskustelussa kaupunginhallituksen puheenjohtajisto ja kaupunginjohtaja "
              "sopivat kaupunkistrategiaa toteuttavat painopisteet. Tavoitekausi on kalenterivuosi "
              "1.1.–31.12.2027.")
    bul = add_numbering(doc, [("bullet", "•", None)])
    goals = []
    for theme, gl in themes:
        doc.add_heading(theme, level=1)
        for g, desc in gl:
            doc.add_heading(g["title"], level=2)
            para(doc, desc)
            para(doc, "Mittarit:", italic=True, space_after=2)
            for ind in g["indicators"]:
                para(doc, ind, num=bul)
            g["area"] = theme
            goals.append(g)
    doc.add_heading("Seuranta ja arviointi", level=1)
    para(doc, "Seurantakeskustelut pidetään toukokuussa 2027 ja syyskuussa 2027. Loppuarvio "
              "tehdään helmikuussa 2028, ja se saatetaan kaupunginhallituksen tiedoksi.")
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "heading-styles+description", "docx", "fi", org, title, goals,
                   ["toukokuu 2027", "syyskuu 2027", "helmikuu 2028"],
                   [("2027-01-25", "Kaupunginhallitus")], ("2027-01-01", "2027-12-31"),
                   "Themes Heading 1, goals Heading 2, description paragraph under each goal "
                   "(not part of title), 'Mittarit:' label then real bullets. A typed table of "
                   "contents repeats theme names (noise). 'Tavoitekeskustelun tarkoitus' and "
                   "'Seuranta ja arviointi' are Heading 1 but not areas. Description mentions "
                   "'joulukuussa 2026' and 'vuoteen 2035' which are not checkpoints.")


# ===========================================================================
# h04  PDF (LO from DOCX)  bold Normal paragraphs as goals, Symbol/Wingdings
#      bullets, nested details
# ===========================================================================
def h04():
    name = "h04-bold-goals-symbol-bullets-nested-lehtovaara"
    org = "Lehtovaaran kunta"
    title = "Kunnanjohtajan tavoitteet vuodelle 2024"
    data = [
        ("Kunnan talouden tasapainottaminen", [
            ("Talousarvion käyttötalousmenot alittuvat 1 %", []),
            ("Sopeuttamisohjelman säästöt toteutuvat", [
                "henkilöstösuunnitelman mukaiset vakanssimuutokset",
                "kiinteistöjen myynti 1,2 milj. euroa"]),
        ]),
        ("Vesihuollon investointiohjelman läpivienti", [
            ("Siirtoviemärin urakka kilpailutettu", ["urakkasopimus allekirjoitettu kesään mennessä"]),
            ("Vesilaitoksen saneerauksen suunnittelu valmis", []),
        ]),
        ("Sivistyspalvelujen rakenteen uudistaminen", [
            ("Koulukeskuksen hankesuunnitelma valtuuston hyväksymä", []),
            ("Varhaiskasvatuksen palveluseteli käytössä", [
                "sääntökirja hyväksytty", "palveluntuottajat hyväksytty"]),
            ("Oppilasmäärän kehitys raportoitu kunnanhallitukselle", []),
        ]),
        ("Kunnan vetovoiman ja näkyvyyden lisääminen", [
            ("Kuntamarkkinointisuunnitelma laadittu", []),
            ("Sosiaalisen median seuraajamäärä kasvaa 20 %", []),
        ]),
    ]
    doc = new_doc("Times New Roman", 12, 2.0)
    sec = doc.sections[0]
    p = sec.header.paragraphs[0]
    p.text = "Lehtovaaran kunta\t\tLIITE 5"
    page_footer(sec, "{PAGE}", align="right")
    para(doc, "LEHTOVAARAN KUNTA", bold=True, size=14)
    para(doc, "Kunnanhallitus 22.4.2024 § 71")
    para(doc, "")
    para(doc, title.upper(), bold=True, size=13)
    para(doc, "Kunnanhallitus on käsitellyt kunnanjohtajan tavoitteet kokouksessaan. Tavoitteet "
              "on johdettu kuntastrategiasta, ja niiden alla on esitetty mittarit, joilla "
              "onnistumista arvioidaan. Mittareiden alakohdat ovat tarkentavia tietoja.")
    num = add_numbering(doc, [("bullet", "\uf0b7", "Symbol"), ("bullet", "\uf0a7", "Wingdings"),
                              ("bullet", "o", "Courier New")])
    goals = []
    for gt, inds in data:
        para(doc, "")
        para(doc, gt, bold=True)
        for ind, details in inds:
            para(doc, ind, num=num, ilvl=0)
            for d in details:
                para(doc, d, num=num, ilvl=1)
        goals.append(G(gt, [i for i, _ in inds]))
    para(doc, "")
    para(doc, "Tavoitteiden toteutumista tarkastellaan lokakuussa 2024 ja arvioidaan "
              "maaliskuussa 2025 kunnanhallituksen iltakoulussa.")
    para(doc, "Lehtovaaralla 23.4.2024")
    para(doc, "Pekka Rautiainen, kunnanhallituksen puheenjohtaja")
    docx_to(doc, name, "pdf")
    write_expected(name, "bold-fake-headings+symbol-bullets+nested", "pdf", "fi", org, title,
                   goals, ["lokakuu 2024", "maaliskuu 2025"],
                   [("2024-04-22", "Kunnanhallitus")], None,
                   "Goals are bold Normal paragraphs (no heading style). Indicator bullets use "
                   "Symbol U+F0B7, second-level details use Wingdings U+F0A7: the second-level "
                   "details are plain text (NOT indicators, not appended). Title also appears in "
                   "ALL CAPS in the body; the expected title is the mixed-case form.")


# ===========================================================================
# h05  DOCX  Swedish: container heading + focus-area bullets (no indicators);
#      purpose bullets before it are not goals
# ===========================================================================
def h05():
    name = "h05-sv-container-prioriteringar-ekby"
    org = "Ekby kommun"
    title = "Kommundirektörens mål 2026"
    focus = [
        "Ekonomi i balans och en långsiktigt hållbar investeringsnivå",
        "Genomförandet av den nya kommunstrategin i hela organisationen",
        "Kompetensförsörjning och ett gott ledarskap",
        "Ett aktivt näringslivsarbete och fler arbetsplatser i kommunen",
        "Samarbetet med välfärdsområdet kring förebyggande arbete",
        "Digitalisering av kommunens kundtjänst",
    ]
    doc = new_doc("Garamond", 12, 2.3)
    sec = doc.sections[0]
    header_tabs(sec, "Ekby kommun", "Bilaga 4", "Kommunstyrelsen 9.2.2026 § 18", bold_left=False)
    page_footer(sec, "Sida {PAGE} av {NUMPAGES}", align="right")
    para(doc, "Dnr EKBY/112/2026", align="right", size=10)
    para(doc, title, style="Heading 1")
    para(doc, "Kommunstyrelsen fastställer årligen kommundirektörens mål i enlighet med "
              "direktörsavtalet. Målen bygger på kommunstrategin och budgeten för 2026.")
    para(doc, "Syftet med målsamtalet", style="Heading 2")
    bul = add_numbering(doc, [("bullet", "–", None)])
    for t in ("Bygger på direktörsavtalet",
              "Att tydliggöra prioriteringarna i kommundirektörens arbete",
              "Att stödja kommundirektörens välbefinnande och kompetensutveckling"):
        para(doc, t, num=bul)
    para(doc, "Kommunstyrelsens prioriteringar för 2026", style="Heading 2")
    para(doc, "Kommunstyrelsen förutsätter att kommundirektören under året särskilt fokuserar på:")
    bul2 = add_numbering(doc, [("bullet", "•", None)])
    for t in focus:
        para(doc, t, num=bul2)
    para(doc, "Uppföljning och utvärdering", style="Heading 2")
    para(doc, "Uppföljning sker i september 2026 och utvärdering i januari 2027. Kommunstyrelsens "
              "presidium för samtalen med kommundirektören.")
    para(doc, "Ekby den 10 februari 2026")
    para(doc, "Anna Lindqvist\nkommunstyrelsens ordförande")
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "container-focus-areas", "docx", "sv", org, title,
                   [G(t) for t in focus], ["september 2026", "januari 2027"],
                   [("2026-02-09", "Kommunstyrelsen")], None,
                   "Container heading 'Kommunstyrelsens prioriteringar för 2026' + intro sentence "
                   "+ six bullets = six goals with zero indicators and no area. The three bullets "
                   "under 'Syftet med målsamtalet' are NOT goals. The signature date 10.2.2026 is "
                   "not a handling date.")


# ===========================================================================
# h06  ODT (odfpy)  label prefixes Tavoite:/Mittarit:/Arviointikriteeri:/Painoarvo:
#      real text:list for purpose bullets, numbered goal list and one criteria list
# ===========================================================================
def h06():
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, ListLevelProperties,
                           FontFace, Footer, MasterPage, PageLayout, PageLayoutProperties)
    from odf.text import (H, P, List, ListItem, ListStyle, ListLevelStyleBullet,
                          ListLevelStyleNumber, Span, PageNumber, PageCount)

    name = "h06-label-prefixes-painoarvo-routio"
    org = "Roution kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    goals = [
        (G("Kunnan talous on tasapainossa", ["Tilikauden tulos vähintään 0 euroa",
                                            "Lainamäärä enintään 4 000 euroa/asukas"], weight=25),
         "Mittarit", "semicolon"),
        (G("Kuntastrategian päivitys valmistuu",
           ["Valtuusto hyväksyy päivitetyn strategian kesäkuussa 2026"], weight=20),
         "Mittari", "single"),
        (G("Henkilöstön työhyvinvointi paranee",
           ["Työhyvinvointikyselyn keskiarvo vähintään 3,9"], weight=20),
         "Arviointikriteeri", "single"),
        (G("Elinvoimaohjelman toteuttaminen",
           ["Elinvoimaohjelman toimenpiteistä 80 % käynnistetty",
            "Yritysilta järjestetty kahdesti",
            "Matkailun tulo- ja lähtötilastot raportoitu"], weight=20),
         "Arviointikriteerit", "list"),
        (G("Yhteistyö naapurikuntien kanssa tiivistyy",
           ["Yhteistoimintasopimus Kivijärven kunnan kanssa allekirjoitettu"], weight=15),
         "Mittari", "single"),
    ]
    doc = OpenDocumentText()
    doc.fontfacedecls.addElement(FontFace(name="Liberation Sans", fontfamily="'Liberation Sans'",
                                          fontfamilygeneric="swiss", fontpitch="variable"))
    std = Style(name="Standard", family="paragraph")
    std.addElement(TextProperties(fontname="Liberation Sans", fontsize="11pt"))
    std.addElement(ParagraphProperties(marginbottom="0.12cm"))
    doc.styles.addElement(std)
    hs = {}
    for lvl, size in ((1, "15pt"), (2, "12.5pt")):
        s = Style(name=f"Heading {lvl}", family="paragraph", parentstylename="Standard",
                  defaultoutlinelevel=str(lvl))
        s.addElement(TextProperties(fontsize=size, fontweight="bold"))
        s.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
        doc.styles.addElement(s)
        hs[lvl] = s
    small = Style(name="Small", family="paragraph", parentstylename="Standard")
    small.addElement(TextProperties(fontsize="9pt"))
    small.addElement(ParagraphProperties(textalign="end"))
    doc.automaticstyles.addElement(small)
    bold = Style(name="BoldT", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    ftp = Style(name="FooterP", family="paragraph")
    ftp.addElement(ParagraphProperties(textalign="center"))
    ftp.addElement(TextProperties(fontsize="9pt"))
    doc.automaticstyles.addElement(ftp)
    pl = PageLayout(name="PL1")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="2cm",
                                       marginbottom="2cm", marginleft="2.5cm", marginright="2cm"))
    doc.automaticstyles.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    ft = Footer()
    fp = P(stylename=ftp, text="Roution kunta | Sivu ")
    fp.addElement(PageNumber(selectpage="current", text="1"))
    fp.addText("/")
    fp.addElement(PageCount(text="1"))
    ft.addElement(fp)
    mp.addElement(ft)
    doc.masterstyles.addElement(mp)

    bullets = ListStyle(name="LBullet")
    lb = ListLevelStyleBullet(level=1, bulletchar="•")
    lb.addElement(ListLevelProperties(spacebefore="0.6cm", minlabelwidth="0.5cm"))
    bullets.addElement(lb)
    lb2 = ListLevelStyleBullet(level=2, bulletchar="◦")
    lb2.addElement(ListLevelProperties(spacebefore="1.2cm", minlabelwidth="0.5cm"))
    bullets.addElement(lb2)
    doc.automaticstyles.addElement(bullets)
    numbers = ListStyle(name="LNumber")
    ln = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    ln.addElement(ListLevelProperties(spacebefore="0cm", minlabelwidth="0.7cm"))
    numbers.addElement(ln)
    lb3 = ListLevelStyleBullet(level=2, bulletchar="–")
    lb3.addElement(ListLevelProperties(spacebefore="1.2cm", minlabelwidth="0.5cm"))
    numbers.addElement(lb3)
    doc.automaticstyles.addElement(numbers)

    T = doc.text
    T.addElement(P(stylename=small, text="ROUTIO/520/00.01.01/2026"))
    T.addElement(P(stylename=small, text="Kunnanhallitus 2.3.2026 § 36, liite 2"))
    T.addElement(H(outlinelevel=1, stylename=hs[1], text=title))
    T.addElement(P(stylename=std, text="Tavoitekausi on 1.1.2026–31.12.2026. Tavoitteet on "
                                      "johdettu Roution kuntastrategiasta ja talousarviosta."))
    T.addElement(H(outlinelevel=2, stylename=hs[2], text="Tavoitekeskustelun tarkoitus"))
    L = List(stylename=bullets)
    for t in ("Kuntastrategian toimeenpanon varmistaminen",
              "Kunnanjohtajan työn painopisteiden kirkastaminen",
              "Kunnanjohtajan työhyvinvoinnin ja osaamisen tukeminen"):
        li = ListItem()
        li.addElement(P(stylename=std, text=t))
        L.addElement(li)
    T.addElement(L)
    T.addElement(H(outlinelevel=2, stylename=hs[2], text="Tavoitteet 2026"))
    L = List(stylename=numbers)
    for g, label, mode in goals:
        li = ListItem()
        p = P(stylename=std)
        p.addElement(Span(stylename=bold, text="Tavoite: "))
        p.addText(g["title"])
        li.addElement(p)
        if mode == "semicolon":
            p = P(stylename=std)
            p.addElement(Span(stylename=bold, text=f"{label}: "))
            p.addText("; ".join(g["indicators"]))
            li.addElement(p)
        elif mode == "single":
            p = P(stylename=std)
            p.addElement(Span(stylename=bold, text=f"{label}: "))
            p.addText(g["indicators"][0])
            li.addElement(p)
        else:
            p = P(stylename=std)
            p.addElement(Span(stylename=bold, text=f"{label}:"))
            li.addElement(p)
            sub = List()
            for ind in g["indicators"]:
                sli = ListItem()
                sli.addElement(P(stylename=std, text=ind))
                sub.addElement(sli)
            li.addElement(sub)
        p = P(stylename=std)
        p.addElement(Span(stylename=bold, text="Painoarvo: "))
        p.addText(f"{g['weight']} %")
        li.addElement(p)
        L.addElement(li)
    T.addElement(L)
    T.addElement(H(outlinelevel=2, stylename=hs[2], text="Arviointi"))
    T.addElement(P(stylename=std, text="Väliarviointi tehdään kesäkuussa 2026 ja loppuarviointi "
                                      "joulukuussa 2026. Tulospalkkio määräytyy painoarvojen "
                                      "mukaisesti."))
    T.addElement(P(stylename=std, text="Routiolla 3.3.2026"))
    T.addElement(P(stylename=std, text="Juha Mäkelä, kunnanhallituksen puheenjohtaja"))
    doc.save(str(OUT / f"{name}.odt"))
    write_expected(name, "label-prefixes+painoarvo+odt-lists", "odt", "fi", org, title,
                   [g for g, _, _ in goals], ["kesäkuu 2026", "joulukuu 2026"],
                   [("2026-03-02", "Kunnanhallitus")], ("2026-01-01", "2026-12-31"),
                   "Real ODF lists (text:list): goals are items of a numbered list, each starting "
                   "'Tavoite:' (bold span). 'Mittarit: a; b' is split at ';' into two indicators. "
                   "Goal 4 has 'Arviointikriteerit:' followed by a nested list (3 indicators). "
                   "'Painoarvo: 25 %' lines give the weight. Goal 2's indicator mentions "
                   "'kesäkuussa 2026' (a deadline, coincides with the checkpoint month). "
                   "Purpose bullets are not goals; 'Tavoitteet 2026' is a container heading.")


# ===========================================================================
# h07  PDF (LO from DOCX)  'Tavoite 1 – …' headings, Toimenpiteet + Mittarit,
#      'Mittari 1.1 …' lines, long wrapped titles
# ===========================================================================
def h07():
    name = "h07-tavoite-n-toimenpiteet-mittarit-kalliomaa"
    org = "Kalliomaan kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2025"
    data = [
        ("Talouden tasapaino ja investointien hallittu toteuttaminen niin, että kaupungin "
         "lainakanta ei kasva valtuustokauden aikana",
         ["Talouden sopeuttamisohjelman valmistelu ja toimeenpano",
          "Investointiohjelman priorisointi yhdessä lautakuntien kanssa"],
         ["Vuosikate vähintään 8 milj. euroa",
          "Lainakanta enintään 62 milj. euroa 31.12.2025",
          "Investointien toteutumisaste 80–100 % talousarviosta"]),
        ("Kaupunkikonsernin omistajaohjauksen selkeyttäminen",
         ["Omistajapoliittisten linjausten päivitys",
          "Tytäryhteisöjen hallitusten kokoonpanojen arviointi"],
         ["Omistajapoliittiset linjaukset hyväksytty valtuustossa",
          "Konserniraportointi neljännesvuosittain kaupunginhallitukselle"]),
        ("Henkilöstön saatavuuden, osaamisen ja työhyvinvoinnin vahvistaminen erityisesti "
         "varhaiskasvatuksessa, opetuksessa ja teknisissä palveluissa",
         ["Rekrytointimarkkinoinnin uudistaminen",
          "Esihenkilöiden valmennusohjelma"],
         ["Vakituisten tehtävien täyttöaste vähintään 95 %",
          "Henkilöstön vaihtuvuus alle 8 %",
          "Kuntapulssin työhyvinvointi-indeksi paranee edellisestä mittauksesta"]),
        ("Asukaslähtöisten palvelujen ja sähköisen asioinnin kehittäminen",
         ["Asiakaspalvelupisteen ja chat-palvelun käyttöönotto"],
         ["Asiakastyytyväisyys vähintään 4,1", "Sähköisten lomakkeiden osuus yli 60 %"]),
    ]
    doc = new_doc("Calibri", 11, 2.2)
    sec = doc.sections[0]
    header_tabs(sec, "Kalliomaan kaupunki", "Kaupunginhallitus 24.3.2025 § 52", "Sivu {PAGE}/{NUMPAGES}")
    para(doc, title, style="Heading 1")
    para(doc, "Käsitelty: Henkilöstöjaosto 10.3.2025, kaupunginhallitus 24.3.2025.", italic=True)
    para(doc, "Kaupunginhallitus asettaa kaupunginjohtajalle vuosittain tavoitteet, jotka tukevat "
              "Kalliomaa 2030 -strategian toteutumista. Kunkin tavoitteen alle on kirjattu "
              "keskeiset toimenpiteet ja mittarit, joilla tavoitteen toteutumista arvioidaan.")
    bul = add_numbering(doc, [("bullet", "▪", None)])
    goals = []
    for i, (gt, actions, inds) in enumerate(data, 1):
        para(doc, f"Tavoite {i} – {gt}", style="Heading 2")
        para(doc, "Toimenpiteet", bold=True, space_after=2)
        for a in actions:
            para(doc, a, num=bul)
        para(doc, "Mittarit", bold=True, space_after=2)
        for j, ind in enumerate(inds, 1):
            para(doc, f"Mittari {i}.{j} {ind}", indent_cm=0.6, space_after=2)
        goals.append(G(gt, inds))
    para(doc, "Seuranta", style="Heading 2")
    para(doc, "Tavoitteiden toteutumista seurataan syyskuussa 2025 ja arvioidaan helmikuussa 2026.")
    docx_to(doc, name, "pdf")
    write_expected(name, "tavoite-n-headings+actions+long-titles", "pdf", "fi", org, title, goals,
                   ["syyskuu 2025", "helmikuu 2026"],
                   [("2025-03-10", "Henkilöstöjaosto"), ("2025-03-24", "Kaupunginhallitus")], None,
                   "Goal headings 'Tavoite N – …' (Heading 2, prefix stripped); two titles wrap "
                   "onto 2 lines. 'Toimenpiteet' bullets are actions (NOT indicators). Indicators "
                   "are 'Mittari N.M …' lines without bullets; the label 'Mittari 1.1' is stripped. "
                   "Indicator '…31.12.2025' contains a date that is not the period.")


# ===========================================================================
# h08  DOCX  memo: goal table with vertically merged goal cells + handling-date
#      table + signature table
# ===========================================================================
def h08():
    name = "h08-memo-merged-goal-table-rautavesi"
    org = "Rautaveden kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    rows = [
        ("Kunnan talous on tasapainossa", [
            ("Tilikauden tulos", "ylijäämäinen"),
            ("Vuosikate euroa/asukas", "≥ 350 €"),
            ("Lainakanta euroa/asukas", "≤ 2 900 €")]),
        ("Elinvoiman ja asukasmäärän kasvu", [
            ("Väestönmuutos", "+ 30 asukasta"),
            ("Uudet tonttivaraukset", "vähintään 15")]),
        ("Sujuva yhteistyö luottamushenkilöiden kanssa", [
            ("Valtuustoseminaarit", "2 kpl/vuosi"),
            ("Luottamushenkilökyselyn tulos", "≥ 4,0"),
            ("Päätösvalmistelun laatu (kysely)", "≥ 4,0")]),
        ("Hyvinvointialueyhteistyön vakiinnuttaminen", [
            ("Yhteistyöryhmän kokoukset", "4 kpl/vuosi")]),
    ]
    doc = new_doc("Verdana", 9.5, 2.0)
    sec = doc.sections[0]
    header_tabs(sec, "RAUTAVEDEN KUNTA", "MUISTIO", "{PAGE} ({NUMPAGES})")
    para(doc, "Hallintopalvelut / kunnansihteeri\t\t5.3.2026", size=9)
    para(doc, "")
    para(doc, title.upper(), bold=True, size=12)
    para(doc, "Kunnanhallituksen puheenjohtajisto on valmistellut kunnanjohtajan tavoitteet "
              "yhdessä kunnanjohtajan kanssa. Tavoitteet perustuvat valtuuston hyväksymään "
              "strategiaan. Tavoitekausi 1.1.–31.12.2026.")
    para(doc, "Käsittelyvaiheet", bold=True)
    t = doc.add_table(rows=3, cols=3)
    t.style = "Table Grid"
    for r, vals in enumerate((("Toimielin", "Päivämäärä", "Pykälä"),
                              ("Henkilöstöjaosto", "23.2.2026", "§ 8"),
                              ("Kunnanhallitus", "9.3.2026", "§ 41"))):
        for c, v in enumerate(vals):
            cell_text(t.cell(r, c), v, bold=(r == 0))
    para(doc, "")
    para(doc, "Tavoitteet ja mittarit", bold=True)
    n = 1 + sum(len(x[1]) for x in rows)
    t = doc.add_table(rows=n, cols=3)
    t.style = "Table Grid"
    for c, v in enumerate(("Tavoite", "Mittari", "Tavoitetaso")):
        cell_text(t.cell(0, c), v, bold=True, shade="D9E2F3")
    r = 1
    goals = []
    for gt, inds in rows:
        for k, (m, lvl) in enumerate(inds):
            cell_text(t.cell(r + k, 1), m)
            cell_text(t.cell(r + k, 2), lvl)
        top = t.cell(r, 0)
        cell_text(top, gt)
        if len(inds) > 1:
            merged = top.merge(t.cell(r + len(inds) - 1, 0))
            clean_merged(merged)
        r += len(inds)
        goals.append(G(gt, [m for m, _ in inds]))
    col_widths(t, [6.0, 6.5, 4.5])
    para(doc, "")
    para(doc, "Tavoitteiden toteutumista seurataan elokuussa 2026, ja loppuarviointi tehdään "
              "tammikuussa 2027. Arvioinnista vastaa kunnanhallituksen puheenjohtajisto.")
    para(doc, "Palkkio maksetaan, kun tavoitteet on saavutettu.")
    para(doc, "")
    t = doc.add_table(rows=2, cols=2)
    for c, v in enumerate(("Tuula Heikkinen\nkunnanhallituksen puheenjohtaja",
                           "Ari Saarinen\nkunnanjohtaja")):
        cell_text(t.cell(1, c), v)
    cell_text(t.cell(0, 0), "Rautavedellä 10.3.2026")
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "memo-goal-table-merged+other-tables", "docx", "fi", org, title, goals,
                   ["elokuu 2026", "tammikuu 2027"],
                   [("2026-02-23", "Henkilöstöjaosto"), ("2026-03-09", "Kunnanhallitus")],
                   ("2026-01-01", "2026-12-31"),
                   "Goal column vertically merged (vMerge) over its indicator rows; 'Tavoitetaso' "
                   "column ignored. Two non-goal tables: handling dates (Toimielin | Päivämäärä | "
                   "Pykälä) and a borderless signature table. Memo date 5.3.2026 and signature "
                   "date 10.3.2026 are not handling dates.")


# ===========================================================================
# h09  PDF (LO, landscape)  Osa-alue | Tavoite | Mittarit | Seuranta elokuu |
#      Seuranta tammikuu ; several indicators per cell (bullets / line breaks)
# ===========================================================================
def h09():
    name = "h09-area-table-checkpoint-columns-jokivarsi"
    org = "Jokivarren kunta"
    title = "Kansliapäällikön tavoitteet 2026"
    data = [
        ("Strategia ja talous", "Strategian toimeenpanon johtaminen",
         ["Valtuustokauden tavoitteiden toteutuminen", "Strategiamittariston käyttöönotto"],
         "bul", "Mittaristo otettu käyttöön, raportointi alkaa syksyllä."),
        ("Strategia ja talous", "Talouden johtaminen",
         ["Talousarvion mukaiset tavoitteet toteutuvat",
          "Säästöohjelman toimenpiteet toteutuvat 2026",
          "Investoinnit pysyvät raamissa"],
         "br", "Ennuste alijäämäinen, lisäsopeutusta valmisteltu."),
        ("Johtaminen ja henkilöstö", "Henkilöstöjohtaminen",
         ["Valmentava johtamisote ja epäkohtiin puuttuminen",
          "Laadukas esihenkilötyö ja tuki johdettaville"],
         "bul", ""),
        ("Johtaminen ja henkilöstö", "Johtoryhmätyöskentelyn kehittäminen",
         ["Johtoryhmän työskentelyn säännöllinen arviointi", "Työhyvinvointikyselyn tulos ≥ 3,8"],
         "br", "Johtoryhmän itsearviointi tehty kesäkuussa."),
        ("Yhteistyö", "Yhteistyö poliittisen johdon kanssa",
         ["Päätöksenteon laadukas valmistelu",
          "Sujuva tiedonkulku poliittisen johtoryhmän kanssa",
          "Luottamushenkilöiden perehdytysohjelma"],
         "bul", "Perehdytysohjelma valmisteilla."),
    ]
    doc = new_doc("Arial", 9.5, 1.6)
    sec = doc.sections[0]
    landscape(sec)
    header_tabs(sec, "Jokivarren kunta", "Kunnanhallitus 23.3.2026 liite 4", "{PAGE} ({NUMPAGES})")
    para(doc, title, bold=True, size=16)
    para(doc, "Poliittinen johtoryhmä 18.3.2026, Kunnanhallitus 23.3.2026", size=9)
    para(doc, "Pormestari ja kansliapäällikkö käyvät vuosittain tavoite- ja kehityskeskustelun. "
              "Taulukon seurantasarakkeisiin kirjataan tavoitteiden edistyminen seurantapisteissä.")
    bul = add_numbering(doc, [("bullet", "•", None)])
    t = doc.add_table(rows=1 + len(data), cols=5)
    t.style = "Table Grid"
    for c, v in enumerate(("Osa-alue", "Tavoite", "Mittarit", "Seuranta elokuu 2026",
                           "Seuranta tammikuu 2027")):
        cell_text(t.cell(0, c), v, bold=True, shade="E2EFDA")
    repeat_header(t.rows[0])
    goals = []
    for r, (area, gt, inds, mode, follow) in enumerate(data, 1):
        cell_text(t.cell(r, 1), gt)
        if mode == "bul":
            c = t.cell(r, 2)
            for k, ind in enumerate(inds):
                p = c.paragraphs[0] if k == 0 else c.add_paragraph()
                p.add_run(ind)
                set_num(p, bul)
        else:
            cell_breaks(t.cell(r, 2), inds)
        cell_text(t.cell(r, 3), follow)
        goals.append(G(gt, inds, area=area))
    # area column: merge equal neighbours
    r = 1
    while r <= len(data):
        area = data[r - 1][0]
        end = r
        while end < len(data) and data[end][0] == area:
            end += 1
        cell_text(t.cell(r, 0), area, bold=True)
        if end > r:
            clean_merged(t.cell(r, 0).merge(t.cell(end, 0)))
        r = end + 1
    col_widths(t, [3.5, 5.0, 7.5, 5.0, 4.5])
    para(doc, "")
    para(doc, "Tavoitteiden arviointi", bold=True)
    para(doc, "Tavoitteiden toteutumisesta raportoidaan kunnanhallitukselle. Keskustelun "
              "tarkoituksena on tukea kansliapäällikköä työssään.")
    docx_to(doc, name, "pdf")
    write_expected(name, "area-table+multi-indicator-cells+checkpoint-columns", "pdf", "fi", org,
                   title, goals, ["elokuu 2026", "tammikuu 2027"],
                   [("2026-03-18", "Poliittinen johtoryhmä"), ("2026-03-23", "Kunnanhallitus")],
                   None,
                   "Landscape table printed from Word via LibreOffice. Osa-alue cell merged "
                   "vertically over two goals (area of both). Mittarit cell holds several "
                   "indicators: as bullet paragraphs inside the cell, or as one paragraph with "
                   "manual line breaks. Checkpoints come from the column headers; the follow-up "
                   "text in 'Seuranta elokuu 2026' is not indicator text.")


# ===========================================================================
# h10  DOCX  bilingual fi/sv: 'Tavoite 1: … / Mål 1: …', themes in both languages
# ===========================================================================
def h10():
    name = "h10-bilingual-fi-sv-strandvik"
    org = "Strandvikin kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2026"
    themes = [
        ("Elinvoimainen kaupunki", "En livskraftig stad", [
            ("Kaupungin talous on tasapainossa", "Stadens ekonomi är i balans", [
                ("Tilikauden tulos on positiivinen", "Räkenskapsperiodens resultat är positivt"),
                ("Lainakanta ei kasva", "Lånestocken ökar inte")]),
            ("Satama-alueen kehittäminen etenee", "Utvecklingen av hamnområdet framskrider", [
                ("Yleissuunnitelma hyväksytty", "Den översiktliga planen är godkänd"),
                ("Sijoittajaneuvottelut käynnistetty", "Förhandlingar med investerare har inletts")]),
        ]),
        ("Kaksikielinen ja osallistava kaupunki", "En tvåspråkig och delaktig stad", [
            ("Palvelut toimivat molemmilla kansalliskielillä",
             "Servicen fungerar på båda nationalspråken", [
                 ("Kielibarometrin tulos paranee", "Resultatet i språkbarometern förbättras"),
                 ("Asiointikyselyn tulos ruotsinkielisten osalta vähintään 4,0",
                  "Resultatet i kundenkäten för svenskspråkiga minst 4,0"),
                 ("Kaikki verkkosivut julkaistu molemmilla kielillä",
                  "Alla webbsidor publicerade på båda språken")]),
            ("Asukkaiden osallisuus vahvistuu", "Invånarnas delaktighet stärks", [
                ("Osallistuvan budjetoinnin kierros toteutettu",
                 "En omgång av deltagande budgetering genomförd")]),
        ]),
    ]
    doc = new_doc("Calibri", 11, 2.2)
    sec = doc.sections[0]
    header_tabs(sec, "Strandvikin kaupunki – Strandviks stad", "",
                "Liite 1 / Bilaga 1   {PAGE} ({NUMPAGES})", bold_left=True)
    para(doc, "Kaupunginhallitus / Stadsstyrelsen 13.4.2026 § 60", size=9)
    para(doc, title, style="Title")
    para(doc, "Stadsdirektörens mål 2026", italic=True, size=16)
    para(doc, "Kaupunginhallitus asettaa kaupunginjohtajan tavoitteet vuosittain. "
              "Tavoitteet on kirjoitettu suomeksi ja ruotsiksi.")
    para(doc, "Stadsstyrelsen fastställer årligen stadsdirektörens mål. Målen är skrivna på "
              "finska och svenska.", italic=True)
    bul = add_numbering(doc, [("bullet", "•", None)])
    goals = []
    i = 0
    for fi, sv, gl in themes:
        doc.add_heading(fi, level=1)
        para(doc, sv, italic=True, size=13, color="2F5496")
        for gfi, gsv, inds in gl:
            i += 1
            para(doc, f"Tavoite {i}: {gfi}", bold=True, space_after=0)
            para(doc, f"Mål {i}: {gsv}", italic=True)
            para(doc, "Mittarit / Mätare:", space_after=2)
            for ifi, isv in inds:
                para(doc, ifi, num=bul, space_after=0)
                para(doc, isv, italic=True, indent_cm=1.27, space_after=4)
            goals.append(G(gfi, [a for a, _ in inds], area=fi))
    doc.add_heading("Seuranta / Uppföljning", level=1)
    para(doc, "Tavoitteiden toteutumista seurataan syyskuussa 2026 ja ne arvioidaan "
              "helmikuussa 2027.")
    para(doc, "Måluppfyllelsen följs upp i september 2026 och utvärderas i februari 2027.",
         italic=True)
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "bilingual-fi-sv+themes", "docx", "mixed", org, title, goals,
                   ["syyskuu 2026", "helmikuu 2027"], [("2026-04-13", "Kaupunginhallitus")],
                   None,
                   "Convention: the FINNISH line is the goal/indicator/area; the Swedish line "
                   "below it is plain text. Goal lines 'Tavoite N: …' (prefix stripped), Swedish "
                   "'Mål N: …' italic below. Each Finnish indicator bullet is followed by an "
                   "indented, unbulleted Swedish paragraph. Theme = Heading 1 Finnish, Swedish "
                   "theme as coloured italic paragraph. Body 'Kaupunginhallitus / Stadsstyrelsen' "
                   "-> 'Kaupunginhallitus'. Checkpoints given in Finnish.")


# ===========================================================================
# h11  ODT (LO from DOCX)  table Mittari | Tavoite | Painoarvo % | Tavoitetaso
# ===========================================================================
def h11():
    name = "h11-odt-table-mittari-first-painoarvo-honkasalo"
    org = "Honkasalon kunta"
    title = "Kunnanjohtajan tulostavoitteet 2025"
    data = [
        ("Talouden tasapaino", 35, [("Vuosikate/poistot", "≥ 100 %"),
                                    ("Kertynyt alijäämä katettu", "31.12.2025 mennessä"),
                                    ("Toimintakulujen kasvu", "≤ 2,5 %")]),
        ("Kuntalaisten hyvinvoinnin edistäminen", 25, [
            ("Hyvinvointisuunnitelman toimenpiteiden toteutuminen", "≥ 75 %"),
            ("Liikuntapaikkojen käyttöaste", "kasvaa")]),
        ("Osaava ja hyvinvoiva henkilöstö", 25, [
            ("Sairauspoissaolot", "≤ 12 pv/htv"),
            ("Esihenkilöarvio", "≥ 3,9"),
            ("Kehityskeskustelujen kattavuus", "100 %")]),
        ("Maankäytön ja kaavoituksen eteneminen", 15, [
            ("Keskustan osayleiskaava hyväksytty", "kyllä/ei")]),
    ]
    doc = new_doc("Liberation Sans", 10, 2.0)
    sec = doc.sections[0]
    header_tabs(sec, "Honkasalon kunta", "Kunnanhallitus 10.2.2025 § 22", "{PAGE}/{NUMPAGES}")
    para(doc, title, bold=True, size=14)
    para(doc, "Tulostavoitteiden painoarvot ovat yhteensä 100 %. Tavoitteiden väliarvio tehdään "
              "kesäkuussa 2025 ja loppuarvio joulukuussa 2025.")
    n = 1 + sum(len(d[2]) for d in data)
    t = doc.add_table(rows=n, cols=4)
    t.style = "Table Grid"
    for c, v in enumerate(("Mittari", "Tavoite", "Painoarvo %", "Tavoitetaso")):
        cell_text(t.cell(0, c), v, bold=True)
    r = 1
    goals = []
    for gt, w, inds in data:
        for k, (m, lvl) in enumerate(inds):
            cell_text(t.cell(r, 0), m)
            cell_text(t.cell(r, 3), lvl)
            if k == 0:
                cell_text(t.cell(r, 1), gt)
                cell_text(t.cell(r, 2), str(w))
            r += 1
        goals.append(G(gt, [m for m, _ in inds], weight=w))
    col_widths(t, [6.0, 5.0, 2.5, 3.5])
    para(doc, "")
    para(doc, "Tulospalkkio maksetaan loppuarvion perusteella painoarvojen mukaisesti. "
              "Päätöksestä voi tehdä oikaisuvaatimuksen 14 päivän kuluessa tiedoksisaannista.")
    docx_to(doc, name, "odt")
    write_expected(name, "table-mittari-first+painoarvo", "odt", "fi", org, title, goals,
                   ["kesäkuu 2025", "joulukuu 2025"], [("2025-02-10", "Kunnanhallitus")], None,
                   "Columns in unusual order: Mittari first, Tavoite second, 'Painoarvo %' "
                   "third (weight only on the goal's first row), Tavoitetaso ignored. Goal cell "
                   "is empty on continuation rows. Legal sentence (oikaisuvaatimus) at the end.")


# ===========================================================================
# h12  DOCX  Swedish table Mål | Mätare | Målnivå, goal repeated on every row,
#      full-width focus-area rows
# ===========================================================================
def h12():
    name = "h12-sv-table-mal-matare-bergvik"
    org = "Bergviks kommun"
    title = "Kommundirektörens mål 2027"
    data = [
        ("Hållbar ekonomi", [
            ("Kommunens ekonomi är i balans", [("Årets resultat", "minst 1 % av skatteintäkterna"),
                                               ("Låneskuld per invånare", "högst 5 000 €")]),
            ("Investeringarna genomförs enligt plan", [("Genomförandegrad", "≥ 85 %")]),
        ]),
        ("Attraktiv arbetsgivare", [
            ("Kompetensförsörjningen tryggas", [
                ("Andel behöriga lärare", "≥ 90 %"),
                ("Personalomsättning", "< 10 %"),
                ("Sjukfrånvaro", "< 5 %")]),
        ]),
        ("Livskraft och boende", [
            ("Nya bostadsområden planläggs", [("Antal planlagda tomter", "30")]),
            ("Företagsklimatet förbättras", [
                ("Placering i Företagarnas ranking", "bland de 50 bästa"),
                ("Antal nya företag", "≥ 20")]),
        ]),
    ]
    doc = new_doc("Cambria", 11, 2.0)
    sec = doc.sections[0]
    header_tabs(sec, "BERGVIKS KOMMUN", "Kommunstyrelsen 15.2.2027 § 22", "{PAGE} ({NUMPAGES})")
    para(doc, title, style="Heading 1")
    para(doc, "Målperiod 1.1–31.12.2027. Målen följs upp i augusti 2027 och utvärderas i "
              "januari 2028.")
    para(doc, "Kommunstyrelsen har i samråd med kommundirektören fastställt följande mål. "
              "Målnivån anger den nivå som ska nås under året.")
    nrows = 1 + sum(1 + sum(len(g[1]) for g in gl) for _, gl in data)
    t = doc.add_table(rows=nrows, cols=3)
    t.style = "Table Grid"
    for c, v in enumerate(("Mål", "Mätare", "Målnivå")):
        cell_text(t.cell(0, c), v, bold=True, shade="FCE4D6")
    r = 1
    goals = []
    for area, gl in data:
        m = t.cell(r, 0).merge(t.cell(r, 2))
        clean_merged(m)
        cell_text(m, area, bold=True, shade="F2F2F2")
        r += 1
        for gt, inds in gl:
            for mt, lvl in inds:
                cell_text(t.cell(r, 0), gt)
                cell_text(t.cell(r, 1), mt)
                cell_text(t.cell(r, 2), lvl)
                r += 1
            goals.append(G(gt, [x for x, _ in inds], area=area))
    para(doc, "")
    para(doc, "Uppföljning augusti 2027", bold=True)
    para(doc, "Kommundirektören rapporterar måluppfyllelsen till kommunstyrelsens presidium.")
    para(doc, "Utvärdering januari 2028", bold=True)
    para(doc, "Utvärderingen ligger till grund för lönesamtalet.")
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "sv-table-mal-matare+area-rows", "docx", "sv", org, title, goals,
                   ["augusti 2027", "januari 2028"], [("2027-02-15", "Kommunstyrelsen")],
                   ("2027-01-01", "2027-12-31"),
                   "Goal text repeated on every indicator row (one goal, several rows). Focus "
                   "area rows span all three columns (horizontally merged) and give the area of "
                   "the goals below. Målnivå column ignored.")


# ===========================================================================
# h13  PDF (reportlab, slides)  hyvinvointialue, one goal per page
# ===========================================================================
def h13():
    from reportlab.lib.pagesizes import A4, landscape as rl_land
    from reportlab.pdfgen import canvas
    from reportlab.lib.colors import HexColor, white
    rl_fonts()
    name = "h13-slides-one-goal-per-page-hyvinvointialue"
    org = "Kaarnamaan hyvinvointialue"
    title = "Hyvinvointialuejohtajan tavoitteet 2026"
    goals = [
        G("Hoitoon pääsyn parantaminen", [
            "Kiireettömään perusterveydenhuoltoon pääsy alle 14 vrk",
            "Suun terveydenhuollon hoitojonot alle 3 kk",
            "Palvelutarpeen arvio 7 arkipäivän kuluessa ≥ 90 %"], area="Asiakaslähtöiset palvelut"),
        G("Kotona asumisen tukeminen", [
            "75 vuotta täyttäneistä kotona asuu ≥ 92 %",
            "Ympärivuorokautisen palveluasumisen jonotusaika alle 3 kk"],
          area="Asiakaslähtöiset palvelut"),
        G("Talouden tasapainottaminen", [
            "Alijäämä enintään talousarvion mukainen (−18 milj. €)",
            "Ostopalvelujen kustannukset vähenevät 5 %",
            "Palveluverkkopäätökset toimeenpantu aikataulussa"], area="Kestävä talous"),
        G("Henkilöstön saatavuus ja pysyvyys", [
            "Vuokratyövoiman kustannukset vähenevät 30 %",
            "Henkilöstön vaihtuvuus ≤ 10 %",
            "Työnantajasuositteluindeksi (eNPS) ≥ 10"], area="Vetovoimainen työnantaja"),
        G("Tiedolla johtamisen vahvistaminen", [
            "Johdon raportointinäkymä käytössä",
            "Vaikuttavuusmittarit määritelty kaikille palvelualueille"], area="Uudistuva toiminta"),
    ]
    W, H = rl_land(A4)
    c = canvas.Canvas(str(OUT / f"{name}.pdf"), pagesize=(W, H))
    c.setTitle(title)
    c.setAuthor("Kaarnamaan hyvinvointialue / strategiayksikkö")
    blue, green = HexColor("#003B5C"), HexColor("#3FA796")
    total = len(goals) + 3

    def footer(n):
        c.setFont("DejaVu", 9)
        c.setFillColor(HexColor("#555555"))
        c.drawString(40, 22, "Kaarnamaan hyvinvointialue | Aluehallitus 24.2.2026 § 31")
        c.drawRightString(W - 40, 22, f"{n} ({total})")

    # cover
    c.setFillColor(blue)
    c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("DejaVu-Bold", 34)
    c.drawString(60, H / 2 + 30, title)
    c.setFont("DejaVu", 16)
    c.drawString(60, H / 2 - 10, "Aluehallitus 24.2.2026 § 31")
    c.drawString(60, H / 2 - 36, "Tavoitekausi 1.1.–31.12.2026")
    c.setFont("DejaVu", 11)
    c.drawString(60, 60, "KAARNAMAAN HYVINVOINTIALUE")
    c.showPage()
    # overview
    c.setFillColor(blue)
    c.setFont("DejaVu-Bold", 26)
    c.drawString(60, H - 90, "Strategiset teemat 2026–2027")
    c.setFont("DejaVu", 16)
    c.setFillColor(HexColor("#222222"))
    y = H - 150
    for th in ("Asiakaslähtöiset palvelut", "Kestävä talous", "Vetovoimainen työnantaja",
               "Uudistuva toiminta"):
        c.drawString(80, y, "›  " + th)
        y -= 34
    footer(2)
    c.showPage()
    for i, g in enumerate(goals, 1):
        c.setFillColor(green)
        c.rect(0, H - 50, W, 50, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("DejaVu", 14)
        c.drawString(60, H - 33, "STRATEGINEN TEEMA: " + g["area"].upper())
        c.setFillColor(blue)
        c.setFont("DejaVu-Bold", 30)
        c.drawString(60, H - 120, g["title"])
        c.setFont("DejaVu-Bold", 15)
        c.setFillColor(HexColor("#444444"))
        c.drawString(60, H - 175, "Mittarit ja tavoitetasot")
        c.setFont("DejaVu", 17)
        y = H - 215
        for ind in g["indicators"]:
            c.setFillColor(green)
            c.rect(64, y + 3, 7, 7, stroke=0, fill=1)
            c.setFillColor(HexColor("#222222"))
            c.drawString(84, y, ind)
            y -= 36
        footer(i + 2)
        c.showPage()
    c.setFillColor(blue)
    c.setFont("DejaVu-Bold", 26)
    c.drawString(60, H - 90, "Seuranta ja arviointi")
    c.setFont("DejaVu", 16)
    c.setFillColor(HexColor("#222222"))
    for k, line in enumerate(("Väliraportti aluehallitukselle syyskuussa 2026",
                              "Loppuarvio helmikuussa 2027",
                              "Arvioinnin valmistelee aluehallituksen puheenjohtajisto")):
        c.drawString(80, H - 150 - 34 * k, "›  " + line)
    footer(total)
    c.showPage()
    c.save()
    # expected: area written in caps on slide; use the overview's mixed-case form
    write_expected(name, "slides-one-goal-per-page+hyvinvointialue", "pdf", "fi", org, title,
                   goals, ["syyskuu 2026", "helmikuu 2027"], [("2026-02-24", "Aluehallitus")],
                   ("2026-01-01", "2026-12-31"),
                   "Slide-like landscape PDF drawn with reportlab: cover, overview of strategic "
                   "themes (not goals), one goal per page, closing slide. On each goal slide the "
                   "band reads 'STRATEGINEN TEEMA: ASIAKASLÄHTÖISET PALVELUT' in capitals; the "
                   "expected area uses the mixed-case form from the overview slide (compare "
                   "case-insensitively). Bullets are drawn squares (no glyph). Target values are "
                   "inside the indicator text and kept.")


# ===========================================================================
# h14  PDF (reportlab platypus)  two columns, kuntayhtymä, 'Onnistumisen mittarit'
# ===========================================================================
def h14():
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer,
                                    NextPageTemplate, FrameBreak)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.lib.enums import TA_JUSTIFY
    rl_fonts()
    name = "h14-two-columns-kuntayhtyma-lapinsalo"
    org = "Lapinsalon koulutuskuntayhtymä"
    title = "Kuntayhtymän johtajan tavoitteet 2025"
    goals = [
        (G("Koulutustarjonnan sopeuttaminen alueen työvoimatarpeisiin", [
            "Työllistyneiden ja jatko-opintoihin siirtyneiden osuus vähintään 75 %",
            "Uudet tutkinnon osat metsä- ja rakennusalalle käytössä",
            "Yritysyhteistyösopimuksia vähintään 40"]),
         "Alueen yritykset ovat nostaneet esiin pulan metsäkoneenkuljettajista ja rakennusalan "
         "ammattilaisista. Kuntayhtymä kohdentaa aloituspaikkoja uudelleen yhdessä jäsenkuntien "
         "kanssa."),
        (G("Talouden tasapaino ja rahoituksen ennakointi", [
            "Tilikauden tulos vähintään 0 euroa",
            "Suoritepohjaisen rahoituksen osuus kasvaa",
            "Toimitilakustannukset vähenevät 4 %"]),
         "Ammatillisen koulutuksen rahoitusmallin muutokset edellyttävät tarkkaa ennakointia ja "
         "kustannusten hallintaa."),
        (G("Opiskelijoiden hyvinvointi ja opintojen läpäisy", [
            "Opintojen keskeyttäminen alle 8 %",
            "Opiskelijapalautteen kokonaistyytyväisyys vähintään 4,1"]),
         "Oppimisen tukea ja opiskeluhuoltoa vahvistetaan kaikissa toimipisteissä."),
        (G("Henkilöstön osaamisen ja työhyvinvoinnin kehittäminen", [
            "Henkilöstökyselyn johtamisindeksi vähintään 3,8",
            "Jokaisella opettajalla vähintään viisi täydennyskoulutuspäivää"]),
         "Digitaalisten oppimisympäristöjen käyttöönotto edellyttää osaamisen päivittämistä."),
    ]
    W, H = A4
    m = 2 * cm
    gap = 0.8 * cm
    colw = (W - 2 * m - gap) / 2
    top_h = 4.2 * cm

    def deco(c, d):
        c.saveState()
        c.setFont("DejaVu", 8)
        c.drawString(m, H - 1.2 * cm, "LAPINSALON KOULUTUSKUNTAYHTYMÄ")
        c.drawRightString(W - m, H - 1.2 * cm, "Yhtymähallitus 27.1.2025 § 9, liite 3")
        c.line(m, H - 1.35 * cm, W - m, H - 1.35 * cm)
        c.drawCentredString(W / 2, 1.1 * cm, f"Sivu {d.page}")
        c.restoreState()

    f_top = Frame(m, H - m - top_h, W - 2 * m, top_h, id="top")
    f1 = Frame(m, m, colw, H - 2 * m - top_h, id="c1")
    f2 = Frame(m + colw + gap, m, colw, H - 2 * m - top_h, id="c2")
    g1 = Frame(m, m, colw, H - 2 * m, id="d1")
    g2 = Frame(m + colw + gap, m, colw, H - 2 * m, id="d2")
    doc = BaseDocTemplate(str(OUT / f"{name}.pdf"), pagesize=A4, title=title,
                          author="Lapinsalon koulutuskuntayhtymä")
    doc.addPageTemplates([PageTemplate(id="first", frames=[f_top, f1, f2], onPage=deco),
                          PageTemplate(id="rest", frames=[g1, g2], onPage=deco)])
    base = ParagraphStyle("b", fontName="DejaVuSerif", fontSize=9.5, leading=12.5,
                          alignment=TA_JUSTIFY, spaceAfter=5)
    h1 = ParagraphStyle("h1", fontName="DejaVu-Bold", fontSize=19, leading=23, spaceAfter=6)
    h2 = ParagraphStyle("h2", fontName="DejaVu-Bold", fontSize=11, leading=14, spaceBefore=8,
                        spaceAfter=4)
    h3 = ParagraphStyle("h3", fontName="DejaVu-Bold", fontSize=9.5, leading=12, spaceAfter=2,
                        textColor="#1F5F8B")
    bl = ParagraphStyle("bl", parent=base, leftIndent=12, bulletIndent=2, alignment=0,
                        spaceAfter=2)
    story = [Paragraph(title, h1),
             Paragraph("Yhtymähallitus 27.1.2025 § 9. Tavoitekausi 1.1.–31.12.2025.", base),
             Paragraph("Tavoitteet perustuvat kuntayhtymän strategiaan 2023–2027 ja yhtymä"
                       "valtuuston hyväksymään talousarvioon.", base),
             NextPageTemplate("rest"), FrameBreak(),
             Paragraph("Johdanto", h2),
             Paragraph("Yhtymähallitus asettaa kuntayhtymän johtajalle vuosittain tavoitteet, "
                       "jotka kirjataan johtajasopimuksen liitteeksi. Tavoitteiden asettamisessa "
                       "on kuultu jäsenkuntien edustajia ja henkilöstöjärjestöjä. Jokaisen "
                       "tavoitteen kohdalla on kuvattu lähtötilanne ja onnistumisen mittarit.",
                       base)]
    for i, (g, desc) in enumerate(goals, 1):
        story.append(Paragraph(f"{i}. {g['title']}", h2))
        story.append(Paragraph(desc, base))
        story.append(Paragraph("Onnistumisen mittarit", h3))
        for ind in g["indicators"]:
            story.append(Paragraph(ind, bl, bulletText="•"))
    story += [Paragraph("Arviointi", h2),
              Paragraph("Tavoitteiden toteutumista käsitellään yhtymähallituksen "
                        "puheenjohtajiston kanssa kesäkuussa 2025, ja loppuarvio tehdään "
                        "tammikuussa 2026. Arvio kirjataan yhtymähallituksen pöytäkirjaan.", base),
              Spacer(1, 10),
              Paragraph("Lapinsalossa 28.1.2025", base),
              Paragraph("Erkki Halonen, yhtymähallituksen puheenjohtaja", base)]
    doc.build(story)
    write_expected(name, "two-columns+kuntayhtyma+onnistumisen-mittarit", "pdf", "fi", org, title,
                   [g for g, _ in goals], ["kesäkuu 2025", "tammikuu 2026"],
                   [("2025-01-27", "Yhtymähallitus")], ("2025-01-01", "2025-12-31"),
                   "Text flows in two columns (reportlab frames); a full-width title block on "
                   "page 1 only. Goals numbered bold headings with a description paragraph, then "
                   "'Onnistumisen mittarit' subheading and bullets. Long goal titles wrap inside "
                   "the narrow column. Signature date 28.1.2025 is not a handling date.")


# ===========================================================================
# h15  PDF (reportlab)  scanned-looking: page image + invisible OCR text layer;
#      goals without any indicators
# ===========================================================================
def h15():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    from PIL import Image, ImageDraw, ImageFont, ImageFilter
    import io
    rl_fonts()
    name = "h15-scanned-ocr-no-indicators-korpilampi"
    org = "Korpilammen kunta"
    title = "Kunnanjohtajan tavoitteet 2024"
    goal_texts = [
        "Kunnanjohtaja johtaa talouden tasapainottamisohjelman valmistelua niin, että "
        "ohjelma hyväksytään valtuustossa kesäkuun loppuun mennessä",
        "Kunnanjohtaja vastaa koulukeskuksen rakentamishankkeen etenemisestä hyväksytyssä "
        "aikataulussa ja kustannusarviossa",
        "Elinkeinoelämän toimintaedellytyksiä parannetaan tiiviissä yhteistyössä yrittäjä"
        "järjestön ja seudullisen kehitysyhtiön kanssa",
        "Kunnan henkilöstön työhyvinvointia ja esihenkilötyötä kehitetään",
        "Kunnan viestintää ja asukasvuorovaikutusta parannetaan ottamalla käyttöön uusi "
        "verkkosivusto ja säännölliset asukasillat",
    ]
    W, H = A4
    lines = []  # (text, font, size, x, y)
    y = H - 70
    lines.append(("KORPILAMMEN KUNTA", "DejaVuSerif-Bold", 12, 60, y))
    lines.append(("PÖYTÄKIRJANOTE", "DejaVuSerif", 10, 380, y))
    y -= 15
    lines.append(("Kunnanhallitus", "DejaVuSerif", 10, 60, y))
    lines.append(("5.2.2024 § 19", "DejaVuSerif", 10, 380, y))
    y -= 45
    lines.append((title.upper(), "DejaVuSerif-Bold", 13, 60, y))
    y -= 28

    def block(text, font="DejaVuSerif", size=10.5, x=60, width=470, hang=0, lead=14):
        nonlocal y
        for k, ln in enumerate(wrap_to_width(text, font, size, width - hang)):
            lines.append((ln, font, size, x + (hang if k else 0), y))
            y -= lead
        y -= 6

    block("Kunnanhallitus on käsitellyt kunnanjohtajan tavoitteet johtajasopimuksen mukaisesti. "
          "Tavoitteet koskevat kalenterivuotta 2024, ja niiden toteutumista arvioidaan "
          "tammikuussa 2025.")
    block("Kunnanjohtajan tavoitteet vuodelle 2024 ovat:")
    for i, g in enumerate(goal_texts, 1):
        first = wrap_to_width(g, "DejaVuSerif", 10.5, 440)
        lines.append((f"{i})", "DejaVuSerif", 10.5, 66, y))
        for k, ln in enumerate(first):
            lines.append((ln, "DejaVuSerif", 10.5, 90, y))
            y -= 14
        y -= 6
    y -= 6
    block("Tavoitteista ei makseta erillistä tulospalkkiota. Kunnanhallitus arvioi tavoitteiden "
          "toteutumisen osana kunnanjohtajan kehityskeskustelua.")
    y -= 10
    block("Päätös: Kunnanhallitus hyväksyi kunnanjohtajan tavoitteet vuodelle 2024.")
    y -= 30
    lines.append(("Pöytäkirjanotteen oikeaksi todistaa", "DejaVuSerif", 10, 60, y))
    y -= 14
    lines.append(("Korpilammella 7.2.2024   Leena Partanen, hallintojohtaja", "DejaVuSerif",
                  10, 60, y))
    lines.append(("1 (1)", "DejaVuSerif", 9, 500, 40))

    dpi = 110
    s = dpi / 72.0
    img = Image.new("L", (int(W * s), int(H * s)), 246)
    dr = ImageDraw.Draw(img)
    fonts = {}
    for text, font, size, x, yy in lines:
        key = (font, size)
        if key not in fonts:
            fn = "DejaVuSerif-Bold.ttf" if "Bold" in font else "DejaVuSerif.ttf"
            fonts[key] = ImageFont.truetype(os.path.join(FONT_DIR, fn), int(round(size * s)))
        f = fonts[key]
        asc = f.getmetrics()[0]
        dr.text((x * s, (H - yy) * s - asc), text, font=f, fill=35)
    # scanner noise: speckles + slight blur + a grey edge shadow
    rnd = random.Random(15)
    for _ in range(2500):
        px, py = rnd.randrange(img.width), rnd.randrange(img.height)
        dr.point((px, py), fill=rnd.randrange(150, 220))
    dr.rectangle((0, 0, 10, img.height), fill=200)
    img = img.filter(ImageFilter.GaussianBlur(0.5)).rotate(0.25, fillcolor=246)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=55)
    buf.seek(0)
    c = canvas.Canvas(str(OUT / f"{name}.pdf"), pagesize=A4)
    c.setCreator("Canon iR-ADV C5535 / OCR")
    c.drawImage(ImageReader(buf), 0, 0, W, H)
    for text, font, size, x, yy in lines:
        to = c.beginText(x, yy)
        to.setTextRenderMode(3)
        to.setFont(font, size)
        to.textOut(text)
        c.drawText(to)
    c.showPage()
    c.save()
    write_expected(name, "scanned-ocr-layer+no-indicators", "pdf", "fi", org, title,
                   [G(t) for t in goal_texts], ["tammikuu 2025"],
                   [("2024-02-05", "Kunnanhallitus")], None,
                   "Page is a JPEG image (noise, slight rotation) with an invisible text layer "
                   "(render mode 3), like OCR output. Goals are five '1)'-numbered sentence "
                   "paragraphs, most wrapped over 2 lines; no indicators at all. 'Kalenterivuosi "
                   "2024' is stated without dates -> period null. Decision sentence and "
                   "certification lines are not goals.")


# ===========================================================================
# h16  PDF (reportlab canvas)  decimal outline 1. theme / 1.1 goal; odd bullet
#      glyphs: own line before the text, U+007F control char, private-use char
# ===========================================================================
def h16():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    rl_fonts()
    name = "h16-decimal-outline-odd-bullets-mantyrinne"
    org = "Mäntyrinteen kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2027"
    themes = [
        ("Elinvoima ja kasvu", [
            G("Asuntotuotannon edellytysten parantaminen", [
                "Asemakaavoitettu tonttivaranto vähintään 300 asunnolle",
                "Valmistuneita asuntoja vähintään 150"]),
            G("Elinkeinopalvelujen uudistaminen", [
                "Yrityspalvelujen asiakastyytyväisyys ≥ 4,2",
                "Uusia työpaikkoja 200"]),
        ]),
        ("Hyvinvointi ja sivistys", [
            G("Oppimistulosten parantaminen", [
                "Perusopetuksen päättäneistä jatko-opintoihin siirtyy 99 %",
                "Kansallisten arviointien tulokset vähintään maan keskitasoa"]),
            G("Kulttuuri- ja liikuntapalvelujen saavutettavuus", [
                "Kirjastojen käyttökerrat kasvavat 5 %"]),
        ]),
        ("Talous ja organisaatio", [
            G("Kaupungin talous on tasapainossa", [
                "Vuosikate vähintään poistojen suuruinen",
                "Konsernin lainakanta ei kasva"]),
            G("Organisaatiouudistuksen toteuttaminen", [
                "Uusi toimialarakenne voimassa 1.8.2027",
                "Henkilöstökyselyn muutosjohtamisindeksi ≥ 3,5"]),
        ]),
    ]
    W, H = A4
    c = canvas.Canvas(str(OUT / f"{name}.pdf"), pagesize=A4)
    c.setCreator("Mäntyrinne asianhallinta 4.2 PDF export")
    state = {"y": H - 80, "page": 1}

    def newpage_if(needed):
        if state["y"] < 70 + needed:
            foot()
            c.showPage()
            state["page"] += 1
            state["y"] = H - 70
            head()

    def head():
        c.setFont("DejaVu", 8)
        c.drawString(56, H - 40, "Mäntyrinteen kaupunki  |  Kaupunginhallitus 1.3.2027 § 40")

    def foot():
        c.setFont("DejaVu", 8)
        c.drawCentredString(W / 2, 36, f"– {state['page']} –")

    def line(text, font="DejaVu", size=10.5, x=56, lead=15):
        newpage_if(lead)
        c.setFont(font, size)
        c.drawString(x, state["y"], text)
        state["y"] -= lead

    head()
    line(title, "DejaVu-Bold", 17, lead=26)
    line("Kaupunginhallitus 1.3.2027 § 40", lead=15)
    line("Tavoitteiden toteutumista seurataan elokuussa 2027 ja arvioidaan tammikuussa 2028.",
         lead=24)
    style_cycle = ["ownline", "del", "pua", "ownline", "del", "pua"]
    gi = 0
    for ti, (theme, gl) in enumerate(themes, 1):
        state["y"] -= 6
        line(f"{ti}. {theme}", "DejaVu-Bold", 13, lead=20)
        for gj, g in enumerate(gl, 1):
            g["area"] = theme
            line(f"{ti}.{gj}  {g['title']}", "DejaVu-Bold", 11, x=70, lead=16)
            mode = style_cycle[gi]
            gi += 1
            for ind in g["indicators"]:
                if mode == "ownline":
                    # bullet glyph as its own text line, text on the next line
                    line("\u2022", "DejaVu", 10.5, x=86, lead=12)
                    line(ind, "DejaVu", 10.5, x=98, lead=15)
                elif mode == "del":
                    newpage_if(15)
                    c.setFont("Helvetica", 10.5)
                    c.drawString(86, state["y"], "\x7f")
                    c.setFont("DejaVu", 10.5)
                    c.drawString(98, state["y"], ind)
                    state["y"] -= 15
                else:
                    newpage_if(15)
                    c.setFont("DejaVu", 10.5)
                    c.drawString(86, state["y"], "\uf0b7")
                    c.drawString(98, state["y"], ind)
                    state["y"] -= 15
            state["y"] -= 5
    state["y"] -= 10
    line("Tavoitteet on käsitelty kaupunginjohtajan kanssa 20.2.2027.")
    line("Kaupunginhallituksen puheenjohtaja Sari Lindroos")
    foot()
    c.showPage()
    c.save()
    goals = [g for _, gl in themes for g in gl]
    write_expected(name, "decimal-outline+odd-bullet-glyphs", "pdf", "fi", org, title, goals,
                   ["elokuu 2027", "tammikuu 2028"], [("2027-03-01", "Kaupunginhallitus")], None,
                   "Themes '1. …' (areas), goals '1.1 …'. Bullets vary per goal: a '•' glyph "
                   "on its own text line with the indicator on the next line; U+007F drawn in a "
                   "separate Helvetica run (pdftotext shows it as a black square); U+F0B7 (private use) drawn in a separate run with a font that has no glyph for it, so text extraction shows no marker at all for goals 2.1 and 3.2. "
                   "'1.8.2027' inside an indicator and 20.2.2027 (discussion) are not "
                   "handling/period dates.")


# ===========================================================================
# XLSX documents
# ===========================================================================
def _xl_common():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    thin = Side(style="thin", color="999999")
    return Workbook, Alignment, Border(left=thin, right=thin, top=thin, bottom=thin), Font, PatternFill


def h17():
    Workbook, Alignment, border, Font, Fill = _xl_common()
    name = "h17-xlsx-title-note-blocks-koskenranta"
    org = "Koskenrannan kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    data = [
        ("Talous tasapainoon", 30, [("Tilikauden tulos", "≥ 0 €", "ennuste +0,4 M€"),
                                    ("Vuosikate/poistot", "≥ 100 %", "96 %"),
                                    ("Lainakanta €/as.", "≤ 3 500", "3 410")]),
        ("Elinvoiman vahvistaminen", 20, [("Uudet yritykset", "20", "11"),
                                          ("Myydyt omakotitontit", "12", "5")]),
        ("Sivistyspalvelujen laatu", 20, [("Perusopetuksen tuntikehys/oppilas", "≥ 1,9", "1,92"),
                                          ("Varhaiskasvatuksen asiakastyytyväisyys", "≥ 4,3", "")]),
        ("Henkilöstön hyvinvointi", 20, [("Sairauspoissaolot pv/htv", "≤ 14", "9,8"),
                                         ("Työhyvinvointikyselyn vastausaste", "≥ 70 %", "74 %"),
                                         ("Esihenkilötyön arvio", "≥ 3,8", "")]),
        ("Digitalisaatio", 10, [("Sähköisen asioinnin palvelut", "+5 kpl", "3 kpl")]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tavoitteet 2026"
    ws["A1"] = f"KOSKENRANNAN KUNTA – {title.upper()}"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws["A2"] = ("Hyväksytty kunnanhallituksessa 20.4.2026 § 77. Seuranta elokuu 2026 ja "
                "tammikuu 2027. Toteuma-sarake täytetään seurantapisteissä.")
    ws["A2"].font = Font(italic=True, size=9)
    ws.merge_cells("A2:F2")
    hdr = ["Nro", "Tavoite", "Paino %", "Mittari", "Tavoitetaso", "Toteuma 31.8.2026"]
    for c, v in enumerate(hdr, 1):
        cell = ws.cell(row=4, column=c, value=v)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = Fill("solid", fgColor="1F4E78")
        cell.border = border
    r = 5
    goals = []
    for n, (gt, w, inds) in enumerate(data, 1):
        for k, (m, lvl, tot) in enumerate(inds):
            vals = [n if k == 0 else None, gt if k == 0 else None, w if k == 0 else None,
                    m, lvl, tot or None]
            for c, v in enumerate(vals, 1):
                cell = ws.cell(row=r, column=c, value=v)
                cell.border = border
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            r += 1
        goals.append(G(gt, [m for m, _, _ in inds], weight=w))
    ws.cell(row=r + 1, column=1, value="Yhteensä")
    ws.cell(row=r + 1, column=3, value=f"=SUM(C5:C{r - 1})")
    for col, wdt in zip("ABCDEF", (6, 28, 9, 38, 14, 18)):
        ws.column_dimensions[col].width = wdt
    ws.freeze_panes = "A5"
    wb.save(OUT / f"{name}.xlsx")
    write_expected(name, "xlsx-title-note+goal-blocks+paino", "xlsx", "fi", org, title, goals,
                   ["elokuu 2026", "tammikuu 2027"], [("2026-04-20", "Kunnanhallitus")], None,
                   "Title row and a note row (handling + checkpoints) above the header in row 4. "
                   "Goal, number and weight only on the first row of each block; one indicator "
                   "per row. Tavoitetaso and 'Toteuma 31.8.2026' (follow-up values) ignored. A "
                   "'Yhteensä' row with a SUM formula at the bottom is not a goal. The header "
                   "column 'Toteuma 31.8.2026' is a date, not a checkpoint label.")


def h18():
    Workbook, Alignment, border, Font, Fill = _xl_common()
    name = "h18-xlsx-bilingual-row-per-goal-jarvikyla"
    org = "Järvikylän kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    data = [
        ("Elinvoima", "Livskraft", "Yritysten sijoittumisen edistäminen",
         "Att främja företagsetableringar",
         ["Uusia yrityksiä 15", "Teollisuustontin myynti", "Yrityskäynnit 25 kpl"], "nl"),
        ("Elinvoima", "Livskraft", "Matkailun kehittäminen", "Att utveckla turismen",
         ["Yöpymiset kasvavat 8 %", "Matkailustrategia valmis"], "semi"),
        ("Hyvinvointi", "Välfärd", "Kaksikielisten palvelujen laadun turvaaminen",
         "Att trygga kvaliteten i den tvåspråkiga servicen",
         ["Asiakaskyselyn tulos vähintään 4", "Ruotsinkielinen varhaiskasvatus ilman jonoja"],
         "nl"),
        ("Hyvinvointi", "Välfärd", "Ennaltaehkäisevän työn vahvistaminen",
         "Att stärka det förebyggande arbetet",
         ["Hyvinvointikertomus päivitetty", "Nuorten harrastustakuu toteutuu",
          "Liikuntaneuvonnan asiakkaat +20 %"], "semi"),
        ("Talous", "Ekonomi", "Talous tasapainossa", "Ekonomin i balans",
         ["Tulos ylijäämäinen", "Lainakanta alle 3 000 €/as."], "nl"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tavoitteet - Mål"
    ws["A1"] = "Järvikylän kunta – Sjöby kommun"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"{title} / Kommundirektörens mål 2026"
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = ("Kunnanhallitus / Kommunstyrelsen 16.2.2026 § 25. Seuranta syyskuu 2026 ja "
                "tammikuu 2027 / Uppföljning september 2026 och januari 2027.")
    hdr = ["Teema / Tema", "Tavoite", "Mål", "Mittarit / Mätare", "Vastuuhenkilö / Ansvarig"]
    for c, v in enumerate(hdr, 1):
        cell = ws.cell(row=5, column=c, value=v)
        cell.font = Font(bold=True)
        cell.fill = Fill("solid", fgColor="FFF2CC")
        cell.border = border
    goals = []
    for r, (afi, asv, gfi, gsv, inds, mode) in enumerate(data, 6):
        vals = [f"{afi}\n{asv}", gfi, gsv,
                "\n".join(inds) if mode == "nl" else "; ".join(inds), "kunnanjohtaja"]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
            if c == 3:
                cell.font = Font(italic=True)
        ws.row_dimensions[r].height = 15 * max(3, len(inds))
        goals.append(G(gfi, inds, area=afi))
    for col, wdt in zip("ABCDE", (16, 36, 36, 42, 18)):
        ws.column_dimensions[col].width = wdt
    wb.save(OUT / f"{name}.xlsx")
    write_expected(name, "xlsx-row-per-goal+bilingual", "xlsx", "mixed", org, title, goals,
                   ["syyskuu 2026", "tammikuu 2027"], [("2026-02-16", "Kunnanhallitus")], None,
                   "One row per goal. Finnish goal in 'Tavoite', Swedish translation in 'Mål' "
                   "(plain text, per the Finnish-is-the-goal convention). Indicators in one "
                   "cell separated by line breaks (rows 6, 8, 10) or by '; ' (rows 7, 9). Theme "
                   "cell holds 'Elinvoima\\nLivskraft': the Finnish line is the area. "
                   "'Vastuuhenkilö' column ignored.")


def h19():
    Workbook, Alignment, border, Font, Fill = _xl_common()
    name = "h19-xlsx-sv-cover-sheet-nordana"
    org = "Nordanå kommun"
    title = "Kommundirektörens mål 2025"
    data = [
        ("Ekonomi", [("Budgeten hålls", 25, ["Nettodriftskostnader enligt budget",
                                               "Årsbidraget täcker avskrivningarna"]),
                     ("Investeringsnivån sänks", 15, ["Investeringar högst 4 miljoner euro"])]),
        ("Service", [("Digitala tjänster införs", 20, ["Antal e-tjänster", "Användarnöjdhet"]),
                     ("Äldreomsorgen samordnas med välfärdsområdet", 15,
                      ["Samarbetsavtal undertecknat"])]),
        ("Personal", [("Ett tryggt och engagerat arbetsklimat", 25,
                       ["Sjukfrånvaro under 5 %", "Resultat i personalenkäten minst 3,8",
                        "Utvecklingssamtal med all personal"])]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Pärm"
    ws["A1"] = "NORDANÅ KOMMUN"
    ws["A1"].font = Font(bold=True, size=16)
    ws["A3"] = title
    ws["A3"].font = Font(bold=True, size=14)
    ws["A5"] = "Behandlad: Kommunstyrelsen 24.3.2025 § 45"
    ws["A6"] = "Målperiod: 1.1.2025–31.12.2025"
    ws["A8"] = ("Kommunstyrelsen fastställer kommundirektörens mål årligen. Målen och mätarna "
                "finns på fliken \"Mål 2025\". Viktningen anger hur stor del av resultatlönen "
                "som är bunden till respektive mål.")
    ws["A8"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A8:F11")
    ws["A13"] = "Uppföljning: augusti 2025 och februari 2026"
    ws["A15"] = "Kontaktperson: förvaltningschef Mikael Holm"
    ws.column_dimensions["A"].width = 20
    ws2 = wb.create_sheet("Mål 2025")
    hdr = ["Fokusområde", "Mål", "Mätare", "Vikt %", "Uppföljning augusti 2025"]
    for c, v in enumerate(hdr, 1):
        cell = ws2.cell(row=1, column=c, value=v)
        cell.font = Font(bold=True)
        cell.border = border
    r = 2
    goals = []
    for area, gl in data:
        first_area = True
        for gt, w, inds in gl:
            for k, ind in enumerate(inds):
                vals = [area if first_area else None, gt if k == 0 else None, ind,
                        w if k == 0 else None, None]
                first_area = False
                for c, v in enumerate(vals, 1):
                    cell = ws2.cell(row=r, column=c, value=v)
                    cell.border = border
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                r += 1
            goals.append(G(gt, inds, area=area, weight=w))
    for col, wdt in zip("ABCDE", (16, 40, 40, 8, 28)):
        ws2.column_dimensions[col].width = wdt
    ws3 = wb.create_sheet("Ändringslogg")
    ws3.append(["Datum", "Ändring"])
    ws3.append(["10.3.2025", "Utkast till presidiet"])
    ws3.append(["24.3.2025", "Godkänd i kommunstyrelsen"])
    wb.save(OUT / f"{name}.xlsx")
    write_expected(name, "xlsx-cover-sheet+goal-sheet", "xlsx", "sv", org, title, goals,
                   ["augusti 2025", "februari 2026"], [("2025-03-24", "Kommunstyrelsen")],
                   ("2025-01-01", "2025-12-31"),
                   "Three sheets: cover 'Pärm' (title, handling, period, checkpoints as text), "
                   "'Mål 2025' with the goals, and a change log (not goals; '10.3.2025 Utkast' "
                   "is not a handling). Area only on the first row of its block, goal + weight "
                   "on the first row of the goal's block, one indicator per row. The empty "
                   "'Uppföljning augusti 2025' column is a checkpoint column.")


# ===========================================================================
# TXT documents
# ===========================================================================
def outlook_wrap(text, width=72):
    out = []
    for ln in text.split("\n"):
        if len(ln) <= width:
            out.append(ln)
        else:
            out.extend(textwrap.wrap(ln, width=width, break_long_words=False,
                                     break_on_hyphens=False))
    return "\n".join(out)


def h20():
    name = "h20-email-paste-wrapped-ilvesharju"
    org = "Ilvesharjun kunta"
    title = "Kunnanjohtajan tavoitteet 2027"
    goals = [
        ("-", G("Kunnan talouden tasapainottaminen ja veroprosentin pitäminen ennallaan", [
            "tilinpäätös ylijäämäinen", "lainakanta ei kasva",
            "talousarvion toteumaraportit kunnanhallitukselle neljännesvuosittain ja "
            "poikkeamista erillinen selvitys"])),
        ("-", G("Koulujen ja päiväkotien palveluverkkoratkaisun valmistelu valtuuston "
                "päätettäväksi kevään aikana", [
                    "selvitys valmis huhtikuussa",
                    "kuulemistilaisuudet pidetty kaikilla kyläkouluilla"])),
        ("*", G("Tuulivoimahankkeiden kaavoitus", [
            "osayleiskaava nähtävillä", "kiinteistöverotulojen ennuste päivitetty"])),
        ("-", G("Henkilöstön hyvinvointi", [
            "sairauspoissaolot vähenevät", "työterveyshuollon kumppanuussopimus uusittu"])),
    ]
    body = [
        "Lähettäjä: Hanna Virtanen <hanna.virtanen@ilvesharju.example>",
        "Lähetetty: maanantai 8. helmikuuta 2027 14.12",
        "Vastaanottaja: Kunnanhallitus <kh@ilvesharju.example>",
        "Aihe: Kunnanjohtajan tavoitteet 2027 - KH:n päätös",
        "",
        "Hei kaikki,",
        "",
        "kunnanhallitus hyväksyi tänään (Kunnanhallitus 8.2.2027 § 20) kunnanjohtajan tavoitteet "
        "vuodelle 2027. Alla tavoitteet sellaisenaan, virallinen liite tulee pöytäkirjan mukana "
        "myöhemmin.",
        "",
        "Tavoitteet 2027:",
        "",
    ]
    for i, (mark, g) in enumerate(goals, 1):
        body.append(f"{i}) {g['title']}")
        for ind in g["indicators"]:
            body.append(f"   {mark} {ind}")
        body.append("")
    body += [
        "Seuranta elokuussa 2027 ja arviointi tammikuussa 2028. Muistakaa, että tavoitteista "
        "keskustellaan vielä iltakoulussa ennen kesää.",
        "",
        "Terveisin",
        "Hanna",
        "",
        "Hanna Virtanen",
        "hallintojohtaja",
        "Ilvesharjun kunta",
        "p. 040 123 4567",
        "",
    ]
    txt = outlook_wrap("\n".join(body))
    (OUT / f"{name}.txt").write_text(txt, encoding="utf-8")
    write_expected(name, "email-paste+outlook-wrap", "text", "fi", org, title,
                   [g for _, g in goals], ["elokuu 2027", "tammikuu 2028"],
                   [("2027-02-08", "Kunnanhallitus")], None,
                   "E-mail with header lines; goals '1)', indicators '-' (goal 3 uses '*'). "
                   "Hard wrapping at 72 characters (continuation lines start at column 0, "
                   "without the list indentation): goal 2's title and one indicator of goal 1 "
                   "are split over two lines. 'huhtikuussa' inside an indicator is not a "
                   "checkpoint. The send date is the same day as the handling.")


def h21():
    name = "h21-sv-caps-themes-mal-matare-vasterfjard"
    org = "Västerfjärds kommun"
    title = "KOMMUNDIREKTÖRENS MÅL FÖR ÅR 2024"
    themes = [
        ("HÅLLBAR EKONOMI", [
            G("Ekonomin i balans", ["Positivt årsresultat", "Skatteöret hålls oförändrat"]),
            G("Effektivare lokalanvändning", ["Lokalytan minskar med 2 000 m2"]),
        ]),
        ("LIVSKRAFT OCH ATTRAKTIVITET", [
            G("Fler invånare och företag", ["Nettoinflyttningen är positiv",
                                            "Antalet nya företag minst 15",
                                            "Detaljplanen för Strandgärdet godkänd"]),
            G("Stärkt samarbete med föreningslivet",
              ["Föreningsforum ordnas två gånger per år"]),
        ]),
        ("PERSONAL OCH LEDARSKAP", [
            G("Gott ledarskap – nöjda medarbetare", ["Resultatet i personalenkäten minst 3,9",
                                                     "Sjukfrånvaron under 4,5 %"]),
            G("Kompetensförsörjningen säkras", []),
        ]),
    ]
    L = ["VÄSTERFJÄRDS KOMMUN                                   BILAGA 2",
         "Kommunstyrelsen 11.3.2024 § 33", "", title, "",
         "Målperiod 1.1.2024–31.12.2024. Uppföljning augusti 2024, utvärdering januari 2025.", ""]
    n = 0
    goals = []
    for theme, gl in themes:
        L += [theme, ""]
        for g in gl:
            n += 1
            L.append(f"Mål {n}: {g['title']}")
            for ind in g["indicators"]:
                L.append(f"Mätare: {ind}")
            L.append("")
            g["area"] = theme
            goals.append(g)
    L += ["Målen följs upp av kommunstyrelsens presidium. Kommundirektören rapporterar "
          "måluppfyllelsen skriftligt.", "",
          "Västerfjärd 12.3.2024", "Kommunstyrelsens ordförande Birgitta Sundqvist", ""]
    (OUT / f"{name}.txt").write_bytes("\r\n".join(L).encode("cp1252"))
    write_expected(name, "sv-caps-themes+mal-matare-labels", "text", "sv", org, title, goals,
                   ["augusti 2024", "januari 2025"], [("2024-03-11", "Kommunstyrelsen")],
                   ("2024-01-01", "2024-12-31"),
                   "Encoded in Windows-1252 with CRLF line endings. ALL CAPS theme lines are "
                   "areas (kept as written, in capitals). 'Mål N:' and 'Mätare:' label "
                   "prefixes stripped. Goal 6 has no indicators. The title is in capitals in "
                   "the document.")


# ===========================================================================
# h22  DOCX  Roman-numeral themes, arabic goals and en-dash indicators typed by hand
# ===========================================================================
def h22():
    name = "h22-roman-themes-typed-dashes-rantakyla"
    org = "Rantakylän kunta"
    title = "Kunnanjohtajan tavoitteet ja arviointikriteerit 2025"
    themes = [
        ("I", "Elinvoimainen Rantakylä", [
            G("Kylien elinvoiman tukeminen", ["kyläyhdistysten avustukset maksettu",
                                              "kyläkaavan valmistelu käynnistetty"]),
            G("Kunnan markkinointi ja tonttimyynti", ["myydyt tontit vähintään 8",
                                                      "uusi markkinointikampanja toteutettu"]),
        ]),
        ("II", "Hyvinvoivat kuntalaiset", [
            G("Liikuntapaikkojen kunnostusohjelma", ["uimahallin peruskorjauksen suunnitelma valmis",
                                                     "kuntoradan valaistus uusittu"]),
            G("Nuorten osallisuuden lisääminen", ["nuorisovaltuuston aloitteisiin vastattu "
                                                  "kahden kuukauden kuluessa"]),
            G("Yhteistyö hyvinvointialueen kanssa", ["yhteistyöryhmä kokoontuu neljästi",
                                                     "sote-palvelujen lähipisteen aukiolo "
                                                     "säilyy ennallaan",
                                                     "hyvinvointikertomus raportoitu"]),
        ]),
        ("III", "Toimiva organisaatio ja talous", [
            G("Talousarviossa pysyminen", ["toimintakulut toteutuvat talousarvion mukaisina"]),
            G("Johtamisjärjestelmän uudistaminen", ["johtoryhmän kokoonpano ja työjärjestys "
                                                    "uudistettu", "esihenkilöinfot kuukausittain"]),
        ]),
    ]
    doc = new_doc("Times New Roman", 12, 2.5)
    sec = doc.sections[0]
    p = sec.header.paragraphs[0]
    p.text = "RANTAKYLÄN KUNTA\t\tLiite 6 / KH 14.4.2025"
    page_footer(sec, "Sivu {PAGE}", align="left")
    para(doc, title, bold=True, size=14, align="center")
    para(doc, "Kunnanhallitus 14.4.2025 § 66", align="center")
    para(doc, "")
    para(doc, "Kunnanjohtajan tavoitteet on koottu valtuustokauden strategian kolmen "
              "painopisteen alle. Tavoitteiden alle on kirjattu arviointikriteerit.")
    n = 0
    goals = []
    for roman, theme, gl in themes:
        para(doc, "")
        para(doc, f"{roman}\t{theme.upper()}", bold=True)
        for g in gl:
            n += 1
            para(doc, f"{n}.\t{g['title']}", bold=True, space_after=0)
            for ind in g["indicators"]:
                pp = para(doc, f"–\t{ind}", indent_cm=1.25, space_after=0)
                pp.paragraph_format.first_line_indent = Cm(-0.6)
            g["area"] = theme.upper()
            goals.append(g)
    para(doc, "")
    para(doc, "Väliarvio tehdään kesäkuussa 2025. Kunnanjohtaja raportoi tavoitteiden "
              "toteutumisesta kunnanhallitukselle.")
    para(doc, "Tulospalkkiota ei makseta.")
    doc.save(OUT / f"{name}.docx")
    write_expected(name, "roman-themes+typed-numbers+en-dash-indicators", "docx", "fi", org,
                   title, goals, ["kesäkuu 2025"], [("2025-04-14", "Kunnanhallitus")], None,
                   "No Word numbering at all: everything typed by hand with tabs. Themes "
                   "'I<TAB>ELINVOIMAINEN RANTAKYLÄ' in bold capitals (area kept as written in "
                   "capitals, Roman numeral stripped); goals '1.<TAB>…' bold, numbering runs "
                   "1-7 across themes; indicators start with a typed en dash '–<TAB>' and lower "
                   "case.")


# ===========================================================================
# h23  PDF (LO from DOCX)  cover page + landscape table over two pages with
#      repeated header row; goal cell empty on continuation rows; 10 goals
# ===========================================================================
def h23():
    name = "h23-cover-landscape-long-table-vuorela"
    org = "Vuorelan kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2024"
    data = [
        ("Kaupunkistrategian toimeenpano ja strategiamittariston käyttöönotto kaikilla toimialoilla",
         [("Strategiamittariston raportointi kaupunginhallitukselle", "2 krt/v", "kaupunginjohtaja"),
          ("Toimialojen palvelusuunnitelmat päivitetty strategian mukaisiksi", "100 %", "toimialajohtajat")]),
        ("Talouden tasapainottamisohjelman toteuttaminen",
         [("Ohjelman säästötoimenpiteiden toteutuminen euroina", "4,5 M€", "talousjohtaja"),
          ("Tilikauden tulos", "≥ 0", "kaupunginjohtaja"),
          ("Henkilöstömenojen kasvu", "≤ 2 %", "henkilöstöjohtaja")]),
        ("Elinkeinopolitiikan ja yritysyhteistyön vahvistaminen",
         [("Yritysbarometrin kokonaisarvosana", "≥ 3,5", "elinkeinojohtaja"),
          ("Uusien työpaikkojen määrä yritysalueilla", "150", "elinkeinojohtaja")]),
        ("Asemakaavoituksen nopeuttaminen",
         [("Asemakaavojen keskimääräinen käsittelyaika", "≤ 12 kk", "kaavoitusjohtaja"),
          ("Kaavoitusohjelman toteutumisaste", "≥ 80 %", "kaavoitusjohtaja")]),
        ("Ilmasto-ohjelman käynnistäminen ja päästövähennysten seuranta",
         [("Kasvihuonekaasupäästöjen vähenemä vuoden 2007 tasosta", "-50 %", "ympäristöjohtaja")]),
        ("Palveluverkon sopeuttaminen väestökehitykseen",
         [("Palveluverkkosuunnitelma hyväksytty valtuustossa", "kesäkuu", "sivistysjohtaja"),
          ("Tyhjien tilojen määrä", "-5 000 m²", "tilapalvelupäällikkö")]),
        ("Sivistyspalvelujen laadun ja saavutettavuuden turvaaminen",
         [("Oppimisen tuen toteutuminen lain mukaisesti", "100 %", "sivistysjohtaja"),
          ("Varhaiskasvatukseen pääsy lakisääteisessä ajassa", "100 %", "varhaiskasvatusjohtaja")]),
        ("Henkilöstön saatavuuden ja pysyvyyden parantaminen",
         [("Täyttämättömät vakanssit", "< 3 %", "henkilöstöjohtaja"),
          ("Lähtövaihtuvuus", "< 9 %", "henkilöstöjohtaja"),
          ("Kuntapulssin suositteluindeksi", "≥ 0", "henkilöstöjohtaja")]),
        ("Digitaalisten palvelujen kehittäminen asukaslähtöisesti",
         [("Sähköisten asiointipalvelujen määrä", "+10", "tietohallintopäällikkö")]),
        ("Kaupunkikonsernin omistajaohjauksen tehostaminen",
         [("Tytäryhtiöiden tavoitteiden toteutuminen", "≥ 90 %", "kaupunginjohtaja"),
          ("Konsernijaoston raportointi neljännesvuosittain", "4 krt/v", "hallintojohtaja")]),
    ]
    doc = new_doc("Calibri", 10, 2.0)
    sec = doc.sections[0]
    page_footer(sec, "Vuorelan kaupunki – Kaupunginhallitus 30.1.2024 § 14 – {PAGE}/{NUMPAGES}",
                align="center", size=8)
    for _ in range(6):
        para(doc, "")
    para(doc, "VUORELAN KAUPUNKI", bold=True, size=20, align="center", color="1F3864")
    para(doc, "")
    para(doc, title, bold=True, size=28, align="center")
    para(doc, "Kaupunginhallitus 30.1.2024 § 14", size=14, align="center")
    para(doc, "Liite 2", size=14, align="center")
    # new landscape section
    new_sec = doc.add_section()
    landscape(new_sec)
    para(doc, "Tavoitteet ja mittarit", bold=True, size=14)
    para(doc, "Tavoitteet ovat voimassa 1.1.–31.12.2024. Väliarviointi tehdään toukokuussa 2024 "
              "ja syyskuussa 2024, loppuarviointi tammikuussa 2025.")
    n = 1 + sum(len(d[1]) for d in data)
    t = doc.add_table(rows=n, cols=5)
    t.style = "Table Grid"
    for c, v in enumerate(("Nro", "Tavoite", "Mittari", "Tavoitetaso", "Vastuu")):
        cell_text(t.cell(0, c), v, bold=True, shade="BDD7EE")
    repeat_header(t.rows[0])
    r = 1
    goals = []
    for i, (gt, inds) in enumerate(data, 1):
        for k, (m, lvl, resp) in enumerate(inds):
            if k == 0:
                cell_text(t.cell(r, 0), str(i))
                cell_text(t.cell(r, 1), gt)
            cell_text(t.cell(r, 2), m)
            cell_text(t.cell(r, 3), lvl)
            cell_text(t.cell(r, 4), resp)
            r += 1
        goals.append(G(gt, [m for m, _, _ in inds]))
    col_widths(t, [1.2, 7.5, 9.0, 3.0, 4.5])
    para(doc, "")
    para(doc, "Kaupunginhallitus arvioi tavoitteiden toteutumisen loppuarvioinnin perusteella. "
              "Tulospalkkio maksetaan, jos vähintään 70 % mittareista on saavutettu.")
    docx_to(doc, name, "pdf")
    write_expected(name, "cover-page+landscape-long-table-repeated-header", "pdf", "fi", org,
                   title, goals, ["toukokuu 2024", "syyskuu 2024", "tammikuu 2025"],
                   [("2024-01-30", "Kaupunginhallitus")], ("2024-01-01", "2024-12-31"),
                   "Portrait cover page, then a landscape section with a 10-goal table that "
                   "continues on the next page with the header row repeated (tblHeader). Goal "
                   "and number only on the first row of each block; continuation rows have "
                   "empty goal cells. Long goal texts wrap inside the cell. Tavoitetaso and "
                   "Vastuu columns ignored.")


# ===========================================================================
# h24  PDF (fpdf2)  inverted markers: goals '•', indicators '–'; legal text
# ===========================================================================
def h24():
    from fpdf import FPDF
    name = "h24-inverted-markers-legal-haapakoski"
    org = "Haapakosken kunta"
    title = "Kunnanjohtajan tavoitteet 2025"
    goals = [
        G("Kunnan taloudellisen liikkumavaran palauttaminen", [
            "Vuosikate vähintään 1,5 milj. euroa",
            "Toimintakatteen muutos enintään +2 %"]),
        G("Vesihuollon ja teiden korjausvelan vähentäminen", [
            "Saneerattu vesijohtoverkko vähintään 3 km",
            "Korjausvelkaohjelma hyväksytty"]),
        G("Kuntalaisten palvelukokemuksen parantaminen", [
            "Asiakaspalautteisiin vastataan viiden arkipäivän kuluessa",
            "Kuntalaiskyselyn tyytyväisyys vähintään 3,6"]),
        G("Kuntayhteistyön syventäminen seutukunnassa", []),
        G("Kunnanviraston työhyvinvointi", [
            "Varhaisen tuen mallia noudatetaan kaikissa yksiköissä"]),
    ]

    class PDF(FPDF):
        def header(self):
            self.set_font("DejaVu", "", 8)
            self.cell(0, 5, "HAAPAKOSKEN KUNTA          PÖYTÄKIRJA          KH 3.2.2025",
                      new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", "", 8)
            self.cell(0, 8, f"Sivu {self.page_no()}/{{nb}}", align="R")

    pdf = PDF(format="A4")
    pdf.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
    pdf.set_margins(22, 18, 22)
    pdf.set_title(title)
    pdf.set_creator("Dynasty 10 / fpdf")
    pdf.add_page()

    def mc(h, txt):
        pdf.multi_cell(0, h, txt, new_x="LMARGIN", new_y="NEXT")

    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 7, "Kunnanhallitus § 17", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "KUNNANJOHTAJAN TAVOITTEET 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, "HKDno-2025-31", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    mc(5.5, "Käsitelty: Henkilöstöjaosto 20.1.2025 § 3, Kunnanhallitus 3.2.2025 § 17")
    pdf.ln(2)
    mc(5.5, "Valmistelija: hallintojohtaja Kirsi Laine, puh. 044 555 0101")
    pdf.ln(3)
    mc(5.5, "Kunnanjohtajan johtajasopimuksen mukaan kunnanhallitus asettaa "
                   "kunnanjohtajalle vuosittaiset tavoitteet. Tavoitekausi 1.1.–31.12.2025. "
                   "Henkilöstöjaosto on valmistellut tavoitteet yhdessä kunnanjohtajan kanssa.")
    pdf.ln(3)
    mc(5.5, "Ehdotus tavoitteiksi:")
    pdf.ln(1)
    for g in goals:
        pdf.set_x(26)
        pdf.set_font("DejaVu", "B", 10)
        mc(5.5, f"•  {g['title']}")
        pdf.set_font("DejaVu", "", 10)
        for ind in g["indicators"]:
            pdf.set_x(34)
            mc(5.5, f"–  {ind}")
        pdf.ln(2)
    pdf.ln(2)
    mc(5.5, "Tavoitteiden toteutumista arvioidaan tammikuussa 2026.")
    pdf.ln(2)
    mc(5.5, "Ehdotus: Kunnanhallitus hyväksyy kunnanjohtajan tavoitteet vuodelle "
                   "2025 esityksen mukaisesti.")
    pdf.ln(2)
    mc(5.5, "Päätös: Ehdotus hyväksyttiin. Kunnanjohtaja poistui kokouksesta "
                   "asian käsittelyn ajaksi (esteellisyys, HL 28 §).")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 9)
    mc(5, "OIKAISUVAATIMUSOHJEET")
    pdf.set_font("DejaVu", "", 9)
    mc(4.8, "Tähän päätökseen tyytymätön voi tehdä kirjallisen "
                   "oikaisuvaatimuksen. Oikaisuvaatimus tehdään kunnanhallitukselle 14 päivän "
                   "kuluessa päätöksen tiedoksisaannista. Oikaisuvaatimuksen saa tehdä se, "
                   "johon päätös on kohdistettu tai jonka oikeuteen, velvollisuuteen tai etuun "
                   "päätös välittömästi vaikuttaa (asianosainen), sekä kunnan jäsen.")
    pdf.output(str(OUT / f"{name}.pdf"))
    write_expected(name, "inverted-markers+minutes-legal-text", "pdf", "fi", org, title, goals,
                   ["tammikuu 2026"],
                   [("2025-01-20", "Henkilöstöjaosto"), ("2025-02-03", "Kunnanhallitus")],
                   ("2025-01-01", "2025-12-31"),
                   "Minutes extract drawn with fpdf2 (not from Word). Inverted markers: goals "
                   "are '•' bullets (bold), indicators are '–' (en dash) lines. Goal 4 has no "
                   "indicators. Proposal/decision sentences and the appeal instructions "
                   "(oikaisuvaatimusohjeet) must not become goals.")


ALL = [h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17,
       h18, h19, h20, h21, h22, h23, h24]

if __name__ == "__main__":
    import sys
    BUILD.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    for fn in ALL:
        if only and fn.__name__ not in only:
            continue
        fn()
        print("built", fn.__name__)
