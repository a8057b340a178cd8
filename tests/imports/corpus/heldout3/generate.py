#!/usr/bin/env python3
"""Builds the heldout3 corpus (16 documents + expected JSON).

Run with a venv that has python-docx, openpyxl, fpdf2, odfpy, reportlab (Pillow comes with reportlab):
    /tmp/corpus-heldout3-env/bin/python generate.py
LibreOffice (soffice) is needed for the two DOCX->PDF documents.
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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm

OUT = os.path.dirname(os.path.abspath(__file__))
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_B = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SERIF_B = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


def G(title, indicators=(), area="", weight=None):
    return {"title": title, "area": area, "weight": weight, "indicators": list(indicators)}


def expect(name, family, fmt, lang, org, title, goals, checkpoints, handling, period, notes):
    data = {
        "family": family, "format": fmt, "language": lang, "organisation": org, "title": title,
        "goals": goals, "checkpoints": checkpoints,
        "handling": [{"date": d, "body": b} for d, b in handling],
        "period": {"start": period[0], "end": period[1]} if period else None,
        "notes": notes,
    }
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def soffice_pdf(src, outdir):
    subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo-heldout3", "--headless",
                    "--convert-to", "pdf", "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


# ---------------------------------------------------------------- DOCX helpers
def new_numbering(doc, levels):
    """levels: list of (numFmt, lvlText, font or None). Returns a fresh numId (own abstractNum)."""
    numbering = doc.part.numbering_part.element
    aids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    nids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(aids + [0]) + 1
    nid = max(nids + [0]) + 1
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), str(aid))
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "hybridMultilevel")
    an.append(mlt)
    for i, (fmt, txt, font) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(i))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", txt), ("w:lvlJc", "left")):
            e = OxmlElement(tag)
            e.set(qn("w:val"), val)
            lvl.append(e)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(720 * (i + 1)))
        ind.set(qn("w:hanging"), "360")
        ppr.append(ind)
        lvl.append(ppr)
        if font:
            rpr = OxmlElement("w:rPr")
            rf = OxmlElement("w:rFonts")
            rf.set(qn("w:ascii"), font)
            rf.set(qn("w:hAnsi"), font)
            rf.set(qn("w:hint"), "default")
            rpr.append(rf)
            lvl.append(rpr)
        an.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(an)
    else:
        numbering.append(an)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(nid))
    a = OxmlElement("w:abstractNumId")
    a.set(qn("w:val"), str(aid))
    num.append(a)
    numbering.append(num)
    return nid


SYMBOL_BULLETS = [("bullet", "\uf0b7", "Symbol"), ("bullet", "o", "Courier New"), ("bullet", "\uf0a7", "Wingdings")]
WING_BULLETS = [("bullet", "\uf0a7", "Wingdings"), ("bullet", "\uf0b7", "Symbol")]


def numbered(doc, text, nid, ilvl=0, bold=False, style="List Paragraph"):
    p = doc.add_paragraph(style=style)
    r = p.add_run(text)
    r.bold = bold
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), str(nid))
    numpr.append(il)
    numpr.append(ni)
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is not None:
        pstyle.addnext(numpr)
    else:
        ppr.insert(0, numpr)
    return p


def para(doc, text="", bold=False, italic=False, size=None, align=None, style=None):
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def add_field(p, instr):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    p._p.append(fld)


def header_footer(doc, header_left, footer_style="sivu"):
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = header_left
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if footer_style == "sivu":
        fp.add_run("Sivu ")
        add_field(fp, "PAGE")
        fp.add_run("/")
        add_field(fp, "NUMPAGES")
    elif footer_style == "paren":
        add_field(fp, "PAGE")
        fp.add_run(" (")
        add_field(fp, "NUMPAGES")
        fp.add_run(")")
    elif footer_style == "sv":
        fp.add_run("Sida ")
        add_field(fp, "PAGE")
        fp.add_run(" av ")
        add_field(fp, "NUMPAGES")


def set_cell(cell, text, bold=False):
    cell.text = ""
    lines = text.split("\n") if isinstance(text, str) else text
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        r = p.add_run(line)
        r.bold = bold


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trpr.append(e)


# ---------------------------------------------------------------- 01 numbered + lettered (DOCX)
def doc01():
    name = "f02-lettered-subitems-saarijoki"
    org = "Saarijoen kunta"
    title = "Kunnanjohtajan tavoitteet vuodelle 2026"
    goals = [
        G("Kunnan talous pidetään tasapainossa", [
            "Tilikauden 2026 tulos on vähintään nollatasolla",
            "Lainakanta ei kasva talousarviossa hyväksyttyä enempää",
            "Talouden tasapainotusohjelman toimenpiteet on käynnistetty kesäkuun loppuun mennessä"]),
        G("Elinkeinoyhteistyö yrittäjien kanssa tiivistyy", [
            "Yritysvierailuja tehdään vähintään 12 vuoden aikana",
            "Elinkeinoelämän neuvottelukunta kokoontuu neljä kertaa"]),
        G("Henkilöstön hyvinvointi ja johtaminen", [
            "Kunta10-kyselyn johtamisen keskiarvo paranee edellisestä kyselystä",
            "Sairauspoissaolot vähenevät 5 prosenttia vuoteen 2025 verrattuna",
            "Esihenkilöille järjestetään kaksi yhteistä valmennuspäivää"]),
        G("Kuntastrategian päivitys valmistuu", [
            "Strategialuonnos on valtuustoseminaarin käsittelyssä syyskuussa",
            "Asukaskysely toteutetaan ja sen tulokset raportoidaan valtuustolle"]),
    ]
    doc = Document()
    header_footer(doc, "SAARIJOEN KUNTA\tLIITE 4\tKH 9.2.2026 § 21", "paren")
    para(doc, "Saarijoen kunta", bold=True, size=14)
    para(doc, "Kunnanhallitus 9.2.2026 § 21")
    para(doc, "Dnro SAARI/58/01.01.01/2026")
    para(doc, title, bold=True, size=16)
    para(doc, "Kunnanhallitus asettaa vuosittain kunnanjohtajalle tavoitteet, joiden pohjana ovat "
              "kuntastrategia, talousarvio ja johtajasopimus. Tavoitteet on valmisteltu "
              "puheenjohtajiston ja kunnanjohtajan välisessä tavoitekeskustelussa 26.1.2026.")
    para(doc, "Tavoitekeskustelun tarkoitus", bold=True)
    para(doc, "Keskustelun tarkoituksena on selkeyttää kunnanjohtajan työn painopisteet ja sopia, "
              "millä perusteella tavoitteiden toteutumista arvioidaan. Tavoitekausi 1.1.–31.12.2026.")
    para(doc, "Tavoitteet ja arviointikriteerit", bold=True)
    nid = new_numbering(doc, [("decimal", "%1.", None), ("lowerLetter", "%2)", None)])
    for g in goals:
        numbered(doc, g["title"], nid, 0, bold=True)
        for ind in g["indicators"]:
            numbered(doc, ind, nid, 1)
    para(doc, "Arviointi", bold=True)
    para(doc, "Tavoitteiden toteutumista seurataan syyskuussa 2026 ja arvioidaan tammikuussa 2027 "
              "puheenjohtajiston ja kunnanjohtajan välisessä keskustelussa.")
    para(doc, "Palkkio maksetaan, kun tavoitteet on saavutettu. Kunnanhallitus päättää palkkion "
              "suuruudesta arvioinnin perusteella.")
    para(doc, "Saarijoella 2.2.2026")
    para(doc, "Helena Virtanen\nkunnanhallituksen puheenjohtaja")
    para(doc, "Markku Lehtonen\nkunnanjohtaja")
    doc.save(os.path.join(OUT, name + ".docx"))
    expect(name, "numbered-lettered-subitems", "docx", "fi", org, title, goals,
           ["syyskuu 2026", "tammikuu 2027"], [("2026-02-09", "Kunnanhallitus")],
           ("2026-01-01", "2026-12-31"),
           "Real Word numbering: decimal level 0 (goals, bold) and lowerLetter '%2)' level 1 (indicators). "
           "Dates of the preparatory discussion (26.1.2026) and signature (2.2.2026) are not handling dates. "
           "Headings 'Tavoitekeskustelun tarkoitus'/'Tavoitteet ja arviointikriteerit'/'Arviointi' are bold Normal, not goals.")


# ---------------------------------------------------------------- 02 heading styles + weights (DOCX)
def doc02():
    name = "f03-heading-styles-weights-lahdenpera"
    org = "Lahdenperän kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2025"
    A1, A2 = "Elinvoima ja vetovoima", "Talous ja johtaminen"
    goals = [
        G("Asuntotuotanto ja tonttitarjonta vahvistuvat", [
            "Vähintään 40 uutta omakotitonttia on myynnissä",
            "Keskustan asemakaavamuutos on hyväksytty",
            "Asuntoaloitusten määrä on vähintään 120"], A1, 30),
        G("Yritysten sijoittumista edistetään aktiivisesti", [
            "Yritysalueen kunnallistekniikka valmistuu aikataulussa",
            "Uusia yrityksiä sijoittuu alueelle vähintään viisi"], A1, 25),
        G("Talouden tasapainottamisohjelma toteutuu", [
            "Toimintakatteen kasvu on enintään 2,5 %",
            "Vuosikate kattaa poistot"], A2, 25),
        G("Johtamisjärjestelmä uudistetaan", [
            "Johtoryhmän työjärjestys on päivitetty",
            "Esihenkilöarvioinnin tulos on vähintään 3,8 / 5"], A2, 20),
    ]
    doc = Document()
    header_footer(doc, "Lahdenperän kaupunki                    Kaupunginhallitus 17.3.2025 § 88, liite 2", "sivu")
    para(doc, title, style="Title")
    para(doc, "Käsitelty: Henkilöstöjaosto 3.3.2025, Kaupunginhallitus 17.3.2025")
    para(doc, "Tavoitekausi 1.1.2025–31.12.2025")
    para(doc, "Kaupunginjohtajan tavoitteet johdetaan kaupunkistrategiasta 2022–2026. Tavoitteiden "
              "painoarvot on merkitty otsikoihin, ja niiden summa on 100 %.")
    nid_all = []
    cur = None
    for g in goals:
        if g["area"] != cur:
            cur = g["area"]
            doc.add_heading(cur, level=1)
        doc.add_heading(f"{g['title']} (paino {g['weight']} %)", level=2)
        nid = new_numbering(doc, SYMBOL_BULLETS)
        nid_all.append(nid)
        for ind in g["indicators"]:
            numbered(doc, ind, nid)
    doc.add_heading("Seuranta ja arviointi", level=1)
    para(doc, "Tavoitteiden toteutumista seurataan kesäkuussa 2025, ja loppuarvio tehdään helmikuussa 2026. "
              "Arvioinnin valmistelee kaupunginhallituksen puheenjohtajisto.")
    para(doc, "Lahdenperällä 18.3.2025")
    para(doc, "Sari Koskinen, kaupunginhallituksen puheenjohtaja")
    doc.save(os.path.join(OUT, name + ".docx"))
    expect(name, "heading-styles-weights", "docx", "fi", org, title, goals,
           ["kesäkuu 2025", "helmikuu 2026"],
           [("2025-03-03", "Henkilöstöjaosto"), ("2025-03-17", "Kaupunginhallitus")],
           ("2025-01-01", "2025-12-31"),
           "Heading 1 = theme (area), Heading 2 = goal with '(paino NN %)' suffix (weight). Indicators are real Word "
           "bullets with Symbol/U+F0B7 glyph. Last Heading 1 'Seuranta ja arviointi' is not an area/goal. "
           "Header also contains 'Kaupunginhallitus 17.3.2025 § 88'.")


# ---------------------------------------------------------------- 03 table with merged cells in a memo (DOCX)
def doc03():
    name = "f09-table-merged-memo-kalliosalmi"
    org = "Kalliosalmen kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    rows = [
        ("Palveluverkkoselvitys valmistuu", [("Selvitys on valtuuston käsittelyssä", "toukokuu 2026"),
                                             ("Kuulemistilaisuudet on pidetty kaikilla kylillä", "4 tilaisuutta"),
                                             ("Päätösesitys sisältää kustannusvertailun", "kyllä")]),
        ("Hyvinvointialueyhteistyö toimii", [("Yhteistyöneuvottelut hyvinvointialueen kanssa", "2 kertaa vuodessa"),
                                            ("Hyvinvointikertomuksen vuosiraportti hyväksytty", "kesäkuu 2026")]),
        ("Osaavan henkilöstön saatavuus", [("Avoimien tehtävien täyttöaste", "≥ 90 %"),
                                          ("Vaihtuvuus vakinaisessa henkilöstössä", "alle 8 %"),
                                          ("Työnantajakuvakampanja on toteutettu", "syksy 2026")]),
    ]
    goals = [G(t, [i for i, _ in inds]) for t, inds in rows]
    doc = Document()
    header_footer(doc, "Kalliosalmen kunta\t\tMUISTIO", "paren")
    para(doc, "MUISTIO", bold=True, size=14)
    para(doc, "KALLIOSALMI/112/00.00.01/2026")
    para(doc, "Asia: " + title, bold=True)
    para(doc, "Kunnanhallituksen puheenjohtajisto ja kunnanjohtaja kävivät tavoitekeskustelun 10.2.2026. "
              "Tässä muistiossa on keskustelussa sovitut tavoitteet. Tavoitteet koskevat ajanjaksoa 1.1.–31.12.2026.")
    para(doc, "Käsittelyvaiheet", bold=True)
    t = doc.add_table(rows=3, cols=3)
    t.style = "Table Grid"
    for c, txt in enumerate(("Toimielin", "Päivämäärä", "Pykälä")):
        set_cell(t.cell(0, c), txt, bold=True)
    for r, row in enumerate((("Henkilöstöjaosto", "24.2.2026", "§ 9"), ("Kunnanhallitus", "9.3.2026", "§ 47")), 1):
        for c, txt in enumerate(row):
            set_cell(t.cell(r, c), txt)
    para(doc, "")
    para(doc, "Tavoitteet", bold=True)
    n = sum(len(i) for _, i in rows) + 1
    t = doc.add_table(rows=n, cols=3)
    t.style = "Table Grid"
    for c, txt in enumerate(("Tavoite", "Mittari", "Tavoitetaso")):
        set_cell(t.cell(0, c), txt, bold=True)
    r = 1
    for gt, inds in rows:
        top = r
        for ind, lvl in inds:
            set_cell(t.cell(r, 1), ind)
            set_cell(t.cell(r, 2), lvl)
            r += 1
        merged = t.cell(top, 0).merge(t.cell(r - 1, 0))
        set_cell(merged, gt)
    para(doc, "")
    para(doc, "Väliarvio tehdään elokuussa 2026 ja loppuarvio tammikuussa 2027.")
    para(doc, "Allekirjoitukset", bold=True)
    t = doc.add_table(rows=2, cols=2)
    set_cell(t.cell(0, 0), "Kalliosalmella 10.2.2026")
    set_cell(t.cell(0, 1), "")
    set_cell(t.cell(1, 0), "Pekka Hämäläinen\nkunnanhallituksen puheenjohtaja")
    set_cell(t.cell(1, 1), "Anu Salo\nkunnanjohtaja")
    doc.save(os.path.join(OUT, name + ".docx"))
    expect(name, "table-merged-in-memo", "docx", "fi", org, title, goals,
           ["elokuu 2026", "tammikuu 2027"],
           [("2026-02-24", "Henkilöstöjaosto"), ("2026-03-09", "Kunnanhallitus")],
           ("2026-01-01", "2026-12-31"),
           "Three tables: handling-dates table (not goals), goal table Tavoite|Mittari|Tavoitetaso with the goal cell "
           "merged vertically (vMerge), and a borderless signature table. Tavoitetaso column ignored "
           "(it contains 'toukokuu 2026' etc. which are NOT checkpoints).")


# ---------------------------------------------------------------- 04 Swedish numbered, fake headings (DOCX)
def doc04():
    name = "f25-sv-mal-matare-strandvik"
    org = "Strandviks kommun"
    title = "Kommundirektörens mål för 2026"
    goals = [
        G("En hållbar kommunal ekonomi", [
            "Räkenskapsperiodens resultat är positivt",
            "Lånestocken per invånare överstiger inte 4 200 euro"]),
        G("Ett starkt näringsliv och fler arbetsplatser", [
            "Minst tio företagsbesök under året",
            "Detaljplanen för Hamnområdet godkänns",
            "Antalet nya företag ökar jämfört med 2025"]),
        G("Servicenätet anpassas till befolkningsutvecklingen", [
            "Utredningen om skolnätet behandlas i fullmäktige före utgången av oktober"]),
        G("Personalen mår bra och ledarskapet utvecklas", [
            "Sjukfrånvaron minskar",
            "Alla förmän deltar i ledarskapsutbildningen",
            "Resultatet i personalenkäten förbättras"]),
    ]
    doc = Document()
    header_footer(doc, "Strandviks kommun – Kommunstyrelsen 23.2.2026 § 34 – Bilaga 2", "sv")
    para(doc, "STRANDVIKS KOMMUN", bold=True)
    para(doc, "Dnr KST/2026/41")
    para(doc, title, bold=True, size=16)
    para(doc, "Kommunstyrelsen fastställer årligen målen för kommundirektören. Målen bygger på "
              "kommunstrategin och budgeten för 2026. Målperioden är 1.1–31.12.2026.")
    para(doc, "Syftet med målsamtalet", bold=True)
    para(doc, "Syftet är att komma överens om de viktigaste uppgifterna under året och om hur "
              "måluppfyllelsen bedöms.")
    nid_cache = []
    for i, g in enumerate(goals, 1):
        para(doc, f"Mål {i}: {g['title']}", bold=True)
        para(doc, "Mätare:")
        nid = new_numbering(doc, WING_BULLETS)
        nid_cache.append(nid)
        for ind in g["indicators"]:
            numbered(doc, ind, nid)
    para(doc, "Uppföljning", bold=True)
    para(doc, "Uppföljning augusti 2026")
    para(doc, "Utvärdering januari 2027")
    para(doc, "Målen utvärderas av kommunstyrelsens presidium tillsammans med kommundirektören.")
    para(doc, "Strandvik den 16 februari 2026")
    para(doc, "Johan Lindqvist, kommunstyrelsens ordförande")
    doc.save(os.path.join(OUT, name + ".docx"))
    expect(name, "sv-numbered-mal-matare", "docx", "sv", org, title, goals,
           ["augusti 2026", "januari 2027"], [("2026-02-23", "Kommunstyrelsen")],
           ("2026-01-01", "2026-12-31"),
           "Goals are bold Normal paragraphs 'Mål N: …' (fake headings, family 4 + 25); 'Mätare:' label line then "
           "Wingdings bullets (U+F0A7). Handling only in the page header. Signature date is not a handling date.")


# ---------------------------------------------------------------- 05 bilingual (DOCX)
def doc05():
    name = "f27-bilingual-tavoite-mal-merikoski"
    org = "Merikosken kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2027"
    data = [
        ("Talous tasapainossa", "Ekonomin i balans", [
            ("Tilikauden tulos on ylijäämäinen", "Räkenskapsperiodens resultat visar överskott"),
            ("Investointien omarahoitusosuus on vähintään 60 %", "Investeringarnas självfinansieringsgrad är minst 60 %")]),
        ("Kaksikielisyys näkyy palveluissa", "Tvåspråkigheten syns i servicen", [
            ("Asiakaspalvelu on saatavilla molemmilla kielillä kaikissa toimipisteissä", "Kundservice finns på båda språken på alla verksamhetsställen"),
            ("Kielibarometrin tulos paranee", "Resultatet i språkbarometern förbättras"),
            ("Verkkosivut päivitetään ruotsiksi samanaikaisesti", "Webbplatsen uppdateras samtidigt på svenska")]),
        ("Kestävä kaupunkirakenne", "En hållbar stadsstruktur", [
            ("Yleiskaavaehdotus on nähtävillä", "Förslaget till generalplan är framlagt")]),
    ]
    goals = [G(fi, [a for a, _ in inds]) for fi, _, inds in data]
    doc = Document()
    header_footer(doc, "Merikosken kaupunki – Merikoski stad\tLiite / Bilaga 5", "paren")
    para(doc, "Merikosken kaupunki – Merikoski stad", bold=True)
    para(doc, title, bold=True, size=15)
    para(doc, "Stadsdirektörens mål 2027", italic=True, size=13)
    para(doc, "Kaupunginhallitus / Stadsstyrelsen 25.1.2027 § 12")
    para(doc, "Tavoitekausi 1.1.–31.12.2027 / Målperiod 1.1–31.12.2027")
    para(doc, "Tavoitteet on laadittu kaupunkistrategian pohjalta. Målen har utarbetats utgående från stadsstrategin.")
    for i, (fi, sv, inds) in enumerate(data, 1):
        para(doc, f"Tavoite {i} / Mål {i}")
        para(doc, fi, bold=True)
        para(doc, sv, bold=True, italic=True)
        para(doc, "Mittarit / Mätare:")
        nid = new_numbering(doc, SYMBOL_BULLETS)
        for a, b in inds:
            numbered(doc, a, nid)
            p = para(doc, b, italic=True)
            p.paragraph_format.left_indent = Cm(1.27)
    para(doc, "Väliarvio kesäkuussa 2027 / Mellanuppföljning i juni 2027. "
              "Loppuarvio tammikuussa 2028 / Slutbedömning i januari 2028.")
    para(doc, "Merikoskella 25.1.2027 / Merikoski 25.1.2027")
    para(doc, "Kaupunginhallitus / Stadsstyrelsen")
    doc.save(os.path.join(OUT, name + ".docx"))
    expect(name, "bilingual-fi-sv", "docx", "mixed", org, title, goals,
           ["kesäkuu 2027", "tammikuu 2028"], [("2027-01-25", "Kaupunginhallitus")],
           ("2027-01-01", "2027-12-31"),
           "Bilingual rule: the Finnish line is the goal/indicator, the Swedish line under it is plain text. "
           "'Tavoite N / Mål N' is a label line (not part of the title). Swedish indicator translations are "
           "indented non-list paragraphs after each bullet. Checkpoints given in Finnish form.")


# ---------------------------------------------------------------- 06 actions + indicators, joint authority (DOCX)
def doc06():
    name = "f22-actions-mittarit-jokilaakso-ky"
    org = "Jokilaakson koulutuskuntayhtymä"
    title = "Kuntayhtymän johtajan tavoitteet 2026"
    data = [
        ("Opiskelijoiden läpäisy paranee",
         "Keskeyttämiset ovat lisääntyneet erityisesti ensimmäisenä opiskeluvuonna. Tavoitteena on kääntää kehitys.",
         ["Ohjauksen resurssit kohdennetaan ensimmäisen vuoden opiskelijoihin", "Poissaoloihin puututaan viikoittain"],
         ["Tutkinnon suorittaneiden osuus nousee 72 %:iin", "Negatiivisten eroamisten määrä laskee alle 9 %:n"]),
        ("Työelämäyhteistyö syvenee",
         "Yhtymä tiivistää yhteistyötä alueen yritysten kanssa oppisopimus- ja koulutussopimuskoulutuksessa.",
         ["Perustetaan yritysyhteistyön neuvottelukunta"],
         ["Koulutussopimuspaikkojen määrä kasvaa 10 %", "Työelämäpalautteen keskiarvo on vähintään 4,2",
          "Oppisopimusopiskelijoita on vähintään 300"]),
        ("Talous ja tilat sopeutetaan rahoitukseen",
         "Rahoitusmallin muutos edellyttää toiminnan sopeuttamista.",
         ["Laaditaan tilaohjelma vuosille 2026–2030", "Luovutaan Kirkkoniemen toimipisteestä"],
         ["Tilikauden tulos on positiivinen", "Tilakustannukset laskevat 300 000 euroa"]),
    ]
    goals = [G(t, m) for t, _, _, m in data]
    doc = Document()
    header_footer(doc, "Jokilaakson koulutuskuntayhtymä\tYhtymähallitus\t14.4.2026 § 52", "sivu")
    doc.add_heading(title, level=1)
    para(doc, "Yhtymähallitus 14.4.2026 § 52", italic=True)
    para(doc, "Tavoitekausi 1.1.–31.12.2026. Tavoitteet perustuvat kuntayhtymän strategiaan ja "
              "talousarvioon. Kunkin tavoitteen alla on kuvattu toimenpiteet ja onnistumisen mittarit.")
    bnid_kind = [("bullet", "–", None)]
    for i, (t, desc, acts, mits) in enumerate(data, 1):
        doc.add_heading(f"Tavoite {i} – {t}", level=2)
        para(doc, desc)
        para(doc, "Toimenpiteet", bold=True)
        nid = new_numbering(doc, bnid_kind)
        for a in acts:
            numbered(doc, a, nid)
        para(doc, "Onnistumisen mittarit", bold=True)
        nid = new_numbering(doc, [("bullet", "•", None)])
        for m in mits:
            numbered(doc, m, nid)
    doc.add_heading("Seuranta", level=2)
    para(doc, "Tavoitteiden toteutumista seurataan syyskuussa 2026 ja ne arvioidaan helmikuussa 2027. "
              "Arvioinnin perusteella yhtymähallitus päättää tulospalkkion maksamisesta.")
    para(doc, "Paula Niemi, yhtymähallituksen puheenjohtaja")
    doc.save(os.path.join(OUT, name + ".docx"))
    expect(name, "actions-and-indicators-joint-authority", "docx", "fi", org, title, goals,
           ["syyskuu 2026", "helmikuu 2027"], [("2026-04-14", "Yhtymähallitus")],
           ("2026-01-01", "2026-12-31"),
           "Goals are Heading 2 'Tavoite N – title'; each has a description paragraph (not title), "
           "'Toimenpiteet' bullets with en-dash glyph (actions, NOT indicators) and 'Onnistumisen mittarit' bullets "
           "(indicators). Document title is Heading 1 (not an area). 'Seuranta' Heading 2 is not a goal.")


# ---------------------------------------------------------------- 07 decimal outline, long titles (DOCX -> PDF via LibreOffice)
def doc07():
    name = "f36-decimal-outline-longtitles-harjula"
    org = "Harjulan kaupunki"
    title = "Kaupunginjohtajan tavoitteet vuodelle 2025"
    T1, T2, T3 = "Elinvoimainen ja saavutettava Harjula", "Hyvinvoivat harjulalaiset", "Vastuullinen talous ja johtaminen"
    goals = [
        G("Kaupungin elinkeinopoliittinen ohjelma päivitetään yhteistyössä yrittäjäjärjestöjen, oppilaitosten ja "
          "naapurikuntien kanssa siten, että ohjelma hyväksytään valtuustossa syksyn aikana", [
            "Ohjelmaluonnos on esitelty elinkeinojaostolle ennen kesälomakautta ja siitä on pyydetty lausunnot yrittäjäjärjestöiltä",
            "Valtuusto hyväksyy ohjelman viimeistään marraskuussa"], T1),
        G("Raideliikenteen seisakehankkeen suunnittelu etenee", [
            "Aiesopimus Väyläviraston kanssa on allekirjoitettu",
            "Asemanseudun maankäyttösuunnitelma valmistuu"], T1),
        G("Lasten ja nuorten harrastamisen Harjulan mallia laajennetaan kaikkiin alakouluihin ja harrastustoiminnan "
          "osallistumisaste nousee", [
            "Malli on käytössä kaikissa yhdeksässä alakoulussa",
            "Vähintään 65 % oppilaista osallistuu viikoittaiseen harrastukseen"], T2),
        G("Talousarvion toteutumista seurataan kuukausittain ja poikkeamiin reagoidaan viipymättä", [
            "Toimintakate toteutuu talousarvion mukaisesti",
            "Kuukausiraportti on kaupunginhallituksen käytössä 15. päivään mennessä",
            "Talousarviomuutokset tuodaan valtuustolle kerran vuodessa"], T3),
        G("Johtoryhmätyöskentelyä kehitetään", [], T3),
    ]
    tmp = tempfile.mkdtemp(prefix="h3-07-")
    doc = Document()
    header_footer(doc, "HARJULAN KAUPUNKI\t\tLIITE 2", "paren")
    para(doc, "Kaupunginhallitus 24.2.2025 § 40", align="right")
    para(doc, title.upper(), bold=True, size=14)
    para(doc, "Tavoitekausi 1.1.–31.12.2025")
    para(doc, "Tavoitteet on ryhmitelty kaupunkistrategian kolmen teeman alle. Teemat on numeroitu "
              "yhdellä numerolla ja tavoitteet kaksiosaisella numerolla.")
    themes = [T1, T2, T3]
    for ti, th in enumerate(themes, 1):
        para(doc, f"{ti}. {th}", bold=True, size=13)
        gi = 0
        for g in goals:
            if g["area"] != th:
                continue
            gi += 1
            p = para(doc, f"{ti}.{gi}\t{g['title']}", bold=True)
            p.paragraph_format.left_indent = Cm(1.0)
            p.paragraph_format.first_line_indent = Cm(-1.0)
            if g["indicators"]:
                para(doc, "Mittarit:")
                nid = new_numbering(doc, SYMBOL_BULLETS)
                for ind in g["indicators"]:
                    numbered(doc, ind, nid)
            else:
                para(doc, "Tavoitteelle ei aseteta erillisiä mittareita; toteutumista arvioidaan keskustelussa.")
    para(doc, "Tavoitteiden toteutumista seurataan elokuussa 2025 ja arvioidaan tammikuussa 2026.")
    para(doc, "Tulospalkkio on enintään kahden kuukauden palkka, ja se maksetaan, kun tavoitteet on saavutettu.")
    src = os.path.join(tmp, name + ".docx")
    doc.save(src)
    soffice_pdf(src, OUT)
    shutil.rmtree(tmp, ignore_errors=True)
    expect(name, "decimal-outline-themes-long-titles", "pdf", "fi", org, title, goals,
           ["elokuu 2025", "tammikuu 2026"], [("2025-02-24", "Kaupunginhallitus")],
           ("2025-01-01", "2025-12-31"),
           "LibreOffice PDF of a DOCX. Themes '1.' (bold, larger) = areas; goals '1.1' hand-typed with tab and hanging "
           "indent, several titles wrap over 2-3 lines. Indicators are Symbol bullets (private-use glyph in PDF) after "
           "'Mittarit:'. Goal 3.2 has no indicators; its explanatory sentence is plain text.")


# ---------------------------------------------------------------- 08 two-column hyvinvointialue (reportlab)
def doc08():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, FrameBreak
    pdfmetrics.registerFont(TTFont("DV", DEJAVU))
    pdfmetrics.registerFont(TTFont("DVB", DEJAVU_B))
    name = "f15-two-column-hyvinvointialue-jarvikarjala"
    org = "Järvi-Karjalan hyvinvointialue"
    title = "Hyvinvointialuejohtajan tavoitteet 2026"
    S1, S2, S3 = "Yhdenvertaiset ja saavutettavat palvelut", "Vetovoimainen työnantaja", "Kestävä talous"
    goals = [
        G("Hoitoon pääsy nopeutuu perusterveydenhuollossa", [
            "Kiireettömään hoitoon pääsy alle 14 vrk", "Digitaalisen asioinnin osuus ≥ 35 %",
            "Asiakastyytyväisyys (NPS) ≥ 40"], S1),
        G("Ikäihmisten kotona asumista tuetaan", [
            "Kotihoidon asiakkaiden osuus 75 vuotta täyttäneistä ≥ 12 %",
            "Ympärivuorokautisen hoidon jono alle 30 vrk"], S1),
        G("Henkilöstön saatavuus turvataan", [
            "Vuokratyövoiman kustannukset vähenevät 20 %", "Vakanssien täyttöaste ≥ 95 %"], S2),
        G("Työhyvinvointi paranee", [
            "Sairauspoissaolot alle 16 pv / htv", "Työhyvinvointikyselyn suositteluindeksi ≥ 3,9"], S2),
        G("Alijäämän kattamissuunnitelma toteutuu", [
            "Tilikauden tulos vähintään talousarvion mukainen", "Palveluverkkosuunnitelma hyväksytty aluevaltuustossa"], S3),
    ]
    path = os.path.join(OUT, name + ".pdf")
    W, H = A4
    m = 1.8 * cm
    gap = 0.8 * cm
    colw = (W - 2 * m - gap) / 2

    def onpage(c, d):
        c.setFont("DV", 8)
        c.drawString(m, H - 1.1 * cm, "Järvi-Karjalan hyvinvointialue | Aluehallitus 10.2.2026 § 18 | Liite 1")
        c.drawRightString(W - m, 1.0 * cm, f"{d.page} (1)")
    doc = BaseDocTemplate(path, pagesize=A4, title=title, author="Hallintopalvelut",
                          leftMargin=m, rightMargin=m, topMargin=2 * cm, bottomMargin=1.8 * cm)
    top_h = 5.2 * cm
    first = PageTemplate(id="first", onPage=onpage, frames=[
        Frame(m, H - 2 * cm - top_h, W - 2 * m, top_h, id="top"),
        Frame(m, 1.8 * cm, colw, H - 3.8 * cm - top_h, id="c1"),
        Frame(m + colw + gap, 1.8 * cm, colw, H - 3.8 * cm - top_h, id="c2")])
    later = PageTemplate(id="later", onPage=onpage, frames=[
        Frame(m, 1.8 * cm, colw, H - 3.8 * cm, id="l1"),
        Frame(m + colw + gap, 1.8 * cm, colw, H - 3.8 * cm, id="l2")])
    doc.addPageTemplates([first, later])
    st_t = ParagraphStyle("t", fontName="DVB", fontSize=17, leading=21, spaceAfter=6)
    st_b = ParagraphStyle("b", fontName="DV", fontSize=9.5, leading=12.5, spaceAfter=4)
    st_th = ParagraphStyle("th", fontName="DVB", fontSize=11.5, leading=14, spaceBefore=8, spaceAfter=4,
                           textColor="#1f4e79")
    st_g = ParagraphStyle("g", fontName="DVB", fontSize=10, leading=13, spaceBefore=5, spaceAfter=2)
    st_i = ParagraphStyle("i", fontName="DV", fontSize=9.5, leading=12.5, leftIndent=12, bulletIndent=2)
    from reportlab.platypus.doctemplate import NextPageTemplate
    story = [Paragraph(title, st_t),
             Paragraph("Aluehallitus 10.2.2026 § 18. Tavoitekausi 1.1.–31.12.2026.", st_b),
             Paragraph("Aluehallitus asettaa hyvinvointialuejohtajalle vuosittain tavoitteet, jotka johdetaan "
                       "hyvinvointialuestrategiasta. Tavoitteet on jaoteltu strategian kolmen painopisteen mukaan. "
                       "Mittareiden tavoitearvot on merkitty mittarin yhteyteen.", st_b),
             NextPageTemplate("later"), FrameBreak()]
    cur = None
    for i, g in enumerate(goals, 1):
        if g["area"] != cur:
            if cur is not None and g["area"] == S2:
                story.append(FrameBreak())  # column break: second theme starts the right column
            cur = g["area"]
            story.append(Paragraph(f"Strateginen painopiste: {cur}", st_th))
        story.append(Paragraph(f"{i}. {g['title']}", st_g))
        for ind in g["indicators"]:
            story.append(Paragraph(ind.replace("<", "&lt;"), st_i, bulletText="•"))
    story.append(Paragraph("Seuranta", st_th))
    story.append(Paragraph("Tavoitteiden toteutumista seurataan osavuosikatsausten yhteydessä toukokuussa 2026 ja "
                           "syyskuussa 2026. Loppuarvio tehdään tammikuussa 2027.", st_b))
    story.append(Paragraph("Tavoitteiden saavuttaminen vaikuttaa johtajasopimuksen mukaiseen tulospalkkioon.", st_b))
    doc.build(story)
    expect(name, "two-column-wellbeing-county", "pdf", "fi", org, title, goals,
           ["toukokuu 2026", "syyskuu 2026", "tammikuu 2027"], [("2026-02-10", "Aluehallitus")],
           ("2026-01-01", "2026-12-31"),
           "reportlab, full-width title block then text flowing in two columns. Theme lines "
           "'Strateginen painopiste: X' -> area is X (label prefix removed). Indicators contain target values "
           "written inline (≥ 35 %, alle 14 vrk) which are part of the indicator text.")


# ---------------------------------------------------------------- 09 one goal per page, weights (fpdf2)
def doc09():
    from fpdf import FPDF
    name = "f14-slides-painoarvo-rauhala"
    org = "Rauhalan kunta"
    title = "Kunnanjohtajan tavoitteet 2024"
    goals = [
        G("Talouden tasapaino", ["Tilikauden tulos ylijäämäinen", "Investoinnit toteutuvat talousarvion mukaisesti"],
          weight=30),
        G("Sujuva asiointi", ["Sähköinen lupa-asiointi käytössä", "Asiakaspalautteen keskiarvo vähintään 4/5",
                              "Käsittelyajat lyhenevät 20 %"], weight=20),
        G("Vetovoimainen työnantaja", ["Henkilöstökyselyn vastausprosentti yli 70", "Rekrytointiaika alle 60 päivää"],
          weight=25),
        G("Kuntalaisten osallisuus", ["Osallistuva budjetointi toteutetaan", "Kyläillat kaikilla kuudella kylällä"],
          weight=25),
    ]

    class P(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("DV", size=9)
            self.set_text_color(110)
            self.cell(0, 8, f"Rauhalan kunta   |   Sivu {self.page_no()}/{{nb}}", align="R")

    pdf = P(orientation="L", format="A4")
    pdf.set_title(title)
    pdf.set_creator("PowerPoint")  # imitates an exported presentation
    pdf.add_font("DV", "", DEJAVU)
    pdf.add_font("DV", "B", DEJAVU_B)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_fill_color(0, 84, 140)
    pdf.rect(0, 0, 297, 210, style="F")
    pdf.set_text_color(255)
    pdf.set_font("DV", "B", 34)
    pdf.set_xy(20, 70)
    pdf.cell(0, 16, title)
    pdf.set_font("DV", "", 16)
    pdf.set_xy(20, 95)
    pdf.cell(0, 10, "Kunnanhallitus 12.2.2024 § 19")
    pdf.set_xy(20, 108)
    pdf.cell(0, 10, "Puheenjohtajiston ja kunnanjohtajan tavoitekeskustelu")
    for i, g in enumerate(goals, 1):
        pdf.add_page()
        pdf.set_text_color(0, 84, 140)
        pdf.set_font("DV", "", 14)
        pdf.set_xy(20, 18)
        pdf.cell(0, 8, f"Tavoite {i}")
        pdf.set_font("DV", "B", 30)
        pdf.set_xy(20, 28)
        pdf.cell(0, 14, g["title"])
        pdf.set_text_color(40)
        pdf.set_font("DV", "", 14)
        pdf.set_xy(20, 48)
        pdf.cell(0, 8, f"Painoarvo: {g['weight']} %")
        pdf.set_font("DV", "B", 16)
        pdf.set_xy(20, 66)
        pdf.cell(0, 8, "Mittarit")
        y = 80
        pdf.set_font("DV", "", 16)
        for ind in g["indicators"]:
            pdf.set_xy(24, y)
            pdf.cell(8, 9, "▪")
            pdf.set_xy(34, y)
            pdf.cell(0, 9, ind)
            y += 13
    pdf.add_page()
    pdf.set_text_color(0, 84, 140)
    pdf.set_font("DV", "B", 28)
    pdf.set_xy(20, 28)
    pdf.cell(0, 14, "Arviointi")
    pdf.set_text_color(40)
    pdf.set_font("DV", "", 15)
    pdf.set_xy(20, 55)
    pdf.multi_cell(250, 9, "Väliarvio kesäkuussa 2024. Tavoitteiden toteutuminen arvioidaan joulukuussa 2024 "
                           "kunnanhallituksen iltakoulussa.\nPalkkio maksetaan painoarvojen mukaisessa suhteessa "
                           "saavutettuihin tavoitteisiin.")
    pdf.output(os.path.join(OUT, name + ".pdf"))
    expect(name, "one-goal-per-page-weights", "pdf", "fi", org, title, goals,
           ["kesäkuu 2024", "joulukuu 2024"], [("2024-02-12", "Kunnanhallitus")], None,
           "fpdf2 landscape slide deck: cover page, one goal per page ('Tavoite N' small line, big title, "
           "'Painoarvo: NN %' line, 'Mittarit' label, '▪' bullets drawn as separate cells), final 'Arviointi' page "
           "(not a goal). No explicit period stated -> null.")


# ---------------------------------------------------------------- 10 scanned-looking (image + invisible text, reportlab)
def doc10():
    from PIL import Image, ImageDraw, ImageFont, ImageFilter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(TTFont("DVS", SERIF))
    pdfmetrics.registerFont(TTFont("DVSB", SERIF_B))
    name = "f16-scanned-painopisteet-vuorela"
    org = "Vuorelan kunta"
    title = "Kunnanjohtajan painopisteet 2025"
    goals = [
        G("Kuntatalouden vakauttaminen"),
        G("Koulukeskuksen rakentamisen käynnistäminen"),
        G("Vuorelan vetovoiman ja markkinoinnin vahvistaminen"),
        G("Henkilöstön osaamisen ja työhyvinvoinnin tukeminen"),
        G("Yhteistyö hyvinvointialueen kanssa sote-palvelujen turvaamiseksi"),
    ]
    # (text, font, size, x_pt, y_pt_from_top)
    lines = [
        ("VUORELAN KUNTA", "B", 11, 60, 60), ("PÖYTÄKIRJANOTE", "B", 11, 400, 60),
        ("Kunnanhallitus 27.1.2025 § 12", "R", 10, 60, 78),
        (title.upper(), "B", 14, 60, 130),
        ("Kunnanhallitus päätti kunnanjohtajan painopisteistä vuodelle 2025 seuraavasti.", "R", 10.5, 60, 160),
        ("Kunnanhallituksen asettamat painopisteet 2025", "B", 11.5, 60, 195),
    ]
    y = 220
    for g in goals:
        lines.append(("•", "R", 10.5, 72, y))
        lines.append((g["title"], "R", 10.5, 88, y))
        y += 20
    y += 15
    for t in ("Painopisteiden toteutumista käsitellään kesäkuussa 2025 ja joulukuussa 2025.",
              "Painopisteille ei aseteta erillisiä mittareita.",
              "Pöytäkirjan vakuudeksi", "", "Leena Mäkelä, pöytäkirjanpitäjä"):
        if t:
            lines.append((t, "R", 10.5, 60, y))
        y += 18
    lines.append(("Ote pöytäkirjasta 1 (1)", "R", 8.5, 400, 800))
    dpi = 90
    s = dpi / 72.0
    W, H = A4
    img = Image.new("L", (int(W * s), int(H * s)), 246)
    noise = Image.effect_noise(img.size, 18).point(lambda v: 200 + v // 5)
    img = Image.blend(img, noise, 0.35)
    d = ImageDraw.Draw(img)
    fonts = {}
    for text, f, size, x, yy in lines:
        key = (f, size)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(SERIF_B if f == "B" else SERIF, int(round(size * s)))
        d.text((x * s, (yy - size) * s), text, fill=35, font=fonts[key])
    img = img.rotate(0.4, fillcolor=240, resample=Image.BICUBIC).filter(ImageFilter.GaussianBlur(0.5))
    tmp = tempfile.mkdtemp(prefix="h3-10-")
    ip = os.path.join(tmp, "page.jpg")
    img.save(ip, "JPEG", quality=45)
    path = os.path.join(OUT, name + ".pdf")
    c = canvas.Canvas(path, pagesize=A4)
    c.setCreator("ScanSnap Manager")
    c.drawImage(ip, 0, 0, W, H)
    for text, f, size, x, yy in lines:
        t = c.beginText()
        t.setTextRenderMode(3)
        t.setFont("DVSB" if f == "B" else "DVS", size)
        t.setTextOrigin(x, H - yy)
        t.textLine(text)
        c.drawText(t)
    c.showPage()
    c.save()
    shutil.rmtree(tmp, ignore_errors=True)
    expect(name, "scanned-ocr-focus-areas-no-indicators", "pdf", "fi", org, title, goals,
           ["kesäkuu 2025", "joulukuu 2025"], [("2025-01-27", "Kunnanhallitus")], None,
           "Page is a noisy JPEG; the text is an invisible (render mode 3) layer. Container heading "
           "'Kunnanhallituksen asettamat painopisteet 2025' (not an area) over bullet focus areas, each a goal with "
           "zero indicators. The bullet '•' is a separate text object at its own position (may extract on its own "
           "line). No period stated.")


# ---------------------------------------------------------------- 11 landscape table with checkpoint columns (DOCX -> PDF)
def doc11():
    name = "f13-checkpoint-columns-landscape-kivikoski"
    org = "Kivikosken kaupunki"
    title = "Kaupunginjohtajan tavoitteet ja seuranta 2026"
    O1, O2, O3 = "Kasvu ja elinvoima", "Palvelut", "Henkilöstö"
    rows = [
        (O1, "Väestönkasvu vähintään 0,5 %", "Kaupungin väkiluku kasvaa", "Kasvu 0,2 % (ennuste)", ""),
        (O1, "Muuttovoitto kuntien välisessä muutossa", "Kaupungin väkiluku kasvaa", "Toteutuu", ""),
        (O1, "Yritysten nettolisäys ≥ 25", "Uusia yrityksiä syntyy", "14 uutta yritystä", ""),
        (O2, "Varhaiskasvatuspaikka järjestyy 2 viikossa", "Palvelulupaukset pitävät", "Toteutunut", ""),
        (O2, "Kirjastojen aukiolotunnit eivät vähene", "Palvelulupaukset pitävät", "Ennallaan", ""),
        (O2, "Asiakaspalautteisiin vastataan 5 arkipäivässä", "Palvelulupaukset pitävät", "Osittain", ""),
        (O2, "Koulujen sisäilmakorjaukset etenevät suunnitellusti", "Koulukiinteistöt kunnossa",
         "Pohjoisen koulun korjaus kesken", ""),
        (O3, "Sairauspoissaolot vähenevät", "Työhyvinvointi paranee", "Laskenut 0,4 pv/htv", ""),
        (O3, "Työterveysyhteistyön varhaisen tuen malli käytössä", "Työhyvinvointi paranee", "Otettu käyttöön 4/2026", ""),
        (O3, "Johtamiskoulutukseen osallistuu 80 % esihenkilöistä", "Esihenkilötyö vahvistuu", "62 %", ""),
    ]
    goals = []
    for area, mit, goal, _, _ in rows:
        if not goals or goals[-1]["title"] != goal:
            goals.append(G(goal, [], area))
        goals[-1]["indicators"].append(mit)
    tmp = tempfile.mkdtemp(prefix="h3-11-")
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(1.8)
    header_footer(doc, "Kivikosken kaupunki  –  Kaupunginhallitus 2.3.2026 § 61, liite 6", "sivu")
    para(doc, title, bold=True, size=15)
    para(doc, "Tavoitekausi on 1.1.–31.12.2026. Taulukon seurantasarakkeisiin kirjataan tilanne "
              "kaupunginhallituksen seurantakokouksissa. Tavoitteet hyväksytty kaupunginhallituksessa 2.3.2026.")
    t = doc.add_table(rows=len(rows) + 1, cols=5)
    t.style = "Table Grid"
    heads = ("Osa-alue", "Mittari", "Tavoite", "Seuranta elokuu 2026", "Seuranta tammikuu 2027")
    for c, h in enumerate(heads):
        set_cell(t.cell(0, c), h, bold=True)
    repeat_header(t.rows[0])
    for r, row in enumerate(rows, 1):
        for c, txt in enumerate(row):
            set_cell(t.cell(r, c), txt)
    t.autofit = False
    widths = (Cm(3.4), Cm(7.6), Cm(5.6), Cm(4.5), Cm(4.5))
    for gc, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips)))
    for row in t.rows:
        for c, w in enumerate(widths):
            row.cells[c].width = w
        row.height = Cm(1.6)
    para(doc, "")
    para(doc, "Kivikoskella 2.3.2026")
    para(doc, "Kaupunginhallitus")
    src = os.path.join(tmp, name + ".docx")
    doc.save(src)
    soffice_pdf(src, OUT)
    shutil.rmtree(tmp, ignore_errors=True)
    expect(name, "table-area-mittari-first-checkpoint-columns", "pdf", "fi", org, title, goals,
           ["elokuu 2026", "tammikuu 2027"], [("2026-03-02", "Kaupunginhallitus")],
           ("2026-01-01", "2026-12-31"),
           "Landscape LibreOffice PDF; table spans two pages with the header row repeated. Column order "
           "Osa-alue | Mittari | Tavoite | two checkpoint columns (August column filled, January empty). The goal "
           "text is repeated on every row of its block; one indicator per row. Follow-up texts are not indicators.")


# ---------------------------------------------------------------- ODT helpers
def odt_base():
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties, ParagraphProperties
    doc = OpenDocumentText()
    st = {}
    h1 = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph", defaultoutlinelevel="1")
    h1.addElement(TextProperties(fontsize="15pt", fontweight="bold"))
    h1.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
    doc.styles.addElement(h1)
    st["h1"] = h1
    ti = Style(name="Title", family="paragraph")
    ti.addElement(TextProperties(fontsize="18pt", fontweight="bold"))
    doc.styles.addElement(ti)
    st["title"] = ti
    b = Style(name="Bold", family="text")
    b.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(b)
    st["b"] = b
    return doc, st


# ---------------------------------------------------------------- 12 roman themes + list styles (ODT)
def doc12():
    from odf.style import ListLevelProperties
    from odf.text import H, P, List, ListItem, ListStyle, ListLevelStyleNumber, ListLevelStyleBullet, Span
    name = "f37-roman-themes-odt-lists-lumijarvi"
    org = "Lumijärven kunta"
    title = "Kunnanjohtajan tavoitteet 1.5.2026–30.4.2027"
    T = ["Hyvinvoiva kuntalainen", "Elinvoimainen Lumijärvi", "Toimiva kuntaorganisaatio"]
    goals = [
        G("Liikuntapaikkaohjelma laaditaan", ["Ohjelma hyväksytty valtuustossa", "Asukaskysely toteutettu"], T[0]),
        G("Nuorisotakuu toteutuu", ["Jokaiselle peruskoulun päättäjälle jatko-opiskelupaikka"], T[0]),
        G("Matkailun kehittämishanke käynnistyy", ["Hankerahoitus myönnetty", "Hankejohtaja rekrytoitu",
                                                 "Yhteistyösopimus kolmen matkailuyrityksen kanssa"], T[1]),
        G("Teollisuusalueen laajennus kaavoitetaan", ["Asemakaava vahvistettu"], T[1]),
        G("Hallintosääntö uudistetaan", [], T[2]),
        G("Digitaalinen asiointi laajenee", ["Sähköinen ajanvaraus kaikissa palveluissa", "Asiointitilin käyttäjiä ≥ 1 000"], T[2]),
    ]
    doc, st = odt_base()
    ls = ListStyle(name="Tavoitelista")
    n = ListLevelStyleNumber(level=1, numsuffix=".", numformat="1", startvalue=1)
    n.addElement(ListLevelProperties(spacebefore="0.3cm", minlabelwidth="0.7cm"))
    ls.addElement(n)
    bl = ListLevelStyleBullet(level=2, bulletchar="–")
    bl.addElement(ListLevelProperties(spacebefore="1.2cm", minlabelwidth="0.6cm"))
    ls.addElement(bl)
    doc.automaticstyles.addElement(ls)
    doc.text.addElement(P(text="Lumijärven kunta\tKunnanhallitus 20.4.2026 § 77\tLIITE 1"))
    doc.text.addElement(P(stylename=st["title"], text=title))
    doc.text.addElement(P(text="Tavoitekausi 1.5.2026–30.4.2027. Kunnanjohtajan tavoitteet on ryhmitelty "
                               "kuntastrategian kolmen teeman mukaan; teemat on numeroitu roomalaisin numeroin."))
    first = True
    roman = ["I", "II", "III"]
    for ti, th in enumerate(T):
        doc.text.addElement(H(outlinelevel=1, stylename=st["h1"], text=f"{roman[ti]} {th}"))
        lst = List(stylename=ls) if first else List(stylename=ls, continuenumbering="true")
        first = False
        for g in goals:
            if g["area"] != th:
                continue
            item = ListItem()
            p = P()
            p.addElement(Span(stylename=st["b"], text=g["title"]))
            item.addElement(p)
            if g["indicators"]:
                sub = List()
                for ind in g["indicators"]:
                    si = ListItem()
                    si.addElement(P(text=ind))
                    sub.addElement(si)
                item.addElement(sub)
            lst.addElement(item)
        doc.text.addElement(lst)
    doc.text.addElement(H(outlinelevel=1, stylename=st["h1"], text="Arviointi"))
    doc.text.addElement(P(text="Tavoitteiden toteutumista seurataan lokakuussa 2026 ja arvioidaan huhtikuussa 2027."))
    doc.text.addElement(P(text="Tavoitteiden toteutumista arvioidaan kokonaisuutena."))
    doc.save(os.path.join(OUT, name + ".odt"))
    expect(name, "odt-roman-themes-numbered-lists", "odt", "fi", org, title, goals,
           ["lokakuu 2026", "huhtikuu 2027"], [("2026-04-20", "Kunnanhallitus")],
           ("2026-05-01", "2027-04-30"),
           "odfpy ODT: themes are text:h with hand-typed roman numerals (I, II, III) = areas; goals are a real "
           "text:list (numbering continues 1-6 across themes), indicators a nested level-2 list with '–' bullets. "
           "Goal 5 has no indicators. Non-calendar period May-April. Heading 'Arviointi' is not an area.")


# ---------------------------------------------------------------- 13 Swedish ODT table
def doc13():
    from odf.style import Style, TableColumnProperties
    from odf.table import Table, TableColumn, TableRow, TableCell
    from odf.text import P, Span
    name = "f26-sv-table-odt-ekbacka"
    org = "Ekbacka kommun"
    title = "Kommundirektörens mål 2027"
    rows = [
        ("Balanserad ekonomi", [("Årsbidraget täcker avskrivningarna", "≥ 100 %"),
                                ("Nettoinvesteringar enligt budget", "högst 6,5 milj. euro")]),
        ("Trygg och tillgänglig service", [("Väntetid till barnomsorgsplats", "under 2 veckor"),
                                           ("Kundnöjdhet i medborgarservicen", "minst 4,0 / 5"),
                                           ("Andel e-tjänster av alla ärenden", "40 %")]),
        ("Attraktiv arbetsgivare", [("Personalomsättning", "under 7 %")]),
        ("Aktivt samarbete i regionen", [("Samarbetsavtal med grannkommunerna förnyas", "klart 30.9.2027"),
                                         ("Gemensam näringslivsstrategi antagen", "ja")]),
    ]
    goals = [G(t, [m for m, _ in ms]) for t, ms in rows]
    doc, st = odt_base()
    for nm, w in (("colA", "5.5cm"), ("colB", "7cm"), ("colC", "4cm")):
        s = Style(name=nm, family="table-column")
        s.addElement(TableColumnProperties(columnwidth=w))
        doc.automaticstyles.addElement(s)
    doc.text.addElement(P(text="EKBACKA KOMMUN\t\tBilaga 3"))
    doc.text.addElement(P(text="Kommunstyrelsen 14.12.2026 § 201"))
    doc.text.addElement(P(stylename=st["title"], text=title))
    doc.text.addElement(P(text="Målperioden är 1.1–31.12.2027. Målen och mätarna har beretts i målsamtalet "
                               "mellan kommunstyrelsens presidium och kommundirektören den 30 november 2026."))
    tb = Table(name="Mal")
    for nm in ("colA", "colB", "colC"):
        tb.addElement(TableColumn(stylename=nm))

    def row(cells, bold=False):
        tr = TableRow()
        for c in cells:
            tc = TableCell()
            p = P()
            if bold:
                p.addElement(Span(stylename=st["b"], text=c))
            else:
                p.addText(c)
            tc.addElement(p)
            tr.addElement(tc)
        tb.addElement(tr)
    row(("Mål", "Mätare", "Målnivå"), bold=True)
    for t, ms in rows:
        for k, (m, lvl) in enumerate(ms):
            row((t if k == 0 else "", m, lvl))
    doc.text.addElement(tb)
    doc.text.addElement(P(text=""))
    doc.text.addElement(P(text="Uppföljning i juni 2027. Slutlig utvärdering i januari 2028."))
    doc.text.addElement(P(text="Ekbacka den 14 december 2026"))
    doc.text.addElement(P(text="Kommunstyrelsen"))
    doc.save(os.path.join(OUT, name + ".odt"))
    expect(name, "sv-table-mal-matare-malniva", "odt", "sv", org, title, goals,
           ["juni 2027", "januari 2028"], [("2026-12-14", "Kommunstyrelsen")],
           ("2027-01-01", "2027-12-31"),
           "ODT table Mål | Mätare | Målnivå; goal cell empty on continuation rows; Målnivå ignored "
           "('klart 30.9.2027' is a target level, not a checkpoint). Handling is in December of the previous year.")


# ---------------------------------------------------------------- 14 XLSX cover sheet + block rows
def doc14():
    from openpyxl import Workbook
    from openpyxl.styles import Font, Alignment, PatternFill
    name = "f30-xlsx-cover-blocks-saviniemi"
    org = "Saviniemen kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    A1, A2 = "Vastuullinen talous", "Vetovoimainen kunta"
    goals = [
        G("Talousarvio toteutuu", ["Toimintakate enintään talousarvion mukainen",
                                   "Investointien toteutumisaste vähintään 85 %"], A1),
        G("Konsernin omistajaohjaus selkeytyy", ["Omistajapoliittiset linjaukset päivitetty",
                                                 "Tytäryhtiöiden tavoitteet asetettu kaikille yhtiöille",
                                                 "Konserniraportti kahdesti vuodessa"], A1),
        G("Asukasmäärä kääntyy kasvuun", ["Nettomuutto positiivinen", "Markkinointikampanja toteutettu"], A2),
        G("Elinkeinopalvelut uudistetaan", ["Yrityspalvelupiste avattu", "Yrittäjäkyselyn tulos paranee"], A2),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Kansilehti"
    ws["A1"] = "Saviniemen kunta"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"] = title
    ws["A3"].font = Font(bold=True, size=16)
    ws["A5"] = "Kunnanhallitus 23.3.2026 § 55, liite 3"
    ws["A6"] = "SAVDno-2026-204"
    ws["A8"] = "Tavoitekausi 1.1.–31.12.2026"
    ws["A9"] = "Seuranta: elokuu 2026 ja tammikuu 2027 (loppuarvio)"
    ws["A11"] = "Tavoitteet ja mittarit ovat välilehdellä Tavoitteet."
    ws.column_dimensions["A"].width = 70
    ws2 = wb.create_sheet("Tavoitteet")
    ws2["A1"] = "KUNNANJOHTAJAN TAVOITTEET 2026"
    ws2["A1"].font = Font(bold=True, size=13)
    ws2["A2"] = "Huom. Mittarit ovat yksi per rivi; tavoite on merkitty vain lohkon ensimmäiselle riville."
    ws2["A2"].font = Font(italic=True)
    head = ["Nro", "Strategian painopiste", "Mittari", "Tavoite", "Tavoitetaso", "Vastuuhenkilö"]
    ws2.append([])
    ws2.append(head)
    for c in ws2[4]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    levels = iter(["≤ 0 %", "85 %", "kyllä", "6 yhtiötä", "2", "> 0", "syksy 2026", "Q2", "3,6"])
    for i, g in enumerate(goals, 1):
        for k, ind in enumerate(g["indicators"]):
            ws2.append([i if k == 0 else None, g["area"] if k == 0 else None, ind,
                        g["title"] if k == 0 else None, next(levels), "Kunnanjohtaja"])
    for col, w in zip("ABCDEF", (6, 22, 48, 38, 12, 16)):
        ws2.column_dimensions[col].width = w
    for row in ws2.iter_rows(min_row=5):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(os.path.join(OUT, name + ".xlsx"))
    expect(name, "xlsx-cover-sheet-block-rows", "xlsx", "fi", org, title, goals,
           ["elokuu 2026", "tammikuu 2027"], [("2026-03-23", "Kunnanhallitus")],
           ("2026-01-01", "2026-12-31"),
           "Two sheets: cover sheet with handling/period/checkpoints; goals on sheet 'Tavoitteet' with a title row, "
           "a note row, an empty row, then header on row 4. Column order Nro | painopiste (area) | Mittari | Tavoite | "
           "Tavoitetaso | Vastuuhenkilö; goal, number and area only on the first row of each block.")


# ---------------------------------------------------------------- 15 XLSX one row per goal, indicators in one cell
def doc15():
    from openpyxl import Workbook
    from openpyxl.styles import Font, Alignment
    name = "f29-xlsx-row-per-goal-painoarvo-koskenranta-ky"
    org = "Koskenrannan ympäristöpalvelujen kuntayhtymä"
    title = "Johtajan tavoitteet 2025"
    goals = [
        G("Valvontasuunnitelma toteutuu", ["Suunnitellut tarkastukset tehty 95 %",
                                           "Näytteenotto suunnitelman mukaista",
                                           "Valvontarekisteri ajan tasalla"], weight=35),
        G("Lupaprosessit nopeutuvat", ["Ympäristölupien käsittelyaika alle 6 kk", "Sähköinen lupahaku käytössä"],
          weight=25),
        G("Jäsenkuntayhteistyö vahvistuu", ["Jäsenkuntakierros tehty", "Palvelusopimukset päivitetty"], weight=20),
        G("Henkilöstön saatavuus", ["Kaikki vakanssit täytetty", "Eläköitymissuunnitelma laadittu"], weight=20),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Taul1"
    ws["A1"] = f"{org} – {title}"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Yhtymähallitus 5.2.2025 § 8"
    ws.append([])
    ws.append(["Painoarvo %", "Tavoite", "Mittarit", "Huomiot"])
    for c in ws[4]:
        c.font = Font(bold=True)
    notes = ["", "Lupa-asioiden ruuhka purettava", "", "Huom. kaksi eläköitymistä 2025"]
    for i, g in enumerate(goals):
        sep = "\n" if i % 2 == 0 else "; "
        ws.append([g["weight"], g["title"], sep.join(g["indicators"]), notes[i]])
    ws.append([])
    ws.append(["", "Yhteensä 100 %"])
    ws.append([])
    ws.append(["", "Tavoitteiden toteutuminen arvioidaan yhtymähallituksessa tilinpäätöksen yhteydessä."])
    for col, w in zip("ABCD", (12, 36, 60, 34)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=5, max_row=8):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    wb.save(os.path.join(OUT, name + ".xlsx"))
    expect(name, "xlsx-row-per-goal-indicators-in-cell", "xlsx", "fi", org, title, goals,
           [], [("2025-02-05", "Yhtymähallitus")], None,
           "One row per goal; 'Painoarvo %' first column (weight); indicators in one cell, separated by line "
           "breaks (goals 1 and 3) or '; ' (goals 2 and 4). 'Huomiot' column and 'Yhteensä 100 %' total row are "
           "not goals/indicators. No checkpoint month and no period stated.")


# ---------------------------------------------------------------- 16 e-mail text, ALL CAPS themes, cp1252
def doc16():
    name = "f33-email-caps-themes-kotiranta"
    org = "Kotirannan kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    E, T, H = "ELINVOIMA", "TALOUS", "HENKILÖSTÖ"
    goals = [
        G("Kotirannan yritysalueen laajennuksen kaavoitus ja kunnallistekniikan rakentaminen saadaan "
          "käyntiin niin, että ensimmäiset tontit ovat myynnissä syksyllä", [
            "kaava hyväksytty kesäkuussa",
            "tonttien myynti alkanut viimeistään lokakuussa"], E),
        G("Matkailuyhteistyö naapurikuntien kanssa", ["yhteinen matkailusivusto julkaistu"], E),
        G("Talousarvio 2026 pitää", ["toimintakate enintään 41,2 milj. €", "ei lisälainaa"], T),
        G("Talouden tasapainotusohjelma valmistellaan valtuustolle", [], T),
        G("Esihenkilötyön tukeminen", ["esihenkilöinfot kerran kuukaudessa",
                                       "kehityskeskustelut käyty kaikkien kanssa (100 %)"], H),
    ]
    L = []
    L += ["Lähettäjä: Riikka Aaltonen <riikka.aaltonen@kotiranta.fi>",
          "Lähetetty: maanantai 30. maaliskuuta 2026 14.07",
          "Vastaanottaja: Kunnanhallitus <kh@kotiranta.fi>",
          "Aihe: Kunnanjohtajan tavoitteet 2026 KH:n käsittelyyn", "",
          "Hei kaikki,", "",
          "alla kunnanjohtajan tavoitteet 2026 sellaisina kuin ne sovittiin",
          "puheenjohtajiston kanssa. Henkilöstöjaosto käsitteli tavoitteet",
          "30.3.2026 ja ne viedään kunnanhallitukseen 13.4.2026.", "",
          "Tavoitekausi 1.1.-31.12.2026. Seuranta elokuussa 2026, loppuarvio", "tammikuussa 2027.", "",
          "-----", ""]
    L += [E, "",
          "1) Kotirannan yritysalueen laajennuksen kaavoitus ja kunnallistekniikan",
          "   rakentaminen saadaan käyntiin niin, että ensimmäiset tontit ovat",
          "   myynnissä syksyllä",
          "   - kaava hyväksytty kesäkuussa",
          "   - tonttien myynti alkanut viimeistään lokakuussa", "",
          "2) Matkailuyhteistyö naapurikuntien kanssa",
          "   - yhteinen matkailusivusto julkaistu", "",
          T, "",
          "3) Talousarvio 2026 pitää",
          "   * toimintakate enintään 41,2 milj. €",
          "   * ei lisälainaa", "",
          "4) Talouden tasapainotusohjelma valmistellaan valtuustolle", "",
          H, "",
          "5) Esihenkilötyön tukeminen",
          "     - esihenkilöinfot kerran kuukaudessa",
          "     - kehityskeskustelut käyty kaikkien kanssa (100 %)", "",
          "-----", "",
          "Tavoitteiden toteutuminen vaikuttaa tulospalkkioon johtajasopimuksen",
          "mukaisesti. Kommentit pe 3.4. mennessä, kiitos!", "",
          "Ystävällisin terveisin",
          "Riikka Aaltonen",
          "hallintojohtaja",
          "Kotirannan kunta", "p. 040 123 4567", ""]
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="cp1252", newline="\r\n") as f:
        f.write("\n".join(L))
    expect(name, "email-text-caps-themes", "text", "fi", org, title, goals,
           ["elokuu 2026", "tammikuu 2027"],
           [("2026-03-30", "Henkilöstöjaosto"), ("2026-04-13", "Kunnanhallitus")],
           ("2026-01-01", "2026-12-31"),
           "cp1252-encoded, CRLF. E-mail headers and signature are noise. ALL CAPS theme lines are areas "
           "(kept as written, e.g. 'ELINVOIMA'). Goals '1)' with continuation lines "
           "wrapped at ~72 chars (join with spaces); indicators with '-' or '*' markers and indentation only. "
           "Handling: jaosto 30.3.2026 done, KH 13.4.2026 announced (both listed). Goal 4 has no indicators.")


def main():
    for fn in (doc01, doc02, doc03, doc04, doc05, doc06, doc07, doc08, doc09, doc10, doc11, doc12, doc13,
               doc14, doc15, doc16):
        fn()
        print("ok", fn.__name__)


if __name__ == "__main__":
    main()
