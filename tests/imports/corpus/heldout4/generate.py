#!/usr/bin/env python3
"""Build the heldout4 corpus: 20 invented municipal goal documents + NAME.expected.json.

Run with the corpus venv:  /tmp/corpus-heldout4-env/bin/python generate.py
Needs LibreOffice (soffice) for the three LibreOffice-converted files.
All municipalities, people and goals are invented.
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DJ = "/usr/share/fonts/truetype/dejavu/"
LIB = "/usr/share/fonts/truetype/liberation2/"
FIXED = datetime.datetime(2026, 1, 15, 9, 0, 0)


# --------------------------------------------------------------------------- expected json
def G(title, indicators=(), area="", weight=None):
    return {"title": title, "area": area, "weight": weight, "indicators": list(indicators)}


def expected(name, family, fmt, lang, org, title, goals, checkpoints, handling, period, notes):
    data = {
        "family": family,
        "format": fmt,
        "language": lang,
        "organisation": org,
        "title": title,
        "goals": goals,
        "checkpoints": checkpoints,
        "handling": [{"date": d, "body": b} for d, b in handling],
        "period": ({"start": period[0], "end": period[1]} if period else None),
        "notes": notes,
    }
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def out(name):
    return os.path.join(HERE, name)


# --------------------------------------------------------------------------- docx helpers
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Cm, RGBColor

_ABS = [40]


def add_numbering(doc, levels, multi="hybridMultilevel"):
    """levels: list of (numFmt, lvlText, font or None). Writes a real abstractNum + num."""
    numbering = doc.part.numbering_part.element
    aid = _ABS[0]
    _ABS[0] += 1
    lv = ""
    for i, (fmt, text, font) in enumerate(levels):
        rpr = ('<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:hint="default"/></w:rPr>'
               % (font, font, font)) if font else ""
        lv += ('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
               '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr>%s</w:lvl>'
               % (i, fmt, text, 720 + i * 432, 360 if fmt == "bullet" else 432, rpr))
    absn = parse_xml('<w:abstractNum %s w:abstractNumId="%d"><w:multiLevelType w:val="%s"/>%s</w:abstractNum>'
                     % (nsdecls("w"), aid, multi, lv))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    num = numbering.add_num(aid)
    return num.numId


def numbered(doc, text, num_id, ilvl=0, bold=False, style=None):
    p = doc.add_paragraph(style=style)
    r = p.add_run(text)
    r.bold = bold
    numPr = p._p.get_or_add_pPr().get_or_add_numPr()
    numPr.get_or_add_ilvl().val = ilvl
    numPr.get_or_add_numId().val = num_id
    return p


def page_field(par, instr="PAGE"):
    par._p.append(parse_xml('<w:fldSimple %s w:instr="%s"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                            % (nsdecls("w"), instr)))


def footer_pages(doc, left="", fmt="Sivu {P} ({N})"):
    sec = doc.sections[0]
    p = sec.footer.paragraphs[0]
    if left:
        p.add_run(left + "\t\t")
    a, rest = fmt.split("{P}")
    p.add_run(a)
    page_field(p, "PAGE")
    if "{N}" in rest:
        b, c = rest.split("{N}")
        p.add_run(b)
        page_field(p, "NUMPAGES")
        p.add_run(c)
    else:
        p.add_run(rest)


def fix_core(doc, author):
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 3


def base_font(doc, name="Calibri", size=11):
    st = doc.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)


def cell_text(cell, lines, bold=False, size=None):
    """lines: str or list -> separate paragraphs in a cell"""
    if isinstance(lines, str):
        lines = [lines]
    cell.text = ""
    p = cell.paragraphs[0]
    for i, ln in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        r = p.add_run(ln)
        r.bold = bold
        if size:
            r.font.size = Pt(size)


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(parse_xml('<w:shd %s w:val="clear" w:color="auto" w:fill="%s"/>' % (nsdecls("w"), hexcolor)))


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    trPr.append(parse_xml('<w:tblHeader %s/>' % nsdecls("w")))


def lo_convert(src, fmt, dest):
    """Convert with LibreOffice using a private profile; retries if soffice is busy/missing."""
    outdir = tempfile.mkdtemp(prefix="h4lo-")
    cmd = ["soffice", "-env:UserInstallation=file:///tmp/lo-heldout4", "--headless",
           "--convert-to", fmt, "--outdir", outdir, src]
    for attempt in range(5):
        try:
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        except Exception:
            import time
            time.sleep(10)
            continue
        produced = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
        if os.path.exists(produced):
            shutil.move(produced, dest)
            shutil.rmtree(outdir, ignore_errors=True)
            return
    raise RuntimeError("LibreOffice conversion failed for %s" % src)


# =========================================================================== D1 docx: headings + weights
def d1_tuohimaa():
    name = "g03-heading-styles-tuohimaa"
    doc = Document()
    base_font(doc, "Calibri", 11)
    fix_core(doc, "Riikka Salonen")
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "TUOHIMAAN KUNTA\tHenkilöstöpalvelut\t"
    hp.add_run().add_break()
    hp.add_run("Kunnanhallitus\t\tLiite 3 / KH 19.1.2026 § 8")
    footer_pages(doc, "Tuohimaan kunta | Kirkkotie 4, 41990 Tuohimaa | www.tuohimaa.fi")

    t = doc.add_paragraph(style="Title")
    t.add_run("Kunnanjohtajan tavoitteet vuodelle 2026")
    doc.add_paragraph(
        "Kunnanhallitus asettaa kunnanjohtajalle vuosittain tavoitteet, joiden toteutumista arvioidaan "
        "johtajasopimuksen 6 §:n mukaisesti. Tavoitteet on käsitelty kunnanhallituksessa 19.1.2026 (§ 8). "
        "Tavoitekausi on 1.1.–31.12.2026.")
    doc.add_paragraph(
        "Tavoitteiden toteutumista seurataan kunnanhallituksen ja kunnanjohtajan välisissä keskusteluissa. "
        "Väliarviointi tehdään kesäkuussa 2026 ja loppuarviointi tammikuussa 2027.")
    doc.add_paragraph()
    bul = add_numbering(doc, [("bullet", "\u2013", "Calibri"), ("bullet", "o", "Courier New")])
    themes = [
        ("Talous ja elinvoima", [
            ("Kunnan talous pysyy tasapainossa ja investointiohjelma toteutuu suunnitellusti", 30,
             ["Tilikauden tulos on vähintään 0,5 M€ ylijäämäinen",
              "Vuosikate riittää kattamaan poistot",
              "Investointien toteutumisaste on vähintään 85 %"]),
            ("Elinkeinoelämän toimintaedellytykset paranevat", 20,
             ["Yritysbarometrin kokonaisarvosana nousee",
              "Uusia yrityksiä perustetaan vähintään 25",
              "Teollisuusalueen asemakaavan muutos hyväksytään"]),
        ]),
        ("Hyvinvointi ja palvelut", [
            ("Sivistyspalvelujen palveluverkkoselvitys valmistuu ja palveluverkkoa koskevat päätökset "
             "tehdään valtuustossa", 25,
             ["Palveluverkkoselvitys on valtuuston käsittelyssä kesäkuun loppuun mennessä",
              "Kuntalaiskysely toteutetaan ja tulokset raportoidaan lautakunnille"]),
        ]),
        ("Henkilöstö ja johtaminen", [
            ("Henkilöstön työhyvinvointi vahvistuu", 25,
             ["Sairauspoissaolot vähenevät 10 % vuoden 2025 tasosta",
              "Kunta10-kyselyn johtamisen indeksi paranee"]),
        ]),
    ]
    goals = []
    for theme, gl in themes:
        doc.add_heading(theme, level=1)
        for title, w, inds in gl:
            doc.add_heading("%s (paino %d %%)" % (title, w), level=2)
            for ind in inds:
                numbered(doc, ind, bul, 0)
            goals.append(G(title, inds, theme, w))
        if theme == "Hyvinvointi ja palvelut":
            doc.add_paragraph()
            p = doc.add_paragraph()
            r = p.add_run("(Huom. mittareiden tarkennukset sovitaan HR:n kanssa helmikuussa.)")
            r.italic = True
            r.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    doc.add_paragraph()
    doc.add_paragraph(
        "Tulospalkkion määrä on enintään kahden kuukauden palkka, ja se maksetaan maaliskuussa 2027 "
        "loppuarvioinnin perusteella.")
    doc.add_paragraph("Tuohimaalla 20.1.2026")
    doc.add_paragraph()
    p = doc.add_paragraph("Eeva Mäntylä")
    p.add_run().add_break()
    p.add_run("kunnanhallituksen puheenjohtaja")
    doc.save(out(name + ".docx"))
    expected(name, "heading1-theme-heading2-goal", "docx", "fi", "Tuohimaan kunta",
             "Kunnanjohtajan tavoitteet vuodelle 2026", goals,
             ["kesäkuu 2026", "tammikuu 2027"], [("2026-01-19", "Kunnanhallitus")],
             ("2026-01-01", "2026-12-31"),
             "Heading 1 = theme (area), Heading 2 = goal with '(paino N %)' stripped into weight. Indicators are "
             "real numbering-definition bullets (en dash glyph). 'kesäkuun loppuun mennessä' inside an indicator "
             "is a deadline, not a checkpoint; the grey note 'helmikuussa' is a discussion, not a checkpoint; "
             "bonus payment 'maaliskuussa 2027' is not a checkpoint.")


# =========================================================================== D2 docx: memo + merged table
def d2_routasalmi():
    name = "g09-table-merged-routasalmi"
    doc = Document()
    base_font(doc, "Arial", 10)
    fix_core(doc, "Hallintopalvelut")
    sec = doc.sections[0]
    sec.left_margin = Cm(2.0)
    sec.right_margin = Cm(2.0)
    # letterhead as a borderless table in the header
    ht = sec.header.add_table(1, 3, Cm(17))
    cell_text(ht.cell(0, 0), ["ROUTASALMEN KAUPUNKI", "Konsernipalvelut"], bold=True, size=9)
    cell_text(ht.cell(0, 1), ["MUISTIO"], bold=True, size=12)
    cell_text(ht.cell(0, 2), ["27.1.2026", "Dnro RSA/112/01.01.00/2026"], size=9)
    footer_pages(doc, "", "{P}/{N}")

    doc.add_paragraph()
    h = doc.add_paragraph()
    r = h.add_run("Kaupunginjohtajan tulostavoitteet 2026")
    r.bold = True
    r.font.size = Pt(14)
    doc.add_paragraph("Käsittelyvaiheet:")
    kt = doc.add_table(rows=3, cols=3)
    kt.style = "Table Grid"
    for i, row in enumerate([("Käsittely", "Päivämäärä", "§"),
                             ("Kaupunginhallituksen iltakoulu", "12.1.2026", "–"),
                             ("Kaupunginhallitus", "26.1.2026", "34")]):
        for j, v in enumerate(row):
            cell_text(kt.cell(i, j), v, bold=(i == 0))
    doc.add_paragraph()
    doc.add_paragraph("Kaupunginhallitus on asettanut kaupunginjohtajalle seuraavat tulostavoitteet. "
                      "Tavoitetasot perustuvat talousarvioon 2026 ja kaupunkistrategiaan 2022–2030.")
    data = [
        ("Kaupungin talous on tasapainossa", [("Toimintakate", "−112 M€ tai parempi"),
                                              ("Lainakanta euroa/asukas", "alle 4 800 €"),
                                              ("Tuloveroprosentti", "ennallaan (8,10)")]),
        ("Elinvoima vahvistuu ja kaupunkikeskusta kehittyy",
         [("Uusien työpaikkojen määrä", "+150"),
          ("Keskustan kehittämisohjelman hankkeet käynnistyvät", "2 hanketta")]),
        ("Kaavoitus tukee asuntotuotantoa ja kestävää, hiilineutraaliin tavoitteeseen ohjaavaa "
         "kaupunkirakennetta",
         [("Asemakaavoitettujen omakotitonttien varanto", "vähintään 3 vuoden tarve"),
          ("Hiilineutraali Routasalmi -ohjelman toimenpiteiden toteutuma", "70 %")]),
        ("Henkilöstön saatavuus on turvattu", [("Vakanssien täyttöaste", "≥ 95 %"),
                                              ("Sijaisten saatavuus varhaiskasvatuksessa",
                                               "paranee edellisvuodesta")]),
    ]
    nrows = 1 + sum(len(m) for _, m in data)
    tb = doc.add_table(rows=nrows, cols=3)
    tb.style = "Table Grid"
    for j, v in enumerate(("Tavoite", "Mittari", "Tavoitetaso")):
        cell_text(tb.cell(0, j), v, bold=True)
        shade(tb.cell(0, j), "D9E2F3")
    repeat_header(tb.rows[0])
    r0 = 1
    goals = []
    for title, ms in data:
        top = tb.cell(r0, 0)
        if len(ms) > 1:
            top = top.merge(tb.cell(r0 + len(ms) - 1, 0))
        cell_text(top, title)
        for k, (m, lvl) in enumerate(ms):
            cell_text(tb.cell(r0 + k, 1), m)
            cell_text(tb.cell(r0 + k, 2), lvl)
        r0 += len(ms)
        goals.append(G(title, [m for m, _ in ms]))
    doc.add_paragraph()
    doc.add_paragraph("Tavoitteiden toteutumista seurataan osavuosikatsauksen yhteydessä elokuussa 2026. "
                      "Loppuarvio tehdään tammikuussa 2027, minkä jälkeen kaupunginhallitus päättää "
                      "mahdollisesta tulospalkkiosta.")
    doc.add_paragraph("")
    st = doc.add_table(rows=2, cols=2)
    cell_text(st.cell(0, 0), "Routasalmella 27.1.2026")
    cell_text(st.cell(1, 0), ["Petteri Halme", "kaupunginhallituksen puheenjohtaja"])
    cell_text(st.cell(1, 1), ["Sanna Koivisto", "kaupunginjohtaja"])
    doc.save(out(name + ".docx"))
    expected(name, "table-goal-indicator-target-merged", "docx", "fi", "Routasalmen kaupunki",
             "Kaupunginjohtajan tulostavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-01-26", "Kaupunginhallitus")], None,
             "Goal cells vertically merged (vMerge) across their indicator rows; Tavoitetaso column ignored. "
             "Memo letterhead is a table in the page header; a handling table (iltakoulu row is not a handling) "
             "and a signature table are not goals. No explicit period.")


# =========================================================================== D3 docx: Swedish numbered
def d3_bergvik():
    name = "g25-swedish-numbered-bergvik-sv"
    doc = Document()
    base_font(doc, "Times New Roman", 12)
    fix_core(doc, "Personalavdelningen")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "BERGVIKS KOMMUN\t\tBilaga 2"
    footer_pages(doc, "", "{P} ({N})")
    p = doc.add_paragraph()
    r = p.add_run("KOMMUNDIREKTÖRENS MÅL FÖR ÅR 2026")
    r.bold = True
    r.font.size = Pt(15)
    doc.add_paragraph("Kommunstyrelsen godkände målen 2.2.2026 § 21. Målperioden är 1.1–31.12.2026.")
    doc.add_paragraph("Målen utgår från kommunstrategin och budgeten för 2026. Uppföljning sker i augusti 2026 "
                      "och slutbedömningen görs i januari 2027 av kommunstyrelsens presidium.")
    num = add_numbering(doc, [("decimal", "%1.", None)], multi="singleLevel")
    bul = add_numbering(doc, [("bullet", "\u2022", "Symbol")])
    data = [
        ("Ekonomin är i balans och investeringarna genomförs enligt plan",
         ["Räkenskapsperiodens resultat är positivt", "Investeringsgraden är minst 80 %"]),
        ("Kommunens livskraft och attraktivitet stärks",
         ["Befolkningsutvecklingen är positiv", "Minst 30 nya tomter säljs",
          "Näringslivsbarometerns helhetsbetyg förbättras"]),
        ("Servicenätet för småbarnspedagogik och grundläggande utbildning anpassas till elevprognoserna "
         "för åren 2026–2032",
         ["Beslut om servicenätet fattas av fullmäktige", "Andelen behörig personal är minst 90 %"]),
        ("Digitaliseringen av kommunens tjänster framskrider",
         ["Antalet e-tjänster ökar med minst fem", "Kundnöjdheten med webbtjänsterna är minst 4,0 (skala 1–5)"]),
    ]
    goals = []
    for i, (title, inds) in enumerate(data):
        numbered(doc, title, num, 0, bold=True)
        doc.add_paragraph("Mätare:")
        for ind in inds:
            numbered(doc, ind, bul, 0)
        if i == 1:
            doc.add_paragraph("")
        goals.append(G(title, inds))
    doc.add_paragraph()
    doc.add_paragraph("Resultatlönen betalas ut i mars 2027 enligt direktörsavtalet.")
    doc.add_paragraph("Bergvik 3.2.2026")
    doc.add_paragraph("Anders Wikström\nordförande för kommunstyrelsen")
    doc.save(out(name + ".docx"))
    expected(name, "swedish-numbered", "docx", "sv", "Bergviks kommun", "Kommundirektörens mål för år 2026",
             goals, ["augusti 2026", "januari 2027"], [("2026-02-02", "Kommunstyrelsen")],
             ("2026-01-01", "2026-12-31"),
             "Goals use a real decimal numbering definition (bold), a plain 'Mätare:' label paragraph is followed "
             "by Symbol-font bullets. Document title printed in caps, annotated in normal case. Salary payment "
             "month is not a checkpoint.")


# =========================================================================== D4 docx: decimal outline
def d4_kuusela():
    name = "g36-decimal-outline-kuusela"
    doc = Document()
    base_font(doc, "Calibri", 11)
    fix_core(doc, "Kuuselan kaupunki")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "Kuuselan kaupunki\tKaupunginjohtajan tavoitteet 2026\tLuonnos 2 → hyväksytty"
    footer_pages(doc, "", "Sivu {P}/{N}")
    p = doc.add_paragraph()
    r = p.add_run("Kaupunginjohtajan tavoitteet ja arviointiperusteet 2026")
    r.bold = True
    r.font.size = Pt(16)
    doc.add_paragraph("Käsittely: Kaupunginhallitus 9.2.2026 § 45")
    doc.add_paragraph("Tavoitteet on valmisteltu kaupunginhallituksen puheenjohtajiston ja kaupunginjohtajan "
                      "yhteisissä keskusteluissa joulukuussa 2025. Väliarvio tehdään syyskuussa. Loppuarvio "
                      "tehdään helmikuussa 2027.")
    outline = add_numbering(doc, [("decimal", "%1.", None), ("decimal", "%1.%2", None)], multi="multilevel")
    bul = add_numbering(doc, [("bullet", "\u2022", None)])
    data = [
        ("Talous", [
            ("Kaupungin talouden tasapainottamisohjelman toimenpiteet toteutetaan valtuuston hyväksymässä "
             "aikataulussa siten, että kertynyt alijäämä katetaan viimeistään vuoden 2027 tilinpäätöksessä",
             ["Tasapainottamisohjelman toimenpiteistä on toteutettu vähintään 80 %",
              "Tilikauden tulos on ylijäämäinen"]),
            ("Omistajaohjaus on suunnitelmallista",
             ["Konserniyhtiöiden omistajastrategiat päivitetään",
              "Tytäryhteisöjen tavoitteiden toteutuminen raportoidaan kaupunginhallitukselle kahdesti vuodessa"]),
        ]),
        ("Elinvoima ja kaupunkikehitys", [
            ("Keskustan osayleiskaavan ja rautatieaseman ympäristön asemakaavan valmistelu etenee niin, että "
             "kaavaehdotukset voidaan asettaa nähtäville vuoden 2026 aikana ja kaavoitusohjelman muut "
             "kohteet etenevät aikataulussa",
             ["Osayleiskaavaehdotus on nähtävillä", "Asemakaavaehdotus on nähtävillä",
              "Kaavoitusohjelman kohteista 75 % etenee aikataulussa"]),
            ("Ilmastotavoitteet", ["Kaupungin oman toiminnan päästöt vähenevät 5 %",
                                   "Hankintojen ilmastokriteerit otetaan käyttöön"]),
        ]),
        ("Henkilöstö ja johtaminen", [
            ("Johtamisjärjestelmän uudistus viedään käytäntöön ja esihenkilöiden valmennusohjelma toteutetaan "
             "kaikilla toimialoilla",
             ["Valmennukseen osallistuu vähintään 90 % esihenkilöistä",
              "Henkilöstökyselyn johtamisen keskiarvo on vähintään 3,8"]),
        ]),
    ]
    goals = []
    for theme, gl in data:
        numbered(doc, theme, outline, 0, bold=True)
        for title, inds in gl:
            numbered(doc, title, outline, 1)
            for ind in inds:
                pp = numbered(doc, ind, bul, 0)
                pp.paragraph_format.left_indent = Cm(2.2)
            goals.append(G(title, inds, theme))
        doc.add_paragraph()
    doc.add_paragraph("Kuusela 10.2.2026")
    doc.add_paragraph("Mikko Räsänen, kaupunginhallituksen puheenjohtaja")
    doc.save(out(name + ".docx"))
    expected(name, "decimal-outline-theme-goal", "docx", "fi", "Kuuselan kaupunki",
             "Kaupunginjohtajan tavoitteet ja arviointiperusteet 2026", goals,
             ["syyskuu 2026", "helmikuu 2027"], [("2026-02-09", "Kaupunginhallitus")], None,
             "Word multilevel numbering (numbering.xml) gives '1.' for themes and '1.1' for goals; numbers are "
             "not in the text. Indicators are bullets of a second numbering definition. Long goal titles wrap over "
             "two or three lines. 'Väliarvio tehdään syyskuussa' has no year -> goal year 2026. The December 2025 "
             "preparatory discussions are not checkpoints.")


# =========================================================================== D5 docx: decision extract, actions
def d5_harjuniemi():
    name = "g22-actions-indicators-harjuniemi"
    doc = Document()
    base_font(doc, "Verdana", 10)
    fix_core(doc, "Pöytäkirjanpitäjä")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "HARJUNIEMEN KUNTA\tPÖYTÄKIRJANOTE\t"
    sec.header.add_paragraph("Kunnanhallitus\t16.2.2026\t§ 32")
    footer_pages(doc, "Harjuniemen kunta", "{P} ({N})")
    doc.add_paragraph("§ 32")
    p = doc.add_paragraph()
    r = p.add_run("KUNNANJOHTAJAN TAVOITTEET VUODELLE 2026")
    r.bold = True
    doc.add_paragraph("HARDno 87/01.01.01/2026")
    doc.add_paragraph("Kunnanhallitus 16.2.2026 § 32")
    doc.add_paragraph("Valmistelija: henkilöstöjohtaja Tarja Kinnunen, puh. 040 123 4567")
    doc.add_paragraph("Kunnanjohtajan johtajasopimuksen mukaan kunnanhallitus asettaa kunnanjohtajalle vuosittain "
                      "tavoitteet. Tavoitekausi 1.1.2026–31.12.2026. Tavoitteiden toteutumista arvioidaan "
                      "kesäkuussa 2026 ja tammikuussa 2027.")
    doc.add_paragraph("")
    bul = add_numbering(doc, [("bullet", "\u2022", None), ("bullet", "-", None)])
    data = [
        ("Talouden tasapaino",
         "Kunnan talouden on oltava tasapainossa suunnittelukauden lopussa. Menokehitystä hillitään ja "
         "tulopohjaa vahvistetaan.",
         ["Palveluverkkoselvityksen säästöpotentiaalin tarkentaminen", "Kiinteistöstrategian päivittäminen"],
         ["Tilikauden tulos vähintään 0 €", "Toimintakulujen kasvu alle 3 %"], False),
        ("Vetovoimainen asuinkunta",
         "Harjuniemi tunnetaan turvallisena ja luonnonläheisenä asuinpaikkana lähellä maakuntakeskusta.",
         ["Tonttimarkkinointikampanja kevään 2026 aikana", "Muuttajapaketin uudistaminen"],
         ["Myytyjen omakotitonttien määrä vähintään 15", "Nettomuutto on positiivinen"], False),
        ("Osaava ja hyvinvoiva henkilöstö",
         "Henkilöstön saatavuus ja pysyvyys turvataan hyvällä johtamisella.",
         ["Varhaisen tuen mallin päivittäminen"],
         ["Sairauspoissaolopäivät alle 14 / htv", "Henkilöstön vaihtuvuus alle 8 %"], False),
        ("Digitaaliset palvelut",
         "Asiointi kunnan kanssa onnistuu sähköisesti ajasta ja paikasta riippumatta.",
         ["Sähköisen lupapalvelun käyttöönotto"],
         ["Sähköisen asioinnin osuus lupahakemuksista yli 60 %", "Asiakastyytyväisyys vähintään 4/5"], True),
    ]
    goals = []
    for i, (title, desc, acts, meas, inline) in enumerate(data, 1):
        p = doc.add_paragraph()
        r = p.add_run("%d. %s" % (i, title))
        r.bold = True
        doc.add_paragraph(desc)
        p = doc.add_paragraph()
        p.add_run("Toimenpiteet:").italic = True
        for a in acts:
            numbered(doc, a, bul, 0)
        if inline:
            p = doc.add_paragraph()
            p.add_run("Mittarit: ").italic = True
            p.add_run("; ".join(meas))
        else:
            p = doc.add_paragraph()
            p.add_run("Mittarit:").italic = True
            for m in meas:
                numbered(doc, m, bul, 0)
        goals.append(G(title, meas))
    doc.add_paragraph("Tavoitteiden toteutumisen perusteella kunnanhallitus päättää tulospalkkion maksamisesta. "
                      "Tulospalkkio voi olla enintään 8 % vuosipalkasta.")
    p = doc.add_paragraph()
    p.add_run("Kunnanjohtajan ehdotus: ").bold = True
    p.add_run("Kunnanhallitus hyväksyy kunnanjohtajan tavoitteet vuodelle 2026 esityksen mukaisesti.")
    p = doc.add_paragraph()
    p.add_run("Päätös: ").bold = True
    p.add_run("Ehdotus hyväksyttiin. Kunnanjohtaja poistui esteellisenä kokouksesta asian käsittelyn ajaksi.")
    doc.add_paragraph()
    p = doc.add_paragraph()
    p.add_run("OIKAISUVAATIMUSOHJE").bold = True
    doc.add_paragraph("Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Oikaisuvaatimus on "
                      "tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista kunnanhallitukselle, osoite "
                      "Harjuniementie 1, 52810 Harjuniemi. Asianosaisen katsotaan saaneen päätöksestä tiedon "
                      "seitsemän päivän kuluttua kirjeen lähettämisestä.")
    doc.add_paragraph("Pöytäkirjanotteen oikeaksi todistaa 18.2.2026")
    doc.add_paragraph("Heli Pursiainen, hallintosihteeri")
    doc.save(out(name + ".docx"))
    expected(name, "actions-and-indicators", "docx", "fi", "Harjuniemen kunta",
             "Kunnanjohtajan tavoitteet vuodelle 2026", goals,
             ["kesäkuu 2026", "tammikuu 2027"], [("2026-02-16", "Kunnanhallitus")],
             ("2026-01-01", "2026-12-31"),
             "Decision extract (pöytäkirjanote). Goals are bold Normal paragraphs with typed '1.' numbering, then a "
             "description paragraph, 'Toimenpiteet:' bullets (actions, not indicators) and 'Mittarit:' bullets. "
             "Goal 4 has inline 'Mittarit: a; b' = two indicators. Title printed in caps. Extract certification "
             "date 18.2.2026 is not a handling; bonus and oikaisuvaatimus text are not goals.")


# =========================================================================== D6 docx: bilingual
def d6_kolmholma():
    name = "g27-bilingual-kolmholma-mixed"
    doc = Document()
    base_font(doc, "Calibri", 11)
    fix_core(doc, "Kolmholman kaupunki / Kolmholms stad")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "Kolmholman kaupunki – Kolmholms stad"
    footer_pages(doc, "", "{P}/{N}")
    p = doc.add_paragraph()
    r = p.add_run("Kaupunginjohtajan tavoitteet 2026")
    r.bold = True
    r.font.size = Pt(16)
    p = doc.add_paragraph()
    r = p.add_run("Stadsdirektörens mål 2026")
    r.italic = True
    r.font.size = Pt(13)
    doc.add_paragraph("Kaupunginhallitus hyväksynyt 2.2.2026 § 19 / Godkänt av stadsstyrelsen 2.2.2026 § 19")
    doc.add_paragraph("Tavoitekausi / Målperiod 1.1.–31.12.2026")
    doc.add_paragraph()
    bul = add_numbering(doc, [("bullet", "\u25aa", None)])
    data = [
        ("Talous on tasapainossa", "Ekonomin är i balans",
         ["Tilikauden tulos on ylijäämäinen / Räkenskapsperiodens resultat visar överskott",
          "Lainakanta ei kasva / Lånestocken ökar inte"]),
        ("Kaksikieliset palvelut ovat yhdenvertaisia", "Den tvåspråkiga servicen är jämlik",
         ["Asiointi onnistuu ruotsiksi kaikissa palvelupisteissä / Service på svenska ges vid alla serviceställen",
          "Kielibarometrin arvosana paranee / Språkbarometerns betyg förbättras"]),
        ("Kaupungin ilmasto-ohjelma etenee", "Stadens klimatprogram framskrider",
         ["Kaukolämmön uusiutuvan energian osuus on vähintään 80 % / Andelen förnybar energi i fjärrvärmen "
          "är minst 80 %"]),
    ]
    goals = []
    for i, (fi, sv, inds) in enumerate(data, 1):
        p = doc.add_paragraph()
        p.add_run("Tavoite %d / Mål %d" % (i, i)).font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
        p = doc.add_paragraph()
        p.add_run(fi).bold = True
        p = doc.add_paragraph()
        p.add_run(sv).italic = True
        for ind in inds:
            numbered(doc, ind, bul, 0)
        goals.append(G(fi, inds))
    doc.add_paragraph()
    doc.add_paragraph("Seuranta / Uppföljning: elokuu 2026 / augusti 2026")
    doc.add_paragraph("Arviointi / Utvärdering: tammikuu 2027 / januari 2027")
    doc.save(out(name + ".docx"))
    expected(name, "bilingual-fi-sv", "docx", "mixed", "Kolmholman kaupunki", "Kaupunginjohtajan tavoitteet 2026",
             goals, ["elokuu 2026", "tammikuu 2027"], [("2026-02-02", "Kaupunginhallitus")],
             ("2026-01-01", "2026-12-31"),
             "'Tavoite N / Mål N' is a label line. Finnish bold line = goal title, Swedish italic line under it is "
             "plain text. Indicators are single bilingual bullet lines 'fi / sv' kept whole. Checkpoints and "
             "handling body given in Finnish.")


# =========================================================================== P1 pdf: Symbol/o/Wingdings via LO
def p1_paakkola(tmp):
    name = "g17-symbol-bullets-paakkola"
    doc = Document()
    base_font(doc, "Liberation Sans", 11)
    fix_core(doc, "Pääkkölän kunta")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "Pääkkölän kunta\t\tKunnanhallitus 23.3.2026 § 61, liite 4"
    footer_pages(doc, "", "{P} / {N}")
    p = doc.add_paragraph()
    r = p.add_run("Kunnanjohtajan tavoitteet 2026")
    r.bold = True
    r.font.size = Pt(15)
    doc.add_paragraph("Käsitelty: Kunnanhallitus 23.3.2026 § 61")
    doc.add_paragraph("Seuranta: syyskuu 2026\nArviointi: maaliskuu 2027")
    doc.add_paragraph()
    lst = add_numbering(doc, [("bullet", "\uf0b7", "Symbol"), ("bullet", "o", "Courier New"),
                              ("bullet", "\uf0a7", "Wingdings")])
    data = [
        ("Talouden tasapainotus", [
            ("Tilikauden tulos on positiivinen", ["tuloslaskelman mukaan, ilman satunnaisia eriä"]),
            ("Nettoinvestoinnit pysyvät talousarvion raamissa", [])]),
        ("Kunnan vetovoiman vahvistaminen", [
            ("Väkiluku kasvaa", ["väestötietojärjestelmän luku 31.12.", "vertailu edelliseen vuoteen"]),
            ("Matkailun yöpymiset lisääntyvät 5 %", [])]),
        ("Ikääntyneiden asumisen palveluverkon kehittäminen yhdessä hyvinvointialueen ja "
         "kolmannen sektorin toimijoiden kanssa", [
            ("Yhteistyösopimus hyvinvointialueen kanssa on allekirjoitettu", []),
            ("Senioritalon hankesuunnitelma on hyväksytty", ["sisältää kustannusarvion ja rahoitusmallin"])]),
        ("Henkilöstön osaaminen ja työhyvinvointi", [
            ("Kehityskeskustelut käyty kaikkien vakinaisten kanssa", []),
            ("Työhyvinvointikyselyn vastausprosentti vähintään 70", [])]),
    ]
    goals = []
    for title, inds in data:
        numbered(doc, title, lst, 0, bold=True)
        for ind, dets in inds:
            numbered(doc, ind, lst, 1)
            for d in dets:
                numbered(doc, d, lst, 2)
        goals.append(G(title, [i for i, _ in inds]))
    doc.add_paragraph()
    doc.add_paragraph("Tavoitteiden toteutuminen vaikuttaa kunnanjohtajan tulospalkkioon johtajasopimuksen "
                      "mukaisesti.")
    src = os.path.join(tmp, name + ".docx")
    doc.save(src)
    lo_convert(src, "pdf", out(name + ".pdf"))
    expected(name, "symbol-wingdings-o-bullets-libreoffice", "pdf", "fi", "Pääkkölän kunta",
             "Kunnanjohtajan tavoitteet 2026", goals,
             ["syyskuu 2026", "maaliskuu 2027"], [("2026-03-23", "Kunnanhallitus")], None,
             "python-docx with a 3-level numbering definition (Symbol U+F0B7, Courier New 'o', Wingdings U+F0A7) "
             "converted by LibreOffice: goals are level-0 Symbol bullets (bold), indicators level-1 'o', third "
             "level Wingdings details are plain text (not indicators, not appended).")


# =========================================================================== reportlab common
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm, mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab import rl_config

rl_config.invariant = 1
pdfmetrics.registerFont(TTFont("DV", DJ + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DV-B", DJ + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DV-I", DJ + "DejaVuSans-Oblique.ttf"))
pdfmetrics.registerFont(TTFont("LS", LIB + "LiberationSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("LS-B", LIB + "LiberationSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("LSer", LIB + "LiberationSerif-Regular.ttf"))
pdfmetrics.registerFont(TTFont("LSer-B", LIB + "LiberationSerif-Bold.ttf"))
from reportlab.platypus import (BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle, FrameBreak, NextPageTemplate)


# =========================================================================== P2 pdf: checkpoint columns, cover, TOC
def p2_vuorilahti():
    name = "g13-checkpoint-columns-vuorilahti"
    ss = ParagraphStyle("n", fontName="LS", fontSize=9, leading=11)
    sb = ParagraphStyle("b", parent=ss, fontName="LS-B")
    body = ParagraphStyle("body", fontName="LS", fontSize=11, leading=15)
    h1 = ParagraphStyle("h1", fontName="LS-B", fontSize=15, leading=19, spaceAfter=10)
    big = ParagraphStyle("big", fontName="LS-B", fontSize=26, leading=32, alignment=TA_CENTER)
    cen = ParagraphStyle("cen", fontName="LS", fontSize=13, leading=18, alignment=TA_CENTER)

    def later(c, d):
        c.saveState()
        c.setFont("LS", 8)
        w, h = landscape(A4)
        c.drawString(1.5 * cm, h - 1.1 * cm, "VUORILAHDEN KAUPUNKI  |  Kaupunginjohtajan tavoitteet 2026")
        c.drawRightString(w - 1.5 * cm, 1.0 * cm, "Sivu %d" % d.page)
        c.line(1.5 * cm, h - 1.25 * cm, w - 1.5 * cm, h - 1.25 * cm)
        c.restoreState()

    def first(c, d):
        pass

    doc = SimpleDocTemplate(out(name + ".pdf"), pagesize=landscape(A4), leftMargin=1.5 * cm,
                            rightMargin=1.5 * cm, topMargin=1.8 * cm, bottomMargin=1.6 * cm,
                            title="Kaupunginjohtajan tavoitteet 2026", author="Vuorilahden kaupunki")
    st = [Spacer(1, 4 * cm), Paragraph("VUORILAHDEN KAUPUNKI", cen), Spacer(1, 1 * cm),
          Paragraph("Kaupunginjohtajan tavoitteet 2026", big), Spacer(1, 1.2 * cm),
          Paragraph("Kaupunginhallitus 2.3.2026 § 77", cen),
          Paragraph("Tavoitekausi 1.1.–31.12.2026", cen), PageBreak()]
    st += [Paragraph("Sisällys", h1)]
    toc = [("1", "Johdanto", "2"), ("2", "Tavoitteet, mittarit ja seuranta", "3"), ("3", "Arviointi", "4")]
    tt = Table([[a, b, c] for a, b, c in toc], colWidths=[1 * cm, 18 * cm, 2 * cm])
    tt.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "LS", 11), ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                            ("LINEBELOW", (1, 0), (1, -1), 0.3, colors.grey)]))
    st += [tt, Spacer(1, 1 * cm), Paragraph("1 Johdanto", h1),
           Paragraph("Kaupunginjohtajan tavoitteet johdetaan kaupunkistrategiasta ja talousarviosta. Taulukon "
                     "seurantasarakkeet täytetään osavuosikatsauksen yhteydessä elokuussa ja tilinpäätöksen "
                     "valmistuttua. Tavoitteiden toteutumisesta raportoidaan kaupunginhallitukselle.", body),
           PageBreak(), Paragraph("2 Tavoitteet, mittarit ja seuranta", h1)]
    data = [
        ("Talous", "Talous on tasapainossa ja velkaantuminen pysähtyy",
         [("Vuosikate suhteessa poistoihin", "≥ 100 %"), ("Lainakanta €/asukas", "≤ 5 200"),
          ("Konsernin lainakanta", "ei kasva")]),
        ("Talous", "Tilahallinto tehostuu",
         [("Vajaakäyttöisten tilojen määrä vähenee", "−4 000 m²"),
          ("Tarpeettomien kiinteistöjen myynti", "3 kohdetta")]),
        ("Elinvoima", "Vuorilahden satama-alueen kehittämishankkeen yleissuunnitelma valmistuu ja "
                      "ensimmäisen vaiheen asemakaavan laatiminen käynnistyy",
         [("Yleissuunnitelma hyväksytty kaupunginhallituksessa", "kyllä"),
          ("Asemakaavan osallistumis- ja arviointisuunnitelma nähtävillä", "kyllä")]),
        ("Elinvoima", "Työllisyys paranee",
         [("Työttömyysaste", "alle 9 %"), ("Pitkäaikaistyöttömien määrä", "−10 %"),
          ("Työllisyyden kuntakokeilun palvelujen asiakasmäärä", "≥ 900")]),
        ("Hyvinvointi", "Lasten ja nuorten harrastusmahdollisuudet lisääntyvät",
         [("Harrastamisen Suomen mallin ryhmien määrä", "≥ 40"),
          ("Kouluterveyskyselyn harrastusindikaattori", "paranee")]),
        ("Henkilöstö", "Henkilöstön työhyvinvointi ja työnantajakuva vahvistuvat",
         [("Sairauspoissaolot pv/htv", "< 15"), ("Henkilöstökyselyn kokonaistyytyväisyys", "≥ 3,7"),
          ("Avoimien tehtävien hakijamäärä keskimäärin", "≥ 6")]),
        ("Ilmasto", "Hiilineutraali Vuorilahti 2030 -tiekartan toimenpiteet etenevät",
         [("Kaupungin kiinteistöjen uusiutuvan energian osuus", "≥ 65 %"),
          ("Kaupungin ajoneuvojen sähköautojen osuus", "≥ 30 %")]),
    ]
    rows = [[Paragraph(x, sb) for x in ("Osa-alue", "Tavoite", "Mittari", "Tavoitetaso", "Seuranta 8/2026",
                                          "Arvio 1/2027")]]
    spans = []
    goals = []
    for area, goal, ms in data:
        r0 = len(rows)
        for k, (m, lvl) in enumerate(ms):
            rows.append([Paragraph(area, ss) if k == 0 else "", Paragraph(goal, ss) if k == 0 else "",
                         Paragraph(m, ss), Paragraph(lvl, ss), "", ""])
        if len(ms) > 1:
            spans += [("SPAN", (0, r0), (0, r0 + len(ms) - 1)), ("SPAN", (1, r0), (1, r0 + len(ms) - 1))]
        goals.append(G(goal, [m for m, _ in ms], area))
    t = Table(rows, colWidths=[2.6 * cm, 7.2 * cm, 7.4 * cm, 3.2 * cm, 3.3 * cm, 3.0 * cm], repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE6D5")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 9)] + spans))
    st += [t, Spacer(1, 0.6 * cm), Paragraph("3 Arviointi", h1),
           Paragraph("Kaupunginhallitus arvioi tavoitteiden toteutumisen tammikuussa 2027. Arvioinnissa käytetään "
                     "asteikkoa: toteutunut – osittain toteutunut – ei toteutunut.", body)]
    doc.build(st, onFirstPage=first, onLaterPages=later)
    expected(name, "table-checkpoint-columns", "pdf", "fi", "Vuorilahden kaupunki",
             "Kaupunginjohtajan tavoitteet 2026", goals, ["elokuu 2026", "tammikuu 2027"],
             [("2026-03-02", "Kaupunginhallitus")], ("2026-01-01", "2026-12-31"),
             "reportlab platypus, landscape: cover page, table of contents, introduction, then a 6-column table "
             "(Osa-alue, Tavoite, Mittari, Tavoitetaso, Seuranta 8/2026, Arvio 1/2027) with SPAN-merged area and "
             "goal cells, continued over pages with a repeated header row. Checkpoint columns are empty. "
             "Osa-alue column = area. 'tammikuussa 2027' in the text repeats the Arvio column checkpoint.")


# =========================================================================== P3 pdf: two-column Swedish
def p3_solvik():
    name = "g15-two-column-solvik-sv"
    W, H = A4
    m = 1.8 * cm
    gap = 0.8 * cm
    colw = (W - 2 * m - gap) / 2
    top_h = 4.2 * cm
    f_top = Frame(m, H - m - top_h, W - 2 * m, top_h, id="top", showBoundary=0)
    f1 = Frame(m, m, colw, H - 2 * m - top_h, id="c1")
    f2 = Frame(m + colw + gap, m, colw, H - 2 * m - top_h, id="c2")
    g1 = Frame(m, m, colw, H - 2 * m, id="d1")
    g2 = Frame(m + colw + gap, m, colw, H - 2 * m, id="d2")

    def deco(c, d):
        c.saveState()
        c.setFont("LSer", 8)
        c.drawString(m, 1.0 * cm, "Solviks kommun · Kommunstyrelsen 26.1.2026 § 12 · Bilaga 1")
        c.drawRightString(W - m, 1.0 * cm, "%d" % d.page)
        c.restoreState()

    doc = BaseDocTemplate(out(name + ".pdf"), pagesize=A4, title="Mål för kommundirektören 2026",
                          author="Solviks kommun")
    doc.addPageTemplates([PageTemplate("first", [f_top, f1, f2], onPage=deco),
                          PageTemplate("later", [g1, g2], onPage=deco)])
    T = ParagraphStyle("t", fontName="LSer-B", fontSize=20, leading=24)
    s = ParagraphStyle("s", fontName="LSer", fontSize=10.5, leading=13.5, spaceAfter=4)
    th = ParagraphStyle("th", fontName="LSer-B", fontSize=13, leading=16, spaceBefore=8, spaceAfter=4)
    gh = ParagraphStyle("gh", fontName="LSer-B", fontSize=10.5, leading=13.5, spaceBefore=6, spaceAfter=2)
    bl = ParagraphStyle("bl", parent=s, leftIndent=12, firstLineIndent=-9, spaceAfter=1)
    st = [Paragraph("SOLVIKS KOMMUN", s), Paragraph("Mål för kommundirektören 2026", T),
          Paragraph("Kommunstyrelsen 26.1.2026 § 12 &nbsp;&nbsp;|&nbsp;&nbsp; Målperiod: 1.1–31.12.2026", s),
          NextPageTemplate("later"), FrameBreak()]
    st.append(Paragraph("Kommunstyrelsen fastställer årligen målen för kommundirektören. Målen bygger på "
                        "kommunstrategin 2030 och på budgeten. Uppföljning i september 2026 och slutbedömning "
                        "i februari 2027. Målen och mätarna nedan har diskuterats med kommundirektören i "
                        "december 2025.", s))
    data = [
        ("Ekonomi", [
            ("Ekonomin i balans", ["Årsbidraget täcker avskrivningarna", "Skattesatsen höjs inte"]),
            ("Kommunens ekonomiska planering är långsiktig och investeringsprogrammet uppdateras årligen "
             "i samband med budgeten", ["Investeringsprogrammet för 2027–2031 godkänns"]),
        ]),
        ("Livskraft", [
            ("Planläggningen stöder bostadsbyggande i centrum och vid stränderna",
             ["Detaljplanen för Hamnområdet godkänns", "Minst 20 nya bostadstomter planläggs"]),
            ("Företagsklimatet förbättras", ["Företagarnas enkät ger minst 3,5 i helhetsbetyg",
                                              "Antalet nya företag är minst 15"]),
        ]),
        ("Personal", [
            ("Kommunen är en attraktiv arbetsgivare",
             ["Sjukfrånvaron minskar jämfört med 2025", "Personalomsättningen är under 10 %",
              "Alla anställda har haft utvecklingssamtal"]),
            ("Chefernas ledarskap utvecklas genom ett gemensamt utbildningsprogram",
             ["Minst 85 % av cheferna deltar", "Ledarskapsindexet i personalenkäten förbättras"]),
        ]),
    ]
    goals = []
    n = 0
    for theme, gl in data:
        st.append(Paragraph(theme, th))
        for title, inds in gl:
            n += 1
            st.append(Paragraph("Mål %d: %s" % (n, title), gh))
            st.append(Paragraph("<i>Mätare:</i>", s))
            for ind in inds:
                st.append(Paragraph("–&nbsp;&nbsp;" + ind, bl))
            goals.append(G(title, inds, theme))
    st.append(Spacer(1, 10))
    st.append(Paragraph("Förslag till resultatlön behandlas i kommunstyrelsen efter slutbedömningen. Målen har "
                        "utarbetats i samarbete mellan kommunstyrelsens ordförande och kommundirektören.", s))
    st.append(Paragraph("Solvik 27.1.2026<br/>Lena Holmström, kommunstyrelsens ordförande", s))
    doc.build(st)
    expected(name, "two-column-pdf", "pdf", "sv", "Solviks kommun", "Mål för kommundirektören 2026", goals,
             ["september 2026", "februari 2027"], [("2026-01-26", "Kommunstyrelsen")],
             ("2026-01-01", "2026-12-31"),
             "reportlab BaseDocTemplate: full-width title frame, then two text columns (text must be read column "
             "by column). Theme headings Ekonomi/Livskraft/Personal are areas; 'Mål n:' label stripped; "
             "'Mätare:' label then en-dash typed bullets. December 2025 discussion is not a checkpoint.")


# =========================================================================== P4 pdf: scanned page + invisible text
def p4_kaihlasalmi():
    from PIL import Image, ImageDraw, ImageFont, ImageFilter
    from reportlab.pdfgen import canvas as rlcanvas
    name = "g16-scanned-kaihlasalmi"
    rnd = random.Random(4)
    DPI = 110
    W, H = A4
    pw, ph = int(W / 72 * DPI), int(H / 72 * DPI)
    lines = [  # (x_pt, size_pt, bold, text)
        (60, 9, False, "KAIHLASALMEN KUNTA"),
        (60, 9, False, "Kunnanhallitus"),
        (400, 9, False, "27.1.2025"),
        (60, 15, True, "Kunnanjohtajan tavoitteet 2025"),
        (60, 10, False, "Kunnanhallitus hyväksyi tavoitteet kokouksessaan 27.1.2025 § 15. Väliarvio 6/2025,"),
        (60, 10, False, "loppuarvio 1/2026."),
        (60, 10, False, ""),
        (60, 10, True, "Tavoite: Kunnan talous on tasapainossa"),
        (60, 10, False, "Mittarit: Tilikauden tulos"),
        (112, 10, False, "Lainamäärä asukasta kohden"),
        (60, 10, False, "Arviointikriteeri: Tulos on ylijäämäinen ja lainamäärä alle 3 500 €/as."),
        (60, 10, False, ""),
        (60, 10, True, "Tavoite: Kuntastrategian päivitys valmistuu ja strategia jalkautetaan"),
        (60, 10, True, "toimialojen käyttösuunnitelmiin"),
        (60, 10, False, "Mittari: Valtuusto hyväksyy strategian"),
        (60, 10, False, "Arviointikriteeri: Hyväksytty marraskuun 2025 loppuun mennessä"),
        (60, 10, False, ""),
        (60, 10, True, "Tavoite: Yritysyhteistyö tiivistyy"),
        (60, 10, False, "Mittari: Yritystapaamisten määrä vähintään 40"),
        (60, 10, False, ""),
        (60, 10, True, "Tavoite: Henkilöstön työhyvinvointi paranee"),
        (60, 10, False, "Mittarit: Sairauspoissaolot vähenevät; Työhyvinvointikyselyn tulos paranee"),
        (60, 10, False, ""),
        (60, 10, False, "Tulospalkkio määräytyy johtajasopimuksen 5 §:n mukaan."),
        (60, 10, False, ""),
        (60, 10, False, "Kaihlasalmella 28.1.2025"),
        (60, 10, False, ""),
        (60, 10, False, "Jouni Lappalainen                         Marketta Ruotsalainen"),
        (60, 10, False, "kunnanhallituksen puheenjohtaja          kunnanjohtaja"),
    ]
    img = Image.new("L", (pw, ph), 250)
    dr = ImageDraw.Draw(img)
    fonts = {}
    y = 70.0
    placed = []
    prev_y = None
    for x, size, bold, text in lines:
        if x == 400:  # date on same line as previous
            yy = prev_y
        else:
            yy = y
            y += size * 1.55 if text else 8
        prev_y = yy
        if not text:
            continue
        key = (size, bold)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(LIB + ("LiberationSerif-Bold.ttf" if bold else
                                                   "LiberationSerif-Regular.ttf"), int(size * DPI / 72))
        dr.text((x * DPI / 72, yy * DPI / 72), text, fill=35, font=fonts[key])
        placed.append((x, yy, size, bold, text))
    img = img.rotate(0.35, resample=Image.BICUBIC, fillcolor=250)
    px = img.load()
    for _ in range(6000):
        px[rnd.randrange(pw), rnd.randrange(ph)] = rnd.choice((150, 200, 90))
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    jp = os.path.join(tempfile.mkdtemp(prefix="h4img-"), "scan.jpg")
    img.save(jp, "JPEG", quality=55)
    c = rlcanvas.Canvas(out(name + ".pdf"), pagesize=A4, invariant=1)
    c.setTitle("scan_0042.pdf")
    c.setCreator("ScanStation 7100 / OCR")
    c.drawImage(jp, 0, 0, W, H)
    for x, yy, size, bold, text in placed:
        to = c.beginText()
        to.setTextRenderMode(3)
        to.setFont("LSer-B" if bold else "LSer", size)
        to.setTextOrigin(x, H - yy - size * 0.85)
        to.textLine(text)
        c.drawText(to)
    c.showPage()
    c.save()
    goals = [
        G("Kunnan talous on tasapainossa", ["Tilikauden tulos", "Lainamäärä asukasta kohden",
                                           "Tulos on ylijäämäinen ja lainamäärä alle 3 500 €/as."]),
        G("Kuntastrategian päivitys valmistuu ja strategia jalkautetaan toimialojen käyttösuunnitelmiin",
          ["Valtuusto hyväksyy strategian", "Hyväksytty marraskuun 2025 loppuun mennessä"]),
        G("Yritysyhteistyö tiivistyy", ["Yritystapaamisten määrä vähintään 40"]),
        G("Henkilöstön työhyvinvointi paranee", ["Sairauspoissaolot vähenevät",
                                                 "Työhyvinvointikyselyn tulos paranee"]),
    ]
    expected(name, "scanned-image-invisible-text", "pdf", "fi", "Kaihlasalmen kunta",
             "Kunnanjohtajan tavoitteet 2025", goals, ["kesäkuu 2025", "tammikuu 2026"],
             [("2025-01-27", "Kunnanhallitus")], None,
             "Page image (JPEG, slightly rotated, noise) with an invisible text layer (render mode 3) in "
             "label-line form Tavoite:/Mittari(t):/Arviointikriteeri:. The second 'Mittarit' value continues on an "
             "indented line without label (= second indicator); goal 2 title wraps onto a second line; "
             "'Mittarit: a; b' gives two. Arviointikriteeri texts are indicators. '6/2025' and '1/2026' are "
             "checkpoints; the deadline inside an arviointikriteeri is not.")


# =========================================================================== fpdf2 common
from fpdf import FPDF


def new_fpdf(orientation="P"):
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.add_font("DejaVu", "", DJ + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", DJ + "DejaVuSans-Bold.ttf")
    pdf.add_font("DejaVu", "I", DJ + "DejaVuSans-Oblique.ttf")
    return pdf


# =========================================================================== P5 pdf: one goal per slide
def p5_koivurinne():
    name = "g14-slides-koivurinne"
    pdf = new_fpdf("L")
    pdf.set_auto_page_break(False)
    pdf.set_title("KJ tavoitteet 2026 - esitys")
    slides = [
        ("Talous", "Talous tasapainossa", ["Tilikauden tulos ylijäämäinen", "Lainakanta alle 5 000 €/asukas"]),
        ("Elinvoima", "Asuntotuotanto käynnistyy Koivurinteen keskustan uusilla asemakaava-alueilla ja "
                      "Rantapuiston alueen ensimmäiset tontit luovutetaan rakentajille",
         ["Vähintään 120 uutta asuntoa valmistuu", "Keskustan asemakaavan muutos on lainvoimainen"]),
        ("Palvelut", "Palveluverkko vastaa väestökehitystä",
         ["Kouluverkkopäätös on tehty", "Kirjastopalvelujen käyttäjämäärä säilyy vähintään vuoden 2025 tasolla"]),
        ("Henkilöstö", "Kaupunki on houkutteleva työnantaja",
         ["Rekrytointien keskimääräinen täyttöaika alle 40 päivää",
          "Henkilöstökyselyn suositteluindeksi (eNPS) on positiivinen"]),
        ("Ilmasto", "Hiilineutraali Koivurinne 2035 -ohjelma etenee",
         ["Kaupungin kiinteistöjen energiankulutus vähenee 3 %"]),
    ]
    total = len(slides) + 2

    def frame(n):
        pdf.set_fill_color(0, 84, 122)
        pdf.rect(0, 0, 297, 16, "F")
        pdf.set_fill_color(140, 190, 70)
        pdf.rect(0, 200, 297, 10, "F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "", 9)
        pdf.set_xy(12, 201.5)
        pdf.cell(150, 6, "Koivurinteen kaupunki | Kaupunginhallituksen seminaari 14.1.2026")
        pdf.set_xy(250, 201.5)
        pdf.cell(35, 6, "%d / %d" % (n, total), align="R")
        pdf.set_text_color(0, 0, 0)

    pdf.add_page()
    frame(1)
    pdf.set_font("DejaVu", "B", 32)
    pdf.set_xy(20, 70)
    pdf.cell(257, 16, "Kaupunginjohtajan tavoitteet 2026", align="C")
    pdf.set_font("DejaVu", "", 16)
    pdf.set_xy(20, 95)
    pdf.cell(257, 10, "Koivurinteen kaupunki", align="C")
    pdf.set_xy(20, 108)
    pdf.cell(257, 10, "Kaupunginhallituksen seminaari 14.1.2026", align="C")
    goals = []
    for i, (area, title, inds) in enumerate(slides, 1):
        pdf.add_page()
        frame(i + 1)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "B", 13)
        pdf.set_xy(12, 4)
        pdf.cell(200, 8, area)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", "B", 22)
        pdf.set_xy(20, 30)
        pdf.multi_cell(257, 11, "Tavoite %d – %s" % (i, title))
        y = pdf.get_y() + 10
        pdf.set_font("DejaVu", "", 16)
        for k, ind in enumerate(inds, 1):
            pdf.set_xy(28, y)
            pdf.multi_cell(240, 9, "Mittari %d.%d  %s" % (i, k, ind))
            y = pdf.get_y() + 5
        goals.append(G(title, inds, area))
    pdf.add_page()
    frame(total)
    pdf.set_font("DejaVu", "B", 22)
    pdf.set_xy(20, 30)
    pdf.cell(257, 11, "Seuranta ja käsittely")
    pdf.set_font("DejaVu", "", 16)
    for k, ln in enumerate(["Seuranta: toukokuu 2026 ja syyskuu 2026",
                            "Loppuarvio: tammikuu 2027",
                            "Käsittely: Kaupunginhallitus 2.2.2026 § 25",
                            "Tulospalkkio enintään 1,5 kk:n palkka"]):
        pdf.set_xy(28, 55 + k * 14)
        pdf.cell(240, 9, "\u2022  " + ln)
    pdf.output(out(name + ".pdf"))
    expected(name, "one-goal-per-slide", "pdf", "fi", "Koivurinteen kaupunki", "Kaupunginjohtajan tavoitteet 2026",
             goals, ["toukokuu 2026", "syyskuu 2026", "tammikuu 2027"], [("2026-02-02", "Kaupunginhallitus")],
             None,
             "fpdf2 landscape 'slides': title slide, one goal per page with 'Tavoite n – title' (wraps on slide 2) "
             "and 'Mittari n.m text' lines, theme in the coloured top band (= area), final slide with follow-up and handling. "
             "The seminar 14.1.2026 is not a handling.")


# =========================================================================== P6 pdf: wellbeing services county
def p6_pohjoisharju():
    name = "g39-wellbeing-county-pohjoisharju"
    pdf = new_fpdf("P")
    pdf.set_auto_page_break(True, 20)
    pdf.set_title("Hyvinvointialuejohtajan tavoitteet 2026")

    def header_footer():
        pdf.set_font("DejaVu", "", 8)
        pdf.set_text_color(90, 90, 90)
        pdf.set_xy(15, 8)
        pdf.cell(120, 5, "Pohjois-Harjun hyvinvointialue")
        pdf.cell(60, 5, "JULKINEN", align="R")
        pdf.set_text_color(0, 0, 0)

    pdf.add_page()
    header_footer()
    pdf.set_xy(15, 22)
    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(180, 9, "Hyvinvointialuejohtajan tavoitteet 2026")
    pdf.set_font("DejaVu", "", 10)
    pdf.ln(2)
    pdf.set_x(15)
    pdf.multi_cell(180, 5.5,
                   "Aluehallitus 10.2.2026 § 40. Tavoitekausi 1.1.–31.12.2026.\n"
                   "Tavoitteet perustuvat aluestrategiaan ja talousarvioon. Seurantaraportit aluehallitukselle "
                   "huhtikuussa, elokuussa ja lokakuussa 2026. Arviointi tammikuussa 2027.")
    pdf.ln(4)
    data = [
        ("Asiakas ja palvelut", [
            ("Hoitoon pääsy nopeutuu perusterveydenhuollossa ja suun terveydenhuollossa",
             ["Kiireettömän hoidon jonotusaika alle 14 vrk", "Hoitotakuun toteutuminen ≥ 95 %",
              "Suun terveydenhuollon T3-luku enintään 60 vrk"]),
            ("Kotiin annettavien palvelujen osuus kasvaa",
             ["75 vuotta täyttäneistä kotona asuu ≥ 92 %"]),
        ]),
        ("Talous ja vaikuttavuus", [
            ("Talous on tasapainossa alijäämän kattamiskauden mukaisesti",
             ["Tilikauden alijäämä enintään 20 M€", "Ostopalvelujen kustannukset vähenevät 5 %"]),
        ]),
        ("Henkilöstö", [
            ("Henkilöstön saatavuus paranee",
             ["Vuokratyövoiman käyttö vähenee 30 %", "Hoitajien vakanssien täyttöaste ≥ 97 %"]),
        ]),
    ]
    goals = []
    for theme, gl in data:
        pdf.set_fill_color(226, 238, 245)
        pdf.set_font("DejaVu", "B", 12)
        pdf.set_x(15)
        pdf.cell(180, 8, "Strateginen teema: " + theme, fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for title, inds in gl:
            pdf.set_font("DejaVu", "B", 10.5)
            pdf.set_x(15)
            pdf.multi_cell(180, 5.5, title)
            pdf.ln(1)
            pdf.set_font("DejaVu", "", 10)
            for ind in inds:
                y = pdf.get_y()
                # bullet drawn on its own line above the indicator text
                pdf.set_xy(19, y)
                pdf.cell(5, 4.5, "\u2022", new_x="LMARGIN", new_y="NEXT")
                pdf.set_xy(24, pdf.get_y())
                pdf.multi_cell(170, 5, ind)
                pdf.ln(0.5)
            pdf.ln(3)
            goals.append(G(title, inds, theme))
    pdf.ln(2)
    pdf.set_font("DejaVu", "I", 9)
    pdf.set_x(15)
    pdf.multi_cell(180, 5, "Tulospalkkiosta päättää aluehallitus arvioinnin perusteella. Tähän asiakirjaan ei "
                           "voi hakea muutosta, koska kyse on valmistelua koskevasta päätöksestä.")
    pdf.output(out(name + ".pdf"))
    expected(name, "wellbeing-services-county", "pdf", "fi", "Pohjois-Harjun hyvinvointialue",
             "Hyvinvointialuejohtajan tavoitteet 2026", goals,
             ["huhtikuu 2026", "elokuu 2026", "lokakuu 2026", "tammikuu 2027"],
             [("2026-02-10", "Aluehallitus")], ("2026-01-01", "2026-12-31"),
             "fpdf2. 'Strateginen teema: X' band = area X (label removed). Goals are bold lines, indicators have "
             "the bullet glyph drawn on its own line above the text (family 18). Target values inside indicator "
             "text are kept. 'huhtikuussa, elokuussa ja lokakuussa 2026' gives three checkpoints.")


# =========================================================================== P7 pdf: inverted markers (canvas)
def p7_haukilampi():
    from reportlab.pdfgen import canvas as rlcanvas
    from reportlab.lib.utils import simpleSplit
    name = "g42-inverted-markers-haukilampi"
    W, H = A4
    c = rlcanvas.Canvas(out(name + ".pdf"), pagesize=A4, invariant=1)
    c.setTitle("Kunnanjohtajan tavoitteet 2026")
    c.setAuthor("Haukilammen kunta")
    state = {"y": H - 3 * cm, "page": 1}

    def deco():
        c.setFont("DV", 8)
        c.drawString(2 * cm, H - 1.3 * cm, "Haukilammen kunta")
        c.drawRightString(W - 2 * cm, H - 1.3 * cm, "9.3.2026")
        c.drawCentredString(W / 2, 1.2 * cm, "- %d -" % state["page"])

    def need(h):
        if state["y"] - h < 2.5 * cm:
            c.showPage()
            state["page"] += 1
            deco()
            state["y"] = H - 2.5 * cm

    def text(x, s, font="DV", size=10.5, lead=14, width=None, marker=None, mx=None):
        width = width or (W - 2 * cm - x)
        parts = simpleSplit(s, font, size, width)
        need(lead * len(parts))
        if marker:
            c.setFont("DV", size)
            c.drawString(mx, state["y"], marker)
        c.setFont(font, size)
        for ln in parts:
            c.drawString(x, state["y"], ln)
            state["y"] -= lead

    deco()
    text(2 * cm, "KUNNANJOHTAJAN TAVOITTEET 2026", "DV-B", 15, 20)
    state["y"] -= 4
    text(2 * cm, "Kunnanhallitus 9.3.2026 § 50")
    text(2 * cm, "Väliarvio kesäkuussa, loppuarvio joulukuussa 2026. Tavoitteet on laadittu yhteistyössä "
                 "kunnanhallituksen puheenjohtajiston kanssa.")
    state["y"] -= 10
    text(2 * cm, "Tavoitteet 2026", "DV-B", 12, 17)
    state["y"] -= 4
    data = [
        ("Talous kestävälle pohjalle", ["Tulos ylijäämäinen", "Lainat alle 6 000 €/as."]),
        ("Kunnan strategian jalkautus", ["Strategiset mittarit raportoidaan valtuustolle",
                                         "Toimialojen käyttösuunnitelmat on linjattu strategiaan"]),
        ("Kuntalaisten osallisuuden vahvistaminen ja uuden osallisuusohjelman laatiminen yhdessä "
         "nuorisovaltuuston, vanhus- ja vammaisneuvoston, kylätoimikuntien sekä paikallisten yhdistysten ja "
         "yrittäjäjärjestön kanssa",
         ["Osallisuusohjelma hyväksytty", "Asukasiltoja vähintään 6"]),
        ("Henkilöstöstrategia päivitetään.", []),
        ("Elinvoimaohjelman toimeenpano", ["Matkailun tulot kasvavat", "Kaksi uutta yritystä teollisuusalueelle"]),
    ]
    goals = []
    for title, inds in data:
        text(2.6 * cm, title, "DV-B", 10.5, 14, marker="\u2022", mx=2 * cm)
        for ind in inds:
            text(3.4 * cm, ind, "DV", 10.5, 14, marker="\u2013", mx=2.9 * cm)
        state["y"] -= 6
        goals.append(G(title, inds))
    state["y"] -= 8
    text(2 * cm, "Tavoitteiden toteutuminen otetaan huomioon kunnanjohtajan tulospalkkiota määrättäessä.")
    state["y"] -= 20
    text(2 * cm, "Aila Kärkkäinen")
    text(2 * cm, "kunnanhallituksen puheenjohtaja")
    c.showPage()
    c.save()
    expected(name, "inverted-markers", "pdf", "fi", "Haukilammen kunta", "Kunnanjohtajan tavoitteet 2026",
             goals, ["kesäkuu 2026", "joulukuu 2026"], [("2026-03-09", "Kunnanhallitus")], None,
             "reportlab canvas, manual wrapping: '•' marks goals (bold), '–' marks indicators. Goal 3 wraps over "
             "three lines. Goal 4 is a full sentence without indicators (keeps final period). 'Tavoitteet 2026' "
             "is a container heading, not an area. 'kesäkuussa' without a year takes 2026. Title printed in caps.")


# =========================================================================== O1 odt: odfpy Swedish table
def o1_sandnas():
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, TableColumnProperties,
                           TableCellProperties, Footer, MasterPage, PageLayout, PageLayoutProperties)
    from odf.text import P, H, Span, PageNumber
    from odf.table import Table as OTable, TableColumn, TableRow, TableCell, TableHeaderRows
    name = "g32-odt-table-sandnas-sv"
    doc = OpenDocumentText()
    doc.meta.addElement(__import__("odf.dc", fromlist=["Title"]).Title(text="Kommundirektörens mål 2026"))
    bold = Style(name="B", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    tstyle = Style(name="Titel", family="paragraph")
    tstyle.addElement(TextProperties(fontsize="18pt", fontweight="bold"))
    tstyle.addElement(ParagraphProperties(marginbottom="0.3cm"))
    doc.styles.addElement(tstyle)
    small = Style(name="Small", family="paragraph")
    small.addElement(TextProperties(fontsize="9pt"))
    doc.styles.addElement(small)
    cellst = Style(name="Cell", family="table-cell")
    cellst.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
    doc.automaticstyles.addElement(cellst)
    hcell = Style(name="HCell", family="table-cell")
    hcell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm", backgroundcolor="#e6e6e6"))
    doc.automaticstyles.addElement(hcell)
    widths = ["2.6cm", "4.6cm", "4.8cm", "2.4cm", "2.6cm"]
    colstyles = []
    for i, w in enumerate(widths):
        cs = Style(name="C%d" % i, family="table-column")
        cs.addElement(TableColumnProperties(columnwidth=w))
        doc.automaticstyles.addElement(cs)
        colstyles.append(cs)
    pl = PageLayout(name="PL")
    pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margintop="1.5cm",
                                       marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
    doc.automaticstyles.addElement(pl)
    mp = MasterPage(name="Standard", pagelayoutname=pl)
    ft = Footer()
    fp = P(stylename=small, text="Sandnäs kommun – sida ")
    fp.addElement(PageNumber(selectpage="current", text="1"))
    ft.addElement(fp)
    mp.addElement(ft)
    doc.masterstyles.addElement(mp)

    doc.text.addElement(P(stylename=small, text="SANDNÄS KOMMUN\tKommunstyrelsen\tBilaga 5"))
    doc.text.addElement(P(stylename=tstyle, text="Kommundirektörens mål 2026"))
    doc.text.addElement(P(text="Behandlad i kommunstyrelsen 16.2.2026 § 30."))
    doc.text.addElement(P(text="Uppföljning: augusti 2026. Utvärdering: januari 2027."))
    doc.text.addElement(P(text=""))
    rows = [
        ("Ekonomi", "Balanserad ekonomi", "Årsbidrag per invånare", "≥ 400 €", "ekonomidirektör"),
        ("", "", "Lånestock per invånare", "< 5 000 €", ""),
        ("", "Effektiv lokalförvaltning", "Antalet outnyttjade lokaler minskar", "−3 lokaler", "teknisk direktör"),
        ("Livskraft", "Fler arbetsplatser och företag i kommunen", "Nya arbetsplatser", "+50", "näringslivschef"),
        ("", "", "Företagarnas nöjdhet med kommunens service", "3,6", ""),
        ("Välfärd", "Barn och unga mår bra och känner sig delaktiga", "Andelen elever som trivs i skolan "
         "(Hälsa i skolan)", "≥ 85 %", "bildningsdirektör"),
        ("Personal", "Kompetent och engagerad personal", "Sjukfrånvaro dagar/årsverke", "< 13", "personalchef"),
        ("", "", "Medarbetarenkätens helhetsbetyg", "≥ 3,8", ""),
    ]
    tb = OTable(name="Mal")
    for cs in colstyles:
        tb.addElement(TableColumn(stylename=cs))
    thr = TableHeaderRows()
    tr = TableRow()
    for hd in ("Fokusområde", "Mål", "Mätare", "Målnivå", "Ansvar"):
        tc = TableCell(stylename=hcell, valuetype="string")
        p = P()
        p.addElement(Span(stylename=bold, text=hd))
        tc.addElement(p)
        tr.addElement(tc)
    thr.addElement(tr)
    tb.addElement(thr)
    goals = []
    area = ""
    for r in rows:
        tr = TableRow()
        for v in r:
            tc = TableCell(stylename=cellst, valuetype="string")
            tc.addElement(P(text=v))
            tr.addElement(tc)
        tb.addElement(tr)
        if r[0]:
            area = r[0]
        if r[1]:
            goals.append(G(r[1], [r[2]], area))
        else:
            goals[-1]["indicators"].append(r[2])
    doc.text.addElement(tb)
    doc.text.addElement(P(text=""))
    doc.text.addElement(P(text="Målen gäller kalenderåret. Resultatlönen bestäms enligt direktörsavtalet."))
    doc.text.addElement(P(text="Karin Nyholm, kommunstyrelsens ordförande"))
    doc.save(out(name + ".odt"))
    expected(name, "odt-table-swedish", "odt", "sv", "Sandnäs kommun", "Kommundirektörens mål 2026", goals,
             ["augusti 2026", "januari 2027"], [("2026-02-16", "Kommunstyrelsen")], None,
             "odfpy table Fokusområde/Mål/Mätare/Målnivå/Ansvar with a header row; empty Fokusområde and Mål "
             "cells continue the previous area/goal. Målnivå and Ansvar columns ignored. 'Målen gäller "
             "kalenderåret' is not treated as an explicit period (no year/dates) -> null.")


# =========================================================================== O2 odt: roman themes via LibreOffice
def o2_kuikkaniemi(tmp):
    name = "g37-roman-themes-kuikkaniemi"
    doc = Document()
    base_font(doc, "Liberation Serif", 12)
    fix_core(doc, "Kuikkaniemen kunta")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "KUIKKANIEMEN KUNTA\t\tKäsitelty: KH 13.1.2026 § 5"
    footer_pages(doc, "", "{P}")
    p = doc.add_paragraph()
    r = p.add_run("Kunnanjohtajan tavoitteet 2026")
    r.bold = True
    r.font.size = Pt(16)
    doc.add_paragraph("Tavoitekausi on kalenterivuosi 2026. Arviointi elokuussa 2026 ja helmikuussa 2027.")
    doc.add_paragraph("Painoarvot yhteensä 100 %.")
    data = [
        ("I", "Talous ja resurssit", [
            ("Talousarvio toteutuu ja tasapainotustoimet etenevät", 30,
             ["Toimintakate toteutuu talousarvion mukaisesti", "Tasapainotustoimista toteutuu vähintään 90 %"]),
        ]),
        ("II", "Elinvoima", [
            ("Yritystonttien tarjonta paranee", 20,
             ["Uusi yritysalue on kunnallistekniikan piirissä",
              "Tonttikysyntään vastataan kolmen kuukauden kuluessa"]),
            ("Kuntamarkkinointi uudistuu", 15, ["Uusi viestintä- ja markkinointisuunnitelma hyväksytty"]),
        ]),
        ("III", "Hyvinvointi ja yhteistyö", [
            ("Yhteistyö hyvinvointialueen kanssa on sujuvaa", 20,
             ["Yhteistyöryhmä kokoontuu vähintään neljästi", "Hyvinvointisuunnitelma on päivitetty"]),
            ("Liikuntapaikkojen korjausvelkaa vähennetään", 15, ["Uimahallin peruskorjauksen suunnittelu käynnistyy"]),
        ]),
    ]
    goals = []
    for rn, theme, gl in data:
        doc.add_heading("%s\t%s" % (rn, theme), level=1)
        for title, w, inds in gl:
            p = doc.add_paragraph()
            p.add_run(title).bold = True
            doc.add_paragraph("Painoarvo: %d %%" % w)
            for ind in inds:
                doc.add_paragraph(ind, style="List Bullet")
            goals.append(G(title, inds, theme, w))
    doc.add_paragraph()
    doc.add_paragraph("Kuikkaniemellä 14.1.2026")
    doc.add_paragraph("Sirpa Heikkinen\tkunnanhallituksen puheenjohtaja")
    src = os.path.join(tmp, name + ".docx")
    doc.save(src)
    lo_convert(src, "odt", out(name + ".odt"))
    expected(name, "roman-numeral-themes", "odt", "fi", "Kuikkaniemen kunta", "Kunnanjohtajan tavoitteet 2026",
             goals, ["elokuu 2026", "helmikuu 2027"], [("2026-01-13", "KH")], ("2026-01-01", "2026-12-31"),
             "DOCX (python-docx) converted to ODT by LibreOffice. Heading 1 themes typed 'I<TAB>Talous ja "
             "resurssit' (roman numeral stripped from area); goals are bold Normal paragraphs followed by "
             "'Painoarvo: N %' line (weight) and List Bullet indicators. Handling only in the page header "
             "'Käsitelty: KH 13.1.2026 § 5' (abbreviation kept).")


# =========================================================================== xlsx
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Border, Side


def fix_wb(wb, creator):
    wb.properties.creator = creator
    wb.properties.created = FIXED
    wb.properties.modified = FIXED


THIN = Border(*(Side(style="thin"),) * 4)
WRAP = Alignment(wrap_text=True, vertical="top")


def x1_peltokoski():
    name = "g28-xlsx-blocks-peltokoski"
    wb = Workbook()
    fix_wb(wb, "Peltokosken kaupunki / HR")
    ws = wb.active
    ws.title = "KJ tavoitteet"
    ws["A1"] = "PELTOKOSKEN KAUPUNKI"
    ws["A1"].font = Font(bold=True, size=10)
    ws["A2"] = "Kaupunginjohtajan tavoitteet 2026"
    ws["A2"].font = Font(bold=True, size=14)
    ws["A3"] = "Hyväksytty kaupunginhallituksessa 23.2.2026 § 51. Seurantasarakkeet täytetään seurantakokouksissa."
    ws["A3"].font = Font(italic=True, size=9)
    hdr = ["Teema", "Tavoite", "Paino %", "Mittari", "Tavoitetaso", "Seuranta 8/2026", "Arvio 12/2026"]
    ws.append([])
    ws.append(hdr)
    for c in ws[5]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="FCE4D6")
        c.border = THIN
    data = [
        ("Talous", "Talous tasapainossa", 30, [("Vuosikate/poistot", "≥ 100 %"), ("Lainakanta €/as.", "≤ 4 500")]),
        ("Elinvoima", "Kaavoitus ja tonttitarjonta vastaavat kysyntään", 25,
         [("Kaavavaranto omakotitonteissa", "3 vuoden tarve"), ("Myydyt yritystontit", "4 kpl")]),
        ("", "Keskustan elinvoimaohjelma käynnistyy", 15, [("Ohjelma hyväksytty valtuustossa", "6/2026")]),
        ("Henkilöstö", "Henkilöstön pysyvyys ja työhyvinvointi paranevat", 30,
         [("Vaihtuvuus", "< 8 %"), ("Sairauspoissaolot pv/htv", "< 15"), ("Kunta10 johtamisindeksi", "≥ 3,7")]),
    ]
    goals = []
    area = ""
    for theme, goal, w, ms in data:
        area = theme or area
        for k, (m, lvl) in enumerate(ms):
            ws.append([theme if k == 0 else None, goal if k == 0 else None, w if k == 0 else None, m, lvl,
                       None, None])
            for c in ws[ws.max_row]:
                c.border = THIN
                c.alignment = WRAP
        goals.append(G(goal, [m for m, _ in ms], area, w))
    ws.append([])
    ws.append(["Huom! Painot yhteensä 100 %. Tulospalkkio maksetaan arvion perusteella."])
    for col, wdt in zip("ABCDEFG", (14, 38, 9, 34, 16, 16, 16)):
        ws.column_dimensions[col].width = wdt
    wb.save(out(name + ".xlsx"))
    expected(name, "xlsx-title-note-blocks", "xlsx", "fi", "Peltokosken kaupunki", "Kaupunginjohtajan tavoitteet 2026",
             goals, ["elokuu 2026", "joulukuu 2026"], [("2026-02-23", "Kaupunginhallitus")], None,
             "openpyxl: organisation row, title row, note row (handling), empty row, header row. Goal, theme and "
             "Paino % only on the first row of each block; the third goal has an empty Teema cell and inherits "
             "'Elinvoima'. Checkpoints from column headers 'Seuranta 8/2026' and 'Arvio 12/2026'; '6/2026' in the "
             "Tavoitetaso column is a target, not a checkpoint.")


def x2_lovnas():
    name = "g29-xlsx-row-per-goal-lovnas-sv"
    wb = Workbook()
    fix_wb(wb, "Lövnäs kommun")
    ws = wb.active
    ws.title = "Mål 2026"
    ws.oddHeader.center.text = "Lövnäs kommun"
    ws.append(["Vikt %", "Mål", "Mätare", "Ansvarig", "Kommentar"])
    for c in ws[1]:
        c.font = Font(bold=True)
    data = [
        (25, "Ekonomin i balans", ["Årsbidraget täcker avskrivningarna", "Skattesatsen oförändrad",
                                   "Lånestocken per invånare minskar"], "Kommundirektören", ""),
        (20, "Planläggningen av Norrstrand slutförs och de första tomterna kan säljas under hösten",
         ["Delgeneralplanen godkänd i fullmäktige", "Detaljplan för etapp 1 framlagd"], "Planeringschefen",
         "Tidtabell enligt planläggningsöversikten"),
        (15, "Servicen på svenska och finska är jämlik", ["Invånarenkät: nöjdhet ≥ 4,0"], "Kommundirektören", ""),
        (20, "Digitala tjänster utvecklas", ["Tre nya e-tjänster i bruk", "Andelen elektroniska ansökningar över 50 %"],
         "IT-chefen", "samarbete med regionen"),
        (20, "Arbetsgivarbilden stärks", ["Antalet sökande per ledig tjänst ökar", "Sjukfrånvaron under 4 %"],
         "Personalchefen", ""),
    ]
    goals = []
    for w, goal, inds, resp, com in data:
        ws.append([w, goal, "; ".join(inds), resp, com or None])
        for c in ws[ws.max_row]:
            c.alignment = WRAP
        goals.append(G(goal, inds, "", w))
    for col, wdt in zip("ABCDE", (8, 40, 55, 18, 30)):
        ws.column_dimensions[col].width = wdt
    wb.save(out(name + ".xlsx"))
    expected(name, "xlsx-row-per-goal", "xlsx", "sv", "Lövnäs kommun", "", goals, [], [], None,
             "openpyxl, no title rows: the header row is row 1 and the only title-like text is the page header "
             "'Lövnäs kommun' (not a document title -> title ''). 'Vikt %' (Swedish for Paino %) is the first "
             "column = weight. Indicators are '; '-separated in one cell. Ansvarig/Kommentar ignored.")


def x3_kalliosalo():
    name = "g30-xlsx-sheets-kalliosalo-ky"
    wb = Workbook()
    fix_wb(wb, "Kalliosalon koulutuskuntayhtymä")
    cv = wb.active
    cv.title = "Kansilehti"
    for r in (["Kalliosalon koulutuskuntayhtymä"], [], ["Kuntayhtymän johtajan tavoitteet 2026"], [],
              ["Käsittely", "Yhtymähallitus 20.1.2026 § 6"], ["Tavoitekausi", "1.1.–31.12.2026"],
              ["Laatija", "henkilöstöpäällikkö Outi Ahonen"], ["Versio", "1.2 (hyväksytty)"]):
        cv.append(r)
    cv["A1"].font = Font(bold=True, size=12)
    cv["A3"].font = Font(bold=True, size=16)
    cv.column_dimensions["A"].width = 18
    cv.column_dimensions["B"].width = 40
    ws = wb.create_sheet("Tavoitteet")
    ws.append(["Painopiste", "Strateginen tavoite", "Onnistumisen mittarit", "Vastuu"])
    for c in ws[1]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="375623")
    data = [
        ("Opiskelija", "Opiskelijat valmistuvat ja työllistyvät",
         ["Tutkinnon suorittaneiden osuus ≥ 75 %", "Työllistyneet tai jatko-opintoihin siirtyneet ≥ 80 %",
          "Amispalautteen keskiarvo ≥ 4,2"], "koulutusjohtaja"),
        ("Opiskelija", "Negatiivinen keskeyttäminen vähenee",
         ["Negatiivisen keskeyttämisen osuus < 8 %"], "rehtorit"),
        ("Työelämä", "Työelämäyhteistyö syvenee ja oppisopimuskoulutuksen määrä kasvaa erityisesti "
                     "sosiaali- ja terveysalalla sekä teknologiateollisuudessa",
         ["Oppisopimusten määrä kasvaa 10 %", "Työpaikkaohjaajakoulutukseen osallistuneita ≥ 150"],
         "työelämäpalvelut"),
        ("Talous", "Talous on tasapainossa ja tilat ovat tehokkaassa käytössä",
         ["Tilikauden tulos ≥ 0", "Tilojen käyttöaste ≥ 70 %", "Kampusohjelman vaihe 1 valmis"], "talousjohtaja"),
        ("Henkilöstö", "Henkilöstö voi hyvin",
         ["Työhyvinvointikyselyn keskiarvo ≥ 3,8", "Sairauspoissaolot < 12 pv/htv"], "henkilöstöpäällikkö"),
    ]
    goals = []
    for area, goal, inds, resp in data:
        ws.append([area, goal, "\n".join(inds), resp])
        for c in ws[ws.max_row]:
            c.alignment = WRAP
        goals.append(G(goal, inds, area))
    for col, wdt in zip("ABCD", (14, 45, 55, 20)):
        ws.column_dimensions[col].width = wdt
    nt = wb.create_sheet("Huomiot")
    for r in (["Huomiot"], ["Väliarvio yhtymähallitukselle syyskuussa 2026; loppuarvio helmikuussa 2027."],
              ["Tulospalkkio maksetaan huhtikuussa 2027 yhtymähallituksen päätöksen perusteella."],
              ["Mittareiden lähtötasot: ks. tilinpäätös 2025."]):
        nt.append(r)
    nt.column_dimensions["A"].width = 90
    wb.save(out(name + ".xlsx"))
    expected(name, "xlsx-several-sheets", "xlsx", "fi", "Kalliosalon koulutuskuntayhtymä",
             "Kuntayhtymän johtajan tavoitteet 2026", goals, ["syyskuu 2026", "helmikuu 2027"],
             [("2026-01-20", "Yhtymähallitus")], ("2026-01-01", "2026-12-31"),
             "Joint authority (kuntayhtymä). Three sheets: cover (title, handling, period as label/value pairs), "
             "goals (Painopiste = area, Strateginen tavoite, 'Onnistumisen mittarit' with line breaks inside "
             "the cell = one indicator per line, Vastuu ignored), notes (checkpoints; bonus payment month is "
             "not a checkpoint).")


# =========================================================================== txt
import textwrap


def t1_raitamo():
    name = "g33-email-raitamo"
    W = 72

    def para(s, ind="", sub=None):
        return textwrap.fill(s, W, initial_indent=ind, subsequent_indent=ind if sub is None else sub)

    L = []
    L += ["Lähettäjä: Kinnunen Tarja <tarja.kinnunen@raitamo.fi>",
          "Lähetetty: tiistai 27. tammikuuta 2026 14.12",
          "Vastaanottaja: KH-jäsenet; Johtoryhmä",
          "Kopio: Heikkilä Juha <juha.heikkila@raitamo.fi>",
          "Aihe: VS: Kunnanjohtajan tavoitteet 2026 - KH:n hyväksymä versio", "",
          "Hei kaikki,", "",
          para("alla tiedoksi kunnanhallituksen 26.1.2026 hyväksymät (§ 14) kunnanjohtajan tavoitteet vuodelle "
               "2026. Liitteenä sama PDF-muodossa, mutta osa on pyytänyt tekstin suoraan viestiin, joten tässä "
               "se on. Väliarvio pidetään elokuussa ja loppuarvio tammikuussa 2027."), "",
          "-------------------------------------------------------------------", "",
          "KUNNANJOHTAJAN TAVOITTEET 2026", "", "TALOUS", "",
          para("1. Kunnan talous pysyy tasapainossa ja lainakanta kääntyy laskuun investointiohjelman "
               "karsinnan avulla", "", "   "),
          "   a) tilikauden tulos ylijäämäinen",
          "   b) lainakanta asukasta kohden pienenee", "",
          "2. Hankintojen keskittäminen",
          "   a) yhteishankintayksikön käyttö laajenee kaikille toimialoille", "",
          "ELINVOIMA JA YMPÄRISTÖ", "",
          para("3. Raitamon teollisuusalueen laajennuksen asemakaava ja kunnallistekniikka valmistuvat siten, "
               "että ensimmäiset tontit voidaan luovuttaa yrityksille vuoden 2026 aikana", "", ""),
          "   a) asemakaava lainvoimainen",
          "   b) kunnallistekniikka rakennettu ensimmäiseen vaiheeseen", "",
          "4. Kunnan ilmasto-ohjelma päivitetään.", "",
          "HENKILÖSTÖ", "",
          "5. Työnantajakuva vahvistuu",
          "   a) hakijoita avoimiin tehtäviin keskimäärin vähintään 5",
          "   b) sairauspoissaolot vähenevät", "",
          "-------------------------------------------------------------------", "",
          para("Tulospalkkio määräytyy johtajasopimuksen mukaisesti. Kysymykset minulle tai Juhalle."), "",
          "Ystävällisin terveisin", "", "Tarja Kinnunen", "hallintojohtaja", "Raitamon kunta",
          "puh. 044 765 4321", "",
          "> -----Alkuperäinen viesti-----",
          "> Lähettäjä: Heikkilä Juha",
          "> Aihe: Kunnanjohtajan tavoitteet 2026",
          "> Voisitko laittaa tavoitteet myös tekstinä, kiitos!", ""]
    with open(out(name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))
    goals = [
        G("Kunnan talous pysyy tasapainossa ja lainakanta kääntyy laskuun investointiohjelman karsinnan avulla",
          ["tilikauden tulos ylijäämäinen", "lainakanta asukasta kohden pienenee"], "TALOUS"),
        G("Hankintojen keskittäminen", ["yhteishankintayksikön käyttö laajenee kaikille toimialoille"], "TALOUS"),
        G("Raitamon teollisuusalueen laajennuksen asemakaava ja kunnallistekniikka valmistuvat siten, että "
          "ensimmäiset tontit voidaan luovuttaa yrityksille vuoden 2026 aikana",
          ["asemakaava lainvoimainen", "kunnallistekniikka rakennettu ensimmäiseen vaiheeseen"],
          "ELINVOIMA JA YMPÄRISTÖ"),
        G("Kunnan ilmasto-ohjelma päivitetään.", [], "ELINVOIMA JA YMPÄRISTÖ"),
        G("Työnantajakuva vahvistuu", ["hakijoita avoimiin tehtäviin keskimäärin vähintään 5",
                                       "sairauspoissaolot vähenevät"], "HENKILÖSTÖ"),
    ]
    expected(name, "email-72col", "txt", "fi", "Raitamon kunta", "Kunnanjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-01-26", "Kunnanhallitus")], None,
             "Forwarded e-mail (headers, quoted original, signature are not goals), hard-wrapped at 72 columns. "
             "ALL CAPS themes kept in caps as area; title line printed in caps -> normal case. Goals '1.' with "
             "lettered a) b) indicators. Goal 1 wraps with a 3-space hanging indent, goal 3 wraps flush left "
             "(continuation lines start at column 0). Goal 4 has no indicators and keeps its period. Handling "
             "written 'kunnanhallituksen 26.1.2026 hyväksymät' -> nominative 'Kunnanhallitus'. 'elokuussa' "
             "without year -> 2026.")


def t2_virtakyla():
    name = "g27-bilingual-txt-virtakyla-mixed"
    L = ["VIRTAKYLÄN KUNTA – STRÖMSBY KOMMUN", "",
         "KUNNANJOHTAJAN TAVOITTEET 2026",
         "KOMMUNDIREKTÖRENS MÅL 2026", "",
         "Kunnanhallitus / Kommunstyrelsen 9.2.2026 § 22",
         "Tavoitekausi / Målperiod: 1.1.–31.12.2026",
         "Seuranta / Uppföljning: 9/2026    Arviointi / Utvärdering: 2/2027", "", ""]
    data = [
        ("Talous on tasapainossa", "Ekonomin är i balans",
         ["Vuosikate kattaa poistot / Årsbidraget täcker avskrivningarna",
          "Veroprosentti pysyy ennallaan / Skattesatsen förblir oförändrad"]),
        ("Kunnan vetovoima kasvaa", "Kommunens dragningskraft ökar",
         ["Muuttovoitto vähintään 50 henkeä / Flyttningsöverskott på minst 50 personer"]),
        ("Palvelut toimivat molemmilla kotimaisilla kielillä", "Servicen fungerar på båda inhemska språken",
         ["Ruotsinkielisen varhaiskasvatuksen jonotusaika alle 2 kk / Kötiden till svenskspråkig "
          "småbarnspedagogik under 2 mån",
          "Asiakaskyselyn tulos vähintään 4,0 / Kundenkätens resultat minst 4,0"]),
        ("Henkilöstö voi hyvin", "Personalen mår bra",
         ["Sairauspoissaolot vähenevät / Sjukfrånvaron minskar"]),
    ]
    goals = []
    for i, (fi, sv, inds) in enumerate(data, 1):
        L.append("%d. %s" % (i, fi))
        L.append("   %s" % sv)
        for ind in inds:
            L.append("   - " + ind)
        L.append("")
        goals.append(G(fi, inds))
    L += ["", "Virtakylässä 10.2.2026 / Strömsby 10.2.2026", "",
          "Harri Lindroos", "kunnanhallituksen puheenjohtaja / kommunstyrelsens ordförande", ""]
    with open(out(name + ".txt"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + "\r\n".join(L).encode("utf-8"))
    expected(name, "bilingual-fi-sv", "txt", "mixed", "Virtakylän kunta", "Kunnanjohtajan tavoitteet 2026", goals,
             ["syyskuu 2026", "helmikuu 2027"], [("2026-02-09", "Kunnanhallitus")], ("2026-01-01", "2026-12-31"),
             "UTF-8 with BOM, CRLF line ends. Typed '1.' goal numbers; Finnish line = goal title, indented Swedish "
             "line under it is plain text; '- fi / sv' indicator lines kept whole. Title printed in caps (two lines "
             "fi/sv) -> Finnish line in normal case. '9/2026' and '2/2027' -> Finnish month names. Handling body "
             "'Kunnanhallitus / Kommunstyrelsen' -> Finnish 'Kunnanhallitus'.")


# =========================================================================== main
def main():
    tmp = tempfile.mkdtemp(prefix="h4src-")
    steps = [d1_tuohimaa, d2_routasalmi, d3_bergvik, d4_kuusela, d5_harjuniemi, d6_kolmholma,
             lambda: p1_paakkola(tmp), p2_vuorilahti, p3_solvik, p4_kaihlasalmi, p5_koivurinne,
             p6_pohjoisharju, p7_haukilampi, o1_sandnas, lambda: o2_kuikkaniemi(tmp),
             x1_peltokoski, x2_lovnas, x3_kalliosalo, t1_raitamo, t2_virtakyla]
    only = sys.argv[1:]
    for fn in steps:
        label = getattr(fn, "__name__", "")
        if only and not any(o in label for o in only) and label != "<lambda>":
            continue
        fn()
    shutil.rmtree(tmp, ignore_errors=True)
    print("done")


if __name__ == "__main__":
    main()
