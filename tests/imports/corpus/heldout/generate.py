#!/usr/bin/env python3
"""Build the HELD-OUT evaluation corpus for the Suunta document importer.

Run with a venv that has python-docx, openpyxl, fpdf2, odfpy and Pillow:

    python3 -m venv /tmp/corpus-heldout-env
    /tmp/corpus-heldout-env/bin/pip install python-docx openpyxl fpdf2 odfpy pillow
    /tmp/corpus-heldout-env/bin/python generate.py

LibreOffice (soffice) is used for the "printed from Word" PDFs, with a private
profile (/tmp/lo-heldout) so it does not collide with other LibreOffice users.

The generators are deliberately different from the usual python-docx/reportlab
path: numbering definitions are injected as raw WordprocessingML, one DOCX is
written from scratch as a zip of XML parts, ODT is written with odfpy, the drawn
PDFs are made with fpdf2 (one with a Pillow-rendered page image + invisible text).
"""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
BUILD = Path("/tmp/heldout-build")
LO_PROFILE = "file:///tmp/lo-heldout"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

random.seed(20260316)


# --------------------------------------------------------------------------
# expected JSON
# --------------------------------------------------------------------------
def G(title, indicators=(), area="", weight=None):
    return {"title": title, "area": area, "weight": weight, "indicators": list(indicators)}


def H(date, body):
    return {"date": date, "body": body}


def period(year):
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def write_expected(name, *, family, fmt, language, organisation, title, goals,
                   checkpoints, handling, period, notes):
    data = {
        "family": family,
        "format": fmt,
        "language": language,
        "organisation": organisation,
        "title": title,
        "goals": goals,
        "checkpoints": checkpoints,
        "handling": handling,
        "period": period,
        "notes": notes,
    }
    (OUT / f"{name}.expected.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------
# LibreOffice
# --------------------------------------------------------------------------
def lo_convert(src: Path, target: str, outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless",
           "--convert-to", target, "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180)
    ext = target.split(":")[0]
    res = outdir / (src.stem + "." + ext)
    if not res.exists():
        raise RuntimeError(f"LibreOffice did not produce {res}")
    return res


def print_to_pdf(src: Path, name: str) -> None:
    """'Print' a DOCX/ODT to PDF the way a Word/LibreOffice user would."""
    pdf = lo_convert(src, "pdf", BUILD / "pdf")
    shutil.copyfile(pdf, OUT / f"{name}.pdf")


# --------------------------------------------------------------------------
# DOCX through python-docx + raw numbering XML
# --------------------------------------------------------------------------
from docx import Document  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

SYMBOL_BULLET = ("bullet", "\uf0b7", "Symbol")
COURIER_O = ("bullet", "o", "Courier New")
WINGDINGS_SQ = ("bullet", "\uf0a7", "Wingdings")
PLAIN_BULLET = ("bullet", "•", None)


class WDoc:
    def __init__(self, font="Calibri", size=11, landscape=False, margins_cm=2.0):
        self.doc = Document()
        st = self.doc.styles["Normal"]
        st.font.name = font
        st.font.size = Pt(size)
        rpr = st.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            rfonts.set(qn("w:eastAsia"), font)
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(sec, side, Cm(margins_cm))
        self.numbering = self.doc.part.numbering_part.element
        ids = [int(e.get(qn("w:abstractNumId"))) for e in self.numbering.findall(qn("w:abstractNum"))]
        self._abs = max(ids, default=-1) + 1
        nids = [int(e.get(qn("w:numId"))) for e in self.numbering.findall(qn("w:num"))]
        self._num = max(nids, default=0)

    # numbering -----------------------------------------------------------
    def abstract(self, levels, indent=720, hanging=360):
        aid = self._abs
        self._abs += 1
        parts = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">',
                 '<w:multiLevelType w:val="hybridMultilevel"/>']
        for i, (fmt, text, font) in enumerate(levels):
            rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
                   if font else "")
            parts.append(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{indent * (i + 1)}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>')
        parts.append("</w:abstractNum>")
        el = parse_xml("".join(parts))
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.numbering.append(el)
        return aid

    def num(self, aid, restart=True):
        self._num += 1
        nid = self._num
        ov = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
              if restart else "")
        self.numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>'))
        return nid

    # paragraphs ------------------------------------------------------------
    def p(self, text="", style=None, bold=False, italic=False, size=None, num=None, ilvl=0,
          align=None, after=None, before=None, container=None, color=None):
        cont = container if container is not None else self.doc
        par = cont.add_paragraph(style=style) if style else cont.add_paragraph()
        self.fill(par, text, bold=bold, italic=italic, size=size, color=color)
        if num is not None:
            set_num(par, num, ilvl)
        if align == "center":
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if after is not None:
            par.paragraph_format.space_after = Pt(after)
        if before is not None:
            par.paragraph_format.space_before = Pt(before)
        return par

    @staticmethod
    def fill(par, text, bold=False, italic=False, size=None, color=None):
        if not text:
            return par
        lines = text.split("\n")
        for i, line in enumerate(lines):
            run = par.add_run(line)
            run.bold = bold or None
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
            if i < len(lines) - 1:
                run.add_break()
        return par

    def header(self, left, right="", page_field=None):
        sec = self.doc.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = ""
        hp.add_run(left)
        if right:
            hp.add_run("\t\t" + right)
        if page_field:
            add_page_field(hp, page_field)

    def footer(self, text="", page_field="sivu"):
        fp = self.doc.sections[0].footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT if page_field else WD_ALIGN_PARAGRAPH.LEFT
        if text:
            fp.add_run(text + ("    " if page_field else ""))
        if page_field:
            add_page_field(fp, page_field)

    def save(self, path):
        self.doc.core_properties.author = "Hallintopalvelut"
        self.doc.save(path)


def set_num(par, num, ilvl=0):
    ppr = par._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num


def fld(par, instr, shown):
    par._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="{instr}"><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'))


def add_page_field(par, kind):
    """kind: 'sivu' -> 'Sivu 1/3', 'paren' -> '1 (3)', 'sida' -> 'Sida 1 av 3'"""
    if kind == "sivu":
        par.add_run("Sivu ")
        fld(par, " PAGE ", "1")
        par.add_run("/")
        fld(par, " NUMPAGES ", "1")
    elif kind == "paren":
        fld(par, " PAGE ", "1")
        par.add_run(" (")
        fld(par, " NUMPAGES ", "1")
        par.add_run(")")
    elif kind == "sida":
        par.add_run("Sida ")
        fld(par, " PAGE ", "1")
        par.add_run(" av ")
        fld(par, " NUMPAGES ", "1")


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def shade(cell, fill="D9E2F3"):
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def set_col_widths(table, widths_cm):
    table.autofit = False
    for col, w in zip(table.columns, widths_cm):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def cell_text(cell, text, bold=False, size=None):
    cell.text = ""
    par = cell.paragraphs[0]
    WDoc.fill(par, text, bold=bold, size=size)
    return par


# --------------------------------------------------------------------------
# fpdf2
# --------------------------------------------------------------------------
from fpdf import FPDF  # noqa: E402
from fpdf.enums import TextMode  # noqa: E402


class PDF(FPDF):
    footer_fn = None
    header_fn = None

    def __init__(self, orientation="P", **kw):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.add_font("Serif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
        self.add_font("Serif", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
        self.set_font("DejaVu", "", 11)

    def multi_cell(self, *args, **kw):
        kw.setdefault("align", "L")
        return super().multi_cell(*args, **kw)

    def header(self):
        if self.header_fn:
            self.header_fn(self)

    def footer(self):
        if self.footer_fn:
            self.footer_fn(self)


def para(pdf, text, size=11, style="", h=None, w=0, indent=0.0, after=1.5, family="DejaVu"):
    pdf.set_font(family, style, size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(w if w else pdf.epw - indent, h or size * 0.5, text,
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(after)


# ==========================================================================
# f01 – numbered goals + bullets, theme headings, closing sentences (DOCX)
# ==========================================================================
def f01():
    name = "f01-numbered-themes-lahdenkoski"
    org = "Lahdenkosken kunta"
    title = "Kunnanjohtajan tavoitteet vuodelle 2026"
    themes = [
        ("Elinvoimainen Lahdenkoski", [
            G("Yritysten sijoittumisen edellytysten parantaminen", [
                "Uusia yritystontteja kaavoitettu vähintään 4 hehtaaria",
                "Yrityskäyntejä vähintään 20 vuoden aikana",
                "Työpaikkojen määrä kasvaa edellisvuodesta"]),
            G("Asuntotuotannon käynnistäminen Kirkonkylän alueella", [
                "Rantakallion asemakaava hyväksytty valtuustossa",
                "Vähintään 10 uutta tonttia myynnissä"]),
        ]),
        ("Hyvinvoiva asukas", [
            G("Ikääntyneiden asumisen ratkaisujen selvittäminen yhdessä hyvinvointialueen kanssa", [
                "Selvitys valmistunut ja käsitelty kunnanhallituksessa"]),
            G("Lasten ja nuorten harrastusmahdollisuuksien lisääminen", [
                "Harrastamisen Suomen mallin toteutuminen kaikissa kouluissa",
                "Nuorisotilan aukioloajat laajennettu myös lauantaihin"]),
        ]),
        ("Kestävä talous ja toimiva organisaatio", [
            G("Talouden tasapainottaminen", [
                "Tilikauden tulos vähintään 0 €",
                "Toimintakatteen kasvu enintään 2,5 %",
                "Lainakanta enintään 4 200 €/asukas"]),
            G("Henkilöstön työhyvinvoinnin vahvistaminen", [
                "Sairauspoissaolot vähenevät edellisvuodesta",
                "Kunta10-kyselyn vastausprosentti vähintään 70 %"]),
        ]),
    ]
    w = WDoc(font="Arial", size=11)
    w.header("Lahdenkosken kunta", "LIITE 4")
    hp = w.doc.sections[0].header.add_paragraph("Kunnanhallitus 16.3.2026 § 52\t\tLAHDno-2026-87")
    w.footer(page_field="sivu")
    aid = w.abstract([("decimal", "%1.", None), SYMBOL_BULLET, COURIER_O])
    num = w.num(aid)
    w.p(title, style="Title")
    w.p("Kunnanhallitus asettaa kunnanjohtajalle vuosittain tavoitteet johtajasopimuksen "
        "mukaisesti. Tavoitteet perustuvat kuntastrategiaan 2025–2030 ja vuoden 2026 "
        "talousarvioon. Tavoitteet on valmisteltu kunnanhallituksen puheenjohtajiston ja "
        "kunnanjohtajan välisessä tavoitekeskustelussa 2.3.2026.")
    w.p("Tavoitekausi 1.1.–31.12.2026.")
    goals = []
    for theme, gl in themes:
        w.p(theme, style="Heading 2")
        for g in gl:
            g["area"] = theme
            goals.append(g)
            w.p(g["title"], style="List Paragraph", num=num, ilvl=0, bold=True)
            for ind in g["indicators"]:
                w.p(ind, style="List Paragraph", num=num, ilvl=1)
    w.p("Seuranta ja arviointi", style="Heading 2")
    w.p("Tavoitteiden toteutumista seurataan kunnanjohtajan ja kunnanhallituksen "
        "puheenjohtajiston välisissä keskusteluissa elokuussa 2026 ja arvioidaan tammikuussa "
        "2027. Arvioinnin tulos kirjataan kunnanhallituksen pöytäkirjaan.")
    w.p("Tulospalkkio maksetaan, kun kunnanhallitus on todennut tavoitteiden toteutuneen.")
    w.p("Lahdenkoskella 16.3.2026", before=18)
    t = w.doc.add_table(rows=1, cols=2)
    cell_text(t.cell(0, 0), "Marjatta Hiltunen\nkunnanhallituksen puheenjohtaja")
    cell_text(t.cell(0, 1), "Juha Lepistö\nkunnanjohtaja")
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="numbered-bullets+theme-headings", fmt="docx", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["elokuu 2026", "tammikuu 2027"],
        handling=[H("2026-03-16", "Kunnanhallitus")], period=period(2026),
        notes="Goals are real decimal list items (level 0, bold), indicators level-1 items of the "
              "same list with Symbol bullets. Theme headings (Heading 2) are areas; numbering "
              "continues 1–6 across themes. 'Seuranta ja arviointi' is a Heading 2 too but has no "
              "goals. Date 2.3.2026 in the preamble is a discussion, not a handling by a body. "
              "Signature block is a borderless table.")


# ==========================================================================
# f02 – numbered goals with a), b) sub-items, weights in title -> PDF via LO
# ==========================================================================
def f02():
    name = "f02-lettered-weights-harjuniemi"
    org = "Harjuniemen kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2025"
    goals = [
        G("Kaupunkistrategian toimeenpanon johtaminen", [
            "Strategian toimenpideohjelma hyväksytty kesäkuun 2025 loppuun mennessä",
            "Strategiamittarit raportoidaan valtuustolle kahdesti vuodessa"], weight=30),
        G("Talouden tasapainottamisohjelman toteuttaminen", [
            "Tasapainottamistoimenpiteiden vaikutus vähintään 2,0 milj. euroa",
            "Vuosikate kattaa poistot",
            "Investointien toteutumisaste vähintään 85 %"], weight=30),
        G("Palveluverkkoselvityksen loppuun saattaminen", [
            "Kouluverkkoa koskeva päätösesitys valmis lokakuussa 2025",
            "Kuulemiset järjestetty kaikilla alueilla"], weight=20),
        G("Kaupunkikonsernin omistajaohjauksen kehittäminen", [
            "Konserniohje päivitetty",
            "Tytäryhtiöiden hallitusten arviointi tehty"], weight=20),
    ]
    w = WDoc(font="Times New Roman", size=12)
    w.header("HARJUNIEMEN KAUPUNKI", "", page_field=None)
    w.footer("Harjuniemen kaupunki | Kaupungintalo, Torikatu 3", page_field="paren")
    aid = w.abstract([("decimal", "%1.", None), ("lowerLetter", "%2)", None)], indent=567, hanging=425)
    num = w.num(aid)
    w.p("Liite 2 / Kaupunginhallitus 10.2.2025 § 21", align="right", size=10)
    w.p(title, bold=True, size=16, after=12)
    w.p("Käsitelty: Kaupunginhallituksen johtajasopimusjaosto 3.2.2025, Kaupunginhallitus "
        "10.2.2025 § 21", italic=True, size=10, after=12)
    w.p("Kaupunginjohtajan tavoitteet johdetaan kaupunkistrategiasta ja talousarviosta. "
        "Kullekin tavoitteelle on määritelty painoarvo, jonka perusteella tulospalkkion määrä "
        "lasketaan.")
    for g in goals:
        w.p(f"{g['title']} (paino {g['weight']} %)", num=num, ilvl=0, bold=True, before=6)
        for ind in g["indicators"]:
            w.p(ind, num=num, ilvl=1)
    w.p("Tavoitteiden saavuttamista arvioidaan kaupunginhallituksen johtajasopimusjaostossa "
        "syyskuussa 2025 ja helmikuussa 2026. Kaupunginjohtajan tulospalkkio on enintään yhden "
        "kuukauden palkka, ja se määräytyy painoarvojen mukaisesti.", before=12)
    src = BUILD / f"{name}.docx"
    w.save(src)
    print_to_pdf(src, name)
    write_expected(
        name, family="lettered-subitems+weights", fmt="pdf", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["syyskuu 2025", "helmikuu 2026"],
        handling=[H("2025-02-03", "Kaupunginhallituksen johtajasopimusjaosto"),
                  H("2025-02-10", "Kaupunginhallitus")],
        period=period(2025),
        notes="Printed to PDF by LibreOffice from a DOCX with real decimal + lowerLetter numbering "
              "('a)'). Weight is in the goal title '(paino 30 %)'. The closing paragraph mentions "
              "painoarvot and a date-like 'lokakuussa 2025' sits inside an indicator (not a "
              "checkpoint).")


# ==========================================================================
# f03 – Heading 1 themes, Heading 2 goals, description + 'Mittarit:' (DOCX)
# ==========================================================================
def f03():
    name = "f03-heading-styles-kivilahti"
    org = "Kivilahden kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2027"
    data = [
        ("Sujuva arki ja asuminen", [
            (G("Joukkoliikenteen palvelutason parantaminen", [
                "Lisävuorot käytössä syysliikenteen alusta",
                "Kutsuliikenteen matkustajamäärä kasvaa 15 %"]),
             "Kaupunki neuvottelee seudullisen joukkoliikenteen lisävuoroista ja selvittää "
             "kutsuliikenteen laajentamisen kyliin."),
            (G("Keskustan kehittämisohjelman käynnistäminen", [
                "Kehittämisohjelma hyväksytty kaupunginvaltuustossa",
                "Torin peruskorjauksen suunnittelu kilpailutettu"]),
             "Keskustan kehittämisohjelma kokoaa kaavoituksen, liikenteen ja elinkeinojen "
             "toimenpiteet yhteen. Ohjelma valmistellaan yhdessä kiinteistönomistajien kanssa."),
        ]),
        ("Osaava ja uudistuva organisaatio", [
            (G("Johtamisjärjestelmän uudistaminen", [
                "Uusi johtamisjärjestelmä käytössä 1.6.2027",
                "Esihenkilöiden johtamiskoulutukseen osallistunut vähintään 80 %"]),
             "Johtoryhmärakenne ja toimialojen välinen yhteistyö uudistetaan."),
            (G("Digitaalisten palvelujen laajentaminen", [
                "Sähköisten asiointipalvelujen määrä kasvaa kymmenellä",
                "Asiakastyytyväisyys sähköisissä palveluissa vähintään 4,0/5"]),
             "Asiointia siirretään verkkoon niissä palveluissa, joissa se on asukkaalle helpompaa."),
            (G("Rekrytointiosaamisen vahvistaminen", []),
             "Kaupunki ottaa käyttöön yhteisen rekrytointimallin ja työnantajakuvaa vahvistetaan "
             "yhdessä henkilöstön kanssa. Tavoitteelle ei aseteta erillistä mittaria."),
        ]),
    ]
    w = WDoc(font="Calibri", size=11)
    w.header("Kivilahden kaupunki\tKaupunginhallitus 25.1.2027 § 14\tLiite 1")
    w.footer(page_field="paren")
    bul = w.num(w.abstract([PLAIN_BULLET, ("bullet", "–", None)]))
    w.p(title, style="Title")
    w.p("Sisällys", bold=True)
    toc = [("1 Tavoitekeskustelun tarkoitus", 1), ("2 Sujuva arki ja asuminen", 1),
           ("3 Osaava ja uudistuva organisaatio", 2), ("4 Arviointi", 2)]
    for t, pg in toc:
        par = w.p(f"{t}\t{pg}")
        par.paragraph_format.tab_stops.add_tab_stop(Cm(16))
    w.p("Tavoitekeskustelun tarkoitus", style="Heading 1")
    w.p("Tavoitekeskustelussa kaupunginhallituksen puheenjohtajisto ja kaupunginjohtaja sopivat "
        "kaupunginjohtajan vuoden 2027 keskeisistä tavoitteista. Tavoitteet tukevat "
        "kaupunkistrategian toteutumista.")
    goals = []
    for theme, gl in data:
        w.p(theme, style="Heading 1")
        for g, desc in gl:
            g["area"] = theme
            goals.append(g)
            w.p(g["title"], style="Heading 2")
            w.p(desc)
            if g["indicators"]:
                w.p("Mittarit:", bold=True, after=0)
                for ind in g["indicators"]:
                    w.p(ind, style="List Paragraph", num=bul)
    w.p("Arviointi", style="Heading 1")
    w.p("Tavoitteiden toteutumista tarkastellaan väliarviossa kesäkuussa 2027 ja "
        "loppuarviossa helmikuussa 2028.")
    w.p("Kaupunginhallitus hyväksyi tavoitteet kokouksessaan 25.1.2027 § 14.")
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="heading-styles+description", fmt="docx", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["kesäkuu 2027", "helmikuu 2028"],
        handling=[H("2027-01-25", "Kaupunginhallitus")], period=period(2027),
        notes="Themes are Heading 1, goals Heading 2. Heading 1 is also used for non-theme "
              "sections (Tavoitekeskustelun tarkoitus, Arviointi) which hold no goals. A manual "
              "table of contents repeats the theme names (not goals). Each goal has a description "
              "paragraph (not part of the title) and a 'Mittarit:' label; the last goal has no "
              "indicators. '1.6.2027' inside an indicator is not a checkpoint.")


# ==========================================================================
# f04 – bold Normal "fake" headings, Symbol/Wingdings bullets, nested -> PDF
# ==========================================================================
def f04():
    name = "f04-fake-headings-symbol-bullets-ristiniemi"
    org = "Ristiniemen kunta"
    title = "Kunnanjohtajan tavoitteet ja arviointikriteerit 2024"
    # (goal, [(indicator, [details...])])
    data = [
        ("Kunnan talouden vakauttaminen", [
            ("Talousarvio toteutuu hyväksytyn mukaisena",
             ["toimintakulujen ylitys enintään 1 %", "investoinnit aikataulussa"]),
            ("Lainamäärä ei kasva", []),
        ]),
        ("Elinkeinoyhteistyön tiivistäminen", [
            ("Yrittäjäjärjestön kanssa vähintään neljä yhteistapaamista", []),
            ("Elinkeinostrategian päivitys valmis",
             ["päivitys tehdään yhdessä naapurikuntien kanssa"]),
        ]),
        ("Vetovoimainen työnantaja", [
            ("Avoimiin tehtäviin riittävästi hakijoita", []),
            ("Henkilöstökyselyn tulos paranee", ["esihenkilötyön arvosana vähintään 3,8"]),
        ]),
        ("Hyvä yhteistyö luottamushenkilöiden kanssa", [
            ("Valtuustoseminaarit järjestetty kaksi kertaa vuodessa", []),
            ("Päätösesitykset valmistellaan ajoissa", []),
        ]),
    ]
    w = WDoc(font="Calibri", size=11)
    w.header("RISTINIEMEN KUNTA", "Kunnanhallitus 22.1.2024 § 9, liite 1")
    w.footer(page_field="sivu")
    bul = w.num(w.abstract([SYMBOL_BULLET, COURIER_O, WINGDINGS_SQ]))
    w.p(title, bold=True, size=14, after=12)
    w.p("Kunnanjohtajan tavoitteet on käsitelty kunnanjohtajan ja kunnanhallituksen "
        "puheenjohtajan välisessä kehityskeskustelussa. Kunkin tavoitteen alle on kirjattu "
        "arviointikriteerit, joiden perusteella onnistumista arvioidaan.", after=10)
    goals = []
    for gt, inds in data:
        w.p(gt, bold=True, before=8, after=2)
        for ind, details in inds:
            w.p(ind, style="List Paragraph", num=bul, ilvl=0)
            for i, d in enumerate(details):
                w.p(d, style="List Paragraph", num=bul, ilvl=1 if gt != "Vetovoimainen työnantaja" else 2)
        goals.append(G(gt, [i for i, _ in inds]))
    w.p("Arviointi tehdään kunnanhallituksen iltakoulussa joulukuussa 2024.", before=12)
    w.p("Ristiniemellä 22.1.2024", before=12)
    w.p("Kunnanhallitus")
    src = BUILD / f"{name}.docx"
    w.save(src)
    print_to_pdf(src, name)
    write_expected(
        name, family="fake-headings+symbol-bullets+nested", fmt="pdf", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["joulukuu 2024"],
        handling=[H("2024-01-22", "Kunnanhallitus")], period=period(2024),
        notes="Goals are bold Normal paragraphs (no heading style). Bullets use Symbol U+F0B7 at "
              "level 1, Courier New 'o' at level 2, Wingdings U+F0A7 at level 3 — in the PDF these "
              "appear as private-use characters / 'o'. Second/third-level sub-bullets are DETAILS "
              "of the indicator above: plain text, not indicators and not part of the indicator "
              "text (e.g. 'toimintakulujen ylitys enintään 1 %').")


# ==========================================================================
# f06 – container heading + focus areas, no indicators (DOCX)
# ==========================================================================
def f06():
    name = "f06-focus-areas-pohjalampi"
    org = "Pohjalammin kunta"
    title = "Kunnanjohtajan painopisteet 2026"
    focus = [
        "Kuntastrategian päivityksen johtaminen valtuustokauden alussa",
        "Kunnan talouden tasapainon turvaaminen",
        "Elinkeinoelämän toimintaedellytysten vahvistaminen ja yritysyhteistyö",
        "Vuorovaikutus hyvinvointialueen kanssa palvelujen saavutettavuuden turvaamiseksi",
        "Henkilöstön osaamisen ja työhyvinvoinnin kehittäminen",
    ]
    w = WDoc(font="Verdana", size=10)
    w.header("Pohjalammin kunta", "Kunnanhallitus 9.2.2026 § 18")
    bul = w.abstract([PLAIN_BULLET])
    w.p(title, style="Heading 1")
    w.p("Kunnanjohtaja johtaa kuntalain mukaisesti kunnan hallintoa, taloutta ja "
        "kuntakonsernia kunnanhallituksen alaisuudessa. Kunnanhallitus määrittelee vuosittain "
        "kunnanjohtajan työn painopisteet.")
    w.p("Tavoitekeskustelun tarkoitus", style="Heading 2")
    n1 = w.num(bul)
    for t in ["Perustuu johtajasopimukseen",
              "Kunnan strategiaa tukeva johtaminen ja tekemisen painopisteiden kirkastaminen",
              "Kunnanjohtajan työssä onnistumisen edellytysten tukeminen",
              "Poliittisen ja operatiivisen johdon yhteistyön kehittäminen"]:
        w.p(t, style="List Paragraph", num=n1)
    w.p("Kunnanhallituksen asettamat painopisteet 2026", style="Heading 2")
    w.p("Kunnanjohtajan työn painopisteitä vuonna 2026 ovat:")
    n2 = w.num(bul)
    for t in focus:
        w.p(t, style="List Paragraph", num=n2)
    w.p("Kunnanjohtajan merkittävimmät luottamustehtävät: Pohjalammin Vesi Oy:n hallituksen "
        "jäsen, Seutuverkon kuntayhtymän yhtymäkokouksen varajäsen.", before=10)
    w.p("Painopisteiden toteutumista käsitellään kehityskeskustelussa marraskuussa 2026.")
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="container-focus-areas", fmt="docx", language="fi",
        organisation=org, title=title, goals=[G(t) for t in focus],
        checkpoints=["marraskuu 2026"],
        handling=[H("2026-02-09", "Kunnanhallitus")], period=period(2026),
        notes="Each focus-area bullet under the container heading 'Kunnanhallituksen asettamat "
              "painopisteet 2026' is a goal with zero indicators; the container heading is not an "
              "area. The earlier bullet list under 'Tavoitekeskustelun tarkoitus' is NOT goals "
              "(same list style!). Luottamustehtävät paragraph is noise.")


# ==========================================================================
# f07 – label prefixes Tavoite:/Mittari:/Mittarit: a; b/Arviointikriteeri: (DOCX)
# ==========================================================================
def f07():
    name = "f07-label-prefixes-vaarala"
    org = "Vaaralan kunta"
    title = "Kunnanjohtajan tavoitteet 2025"
    # (goal, [(label, [texts])])
    data = [
        ("Kunnan väestökehityksen kääntäminen kasvuun",
         [("Mittari", ["Muuttotase on positiivinen"])]),
        ("Koulukeskuksen rakennushankkeen eteneminen aikataulussa",
         [("Mittarit", ["Urakkasopimus allekirjoitettu", "Rakentaminen käynnissä syyskuussa 2025",
                        "Kustannusarvio ei ylity"]),
          ("Arviointikriteeri", ["Hankkeen ohjausryhmän raportit kunnanhallitukselle "
                                 "neljännesvuosittain"])]),
        ("Ilmastotyön vieminen käytäntöön",
         [("Mittarit", ["Ilmasto-ohjelma hyväksytty",
                        "Kunnan kiinteistöjen energiankulutus vähenee 5 %"])]),
        ("Johtoryhmätyön kehittäminen",
         [("Arviointikriteeri", ["Johtoryhmän itsearvio tehty ja kehittämiskohteet sovittu"])]),
        ("Viestinnän parantaminen",
         [("Mittari", ["Kuntalaiskyselyssä viestinnän arvosana vähintään 3,5"])]),
    ]
    w = WDoc(font="Arial", size=10)
    for ln in ["Vaaralan kunta", "Kunnanhallitus", "VAARno-2025-31"]:
        w.p(ln, size=9, after=0)
    w.p("")
    w.p(title.upper(), bold=True, size=13)
    w.p("Käsitelty: Henkilöstöjaosto 24.2.2025, Kunnanhallitus 3.3.2025 § 33")
    w.p("Tavoitekausi 1.1.–31.12.2025")
    w.p("")
    goals = []
    for gt, lines in data:
        par = w.doc.add_paragraph()
        r = par.add_run("Tavoite: ")
        r.bold = True
        r2 = par.add_run(gt)
        r2.bold = True
        par.paragraph_format.space_after = Pt(0)
        inds = []
        for label, texts in lines:
            par = w.doc.add_paragraph()
            par.add_run(f"{label}: ").italic = True
            par.add_run("; ".join(texts))
            par.paragraph_format.space_after = Pt(0)
            inds += texts
        w.p("")
        goals.append(G(gt, inds))
    w.p("Tavoitteiden toteutumista seurataan elokuussa 2025 ja arvioidaan tammikuussa 2026.")
    w.p("Palkkio maksetaan, kun tavoitteet on saavutettu.")
    w.p("")
    w.p("Vaaralassa 3.3.2025")
    w.p("Kari Mononen\nkunnanhallituksen puheenjohtaja")
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="label-prefixes", fmt="docx", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["elokuu 2025", "tammikuu 2026"],
        handling=[H("2025-02-24", "Henkilöstöjaosto"), H("2025-03-03", "Kunnanhallitus")],
        period=period(2025),
        notes="Only direct formatting, no styles. 'Mittarit: a; b; c' lines are split at '; ' "
              "into separate indicators. 'Arviointikriteeri:' lines are indicators too; goal 2 "
              "has both a Mittarit line and an Arviointikriteeri line (4 indicators). Empty "
              "paragraphs separate goals. Title is typed in capitals in the document: "
              "'KUNNANJOHTAJAN TAVOITTEET 2025'.")


# ==========================================================================
# ODT helpers (odfpy)
# ==========================================================================
from odf.opendocument import OpenDocumentText  # noqa: E402
from odf.style import (Style, TextProperties, ParagraphProperties, ListLevelProperties,  # noqa: E402
                       TableColumnProperties, TableCellProperties, TableProperties,
                       PageLayout, PageLayoutProperties, MasterPage, Footer, Header)
from odf.text import (H as OH, P as OP, List as OList, ListItem as OListItem, ListStyle,  # noqa: E402
                      ListLevelStyleBullet, ListLevelStyleNumber, Span, PageNumber, PageCount,
                      LineBreak)
from odf.table import Table as OTable, TableColumn as OTableColumn, TableRow as OTableRow, \
    TableCell as OTableCell, CoveredTableCell  # noqa: E402


class ODoc:
    def __init__(self, landscape=False):
        self.doc = OpenDocumentText()
        d = self.doc
        self.std = Style(name="Standard", family="paragraph")
        self.std.addElement(TextProperties(fontsize="11pt", fontfamily="Liberation Sans",
                                           fontname="Liberation Sans"))
        self.std.addElement(ParagraphProperties(marginbottom="0.15cm"))
        d.styles.addElement(self.std)
        self.h = {}
        for lvl, size in ((1, "16pt"), (2, "13pt"), (3, "12pt")):
            s = Style(name=f"Heading_20_{lvl}", displayname=f"Heading {lvl}", family="paragraph",
                      parentstylename="Standard", nextstylename="Standard",
                      defaultoutlinelevel=str(lvl))
            s.addElement(TextProperties(fontsize=size, fontweight="bold"))
            s.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm",
                                             keepwithnext="always"))
            d.styles.addElement(s)
            self.h[lvl] = s
        self.bold = Style(name="Bold", family="text")
        self.bold.addElement(TextProperties(fontweight="bold"))
        d.automaticstyles.addElement(self.bold)
        self.small = Style(name="Small", family="paragraph", parentstylename="Standard")
        self.small.addElement(TextProperties(fontsize="9pt"))
        d.automaticstyles.addElement(self.small)
        self.cellp = Style(name="CellP", family="paragraph", parentstylename="Standard")
        self.cellp.addElement(TextProperties(fontsize="10pt"))
        self.cellp.addElement(ParagraphProperties(marginbottom="0cm"))
        d.automaticstyles.addElement(self.cellp)
        self.cellh = Style(name="CellH", family="paragraph", parentstylename="Standard")
        self.cellh.addElement(TextProperties(fontsize="10pt", fontweight="bold"))
        d.automaticstyles.addElement(self.cellh)
        self.cellstyle = Style(name="Cell", family="table-cell")
        self.cellstyle.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
        d.automaticstyles.addElement(self.cellstyle)
        self.headcell = Style(name="HeadCell", family="table-cell")
        self.headcell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm",
                                                     backgroundcolor="#dde8cb"))
        d.automaticstyles.addElement(self.headcell)
        # page layout with footer page numbers
        pl = PageLayout(name="PL1")
        if landscape:
            pl.addElement(PageLayoutProperties(pagewidth="29.7cm", pageheight="21cm",
                                               printorientation="landscape", margin="2cm"))
        else:
            pl.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm",
                                               printorientation="portrait", margin="2cm"))
        d.automaticstyles.addElement(pl)
        self.master = MasterPage(name="Standard", pagelayoutname=pl)
        d.masterstyles.addElement(self.master)
        self.bullets = ListStyle(name="LBullet")
        for lvl, ch in ((1, "•"), (2, "–")):
            lls = ListLevelStyleBullet(level=lvl, bulletchar=ch)
            lls.addElement(ListLevelProperties(spacebefore=f"{0.6 * lvl:.1f}cm", minlabelwidth="0.6cm"))
            self.bullets.addElement(lls)
        d.automaticstyles.addElement(self.bullets)
        self.numbers = ListStyle(name="LNumber")
        lln = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
        lln.addElement(ListLevelProperties(spacebefore="0.6cm", minlabelwidth="0.7cm"))
        self.numbers.addElement(lln)
        d.automaticstyles.addElement(self.numbers)

    def footer(self, left_text):
        f = Footer()
        p = OP(stylename=self.small, text=left_text + "   ")
        p.addElement(PageNumber(selectpage="current", text="1"))
        p.addText(" (")
        p.addElement(PageCount(text="1"))
        p.addText(")")
        f.addElement(p)
        self.master.addElement(f)

    def header(self, text):
        hd = Header()
        hd.addElement(OP(stylename=self.small, text=text))
        self.master.addElement(hd)

    def heading(self, text, lvl=1):
        self.doc.text.addElement(OH(outlinelevel=lvl, stylename=self.h[lvl], text=text))

    def p(self, text="", bold_prefix=None, style=None):
        par = OP(stylename=style or self.std)
        if bold_prefix:
            par.addElement(Span(stylename=self.bold, text=bold_prefix))
        if text:
            par.addText(text)
        self.doc.text.addElement(par)
        return par

    def lst(self, items, numbered=False):
        lst = OList(stylename=self.numbers if numbered else self.bullets)
        for it in items:
            li = OListItem()
            li.addElement(OP(stylename=self.std, text=it))
            lst.addElement(li)
        self.doc.text.addElement(lst)

    def save(self, path):
        self.doc.save(str(path))


# ==========================================================================
# f08 – "Tavoite 1 – …" headings, "Mittari 1.1 …", "Painoarvo: 30 %" (ODT, odfpy)
# ==========================================================================
def f08():
    name = "f08-tavoite-n-headings-koskenranta"
    org = "Koskenrannan kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2026"
    goals = [
        G("Talous tasapainoon", ["Tilikauden tulos on ylijäämäinen",
                                 "Lainakanta enintään 3 900 €/asukas"], weight=30),
        G("Koskenrannan keskustan elinvoiman vahvistaminen", [
            "Keskustan yleiskaava nähtävillä syksyllä 2026",
            "Liiketilojen käyttöaste vähintään 90 %",
            "Kävijälaskennan tulos kasvaa edellisvuodesta"], weight=25),
        G("Sivistyspalvelujen laatu ja saavutettavuus", [
            "Varhaiskasvatuspaikka järjestyy kaikille lakisääteisessä ajassa",
            "Kouluterveyskyselyn kouluviihtyvyys paranee"], weight=25),
        G("Henkilöstöjohtaminen", ["Esihenkilöarvioinnin keskiarvo vähintään 4,0",
                                   "Henkilöstön vaihtuvuus alle 8 %"], weight=20),
    ]
    o = ODoc()
    o.header("Koskenrannan kaupunki – Kaupunginhallitus 23.2.2026 § 31, liite 2")
    o.footer("KOSKno-2026-204")
    o.heading(title, 1)
    o.p("Kaupunginhallitus on hyväksynyt kaupunginjohtajan tavoitteet kokouksessaan 23.2.2026 "
        "§ 31. Tavoitteet ovat voimassa 1.1.–31.12.2026.")
    o.heading("Tavoitekeskustelun tarkoitus", 2)
    o.lst(["Perustuu johtajasopimukseen",
           "Strategian toimeenpanon tukeminen",
           "Kaupunginjohtajan työn arviointi ja kehittyminen"])
    for i, g in enumerate(goals, 1):
        o.heading(f"Tavoite {i} – {g['title']}", 2)
        o.p(f"{g['weight']} %", bold_prefix="Painoarvo: ")
        for j, ind in enumerate(g["indicators"], 1):
            o.p(f" {ind}", bold_prefix=f"Mittari {i}.{j}")
    o.heading("Seuranta", 2)
    o.lst(["Väliarvio kesäkuussa 2026 (kaupunginhallituksen puheenjohtajisto)",
           "Loppuarvio tammikuussa 2027 (kaupunginhallitus)"], numbered=True)
    o.p("Tulospalkkio määräytyy painoarvojen mukaisesti.")
    o.save(OUT / f"{name}.odt")
    write_expected(
        name, family="tavoite-n-headings+mittari-n.n+weights", fmt="odt", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["kesäkuu 2026", "tammikuu 2027"],
        handling=[H("2026-02-23", "Kaupunginhallitus")], period=period(2026),
        notes="Written with odfpy: real text:h headings ('Tavoite 1 – …', prefix stripped in "
              "the expected title), 'Painoarvo: 30 %' paragraph gives the weight, indicators are "
              "paragraphs 'Mittari 1.1 <text>' (label stripped). Real text:list bullet list under "
              "'Tavoitekeskustelun tarkoitus' and a numbered text:list under 'Seuranta' are not "
              "goals.")


# ==========================================================================
# f09 – memo with goal table (merged goal cells) + handling table + signature table
# ==========================================================================
def f09():
    name = "f09-table-merged-memo-mantyvaara"
    org = "Mäntyvaaran kunta"
    title = "Kunnanjohtajan tavoitteet 2025"
    rows = [
        ("Talouden tasapaino", [("Vuosikate", "vähintään 3,0 milj. €"),
                                ("Lainakanta", "enintään 3 500 €/as."),
                                ("Toimintakulujen kasvu", "alle 3 %")]),
        ("Väestön ja työpaikkojen kasvu", [("Väkiluku 31.12.2025", "yli 8 400"),
                                           ("Uudet yritykset", "35 kpl")]),
        ("Palveluverkon uudistaminen", [("Päivähoitoyksiköiden yhdistäminen toteutettu",
                                         "1.8.2025 mennessä")]),
        ("Sähköisen asioinnin lisääminen", [("Verkkoasioinnin osuus lupa-asioista", "60 %"),
                                            ("Asiakaspalautteen keskiarvo", "vähintään 4/5")]),
    ]
    w = WDoc(font="Calibri", size=11)
    w.header("Mäntyvaaran kunta\tMUISTIO\tMÄNTno-2025-41")
    w.footer(page_field="paren")
    w.p("Kunnanjohtajan tavoitteet 2025", bold=True, size=15)
    w.p("Kunnanjohtajan tavoitteet on valmisteltu henkilöstöjaostossa. Tavoitteet perustuvat "
        "valtuustokauden strategiaan ja talousarvioon 2025. Asian käsittely:")
    ht = w.doc.add_table(rows=3, cols=3)
    ht.style = "Table Grid"
    for c, t in enumerate(("Toimielin", "Päivämäärä", "Pykälä")):
        cell_text(ht.cell(0, c), t, bold=True)
    for r, (b, d, s) in enumerate((("Henkilöstöjaosto", "13.1.2025", "§ 2"),
                                   ("Kunnanhallitus", "27.1.2025", "§ 12")), 1):
        cell_text(ht.cell(r, 0), b)
        cell_text(ht.cell(r, 1), d)
        cell_text(ht.cell(r, 2), s)
    w.p("")
    w.p("Tavoitteet ja mittarit", style="Heading 2")
    n = 1 + sum(len(m) for _, m in rows)
    t = w.doc.add_table(rows=n, cols=3)
    t.style = "Table Grid"
    for c, h in enumerate(("Tavoite", "Mittari", "Tavoitetaso")):
        cell_text(t.cell(0, c), h, bold=True)
        shade(t.cell(0, c))
    repeat_header(t.rows[0])
    r = 1
    goals = []
    for g, ms in rows:
        top = t.cell(r, 0)
        if len(ms) > 1:
            top = top.merge(t.cell(r + len(ms) - 1, 0))
        cell_text(top, g)
        for m, lvl in ms:
            cell_text(t.cell(r, 1), m)
            cell_text(t.cell(r, 2), lvl)
            r += 1
        goals.append(G(g, [m for m, _ in ms]))
    set_col_widths(t, (5.5, 7.0, 4.5))
    w.p("")
    w.p("Väliarvio tehdään syyskuussa 2025. Tavoitteiden toteutumista arvioidaan "
        "kunnanhallituksessa helmikuussa 2026.")
    w.p("Mäntyvaarassa 27.1.2025", before=12)
    st = w.doc.add_table(rows=2, cols=2)
    cell_text(st.cell(0, 0), "Tuula Kärkkäinen")
    cell_text(st.cell(0, 1), "Mikko Heikura")
    cell_text(st.cell(1, 0), "Kunnanhallituksen puheenjohtaja")
    cell_text(st.cell(1, 1), "Kunnanjohtaja")
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="table-merged-goal+memo-tables", fmt="docx", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["syyskuu 2025", "helmikuu 2026"],
        handling=[H("2025-01-13", "Henkilöstöjaosto"), H("2025-01-27", "Kunnanhallitus")],
        period=period(2025),
        notes="Three tables: a handling-dates table (Toimielin | Päivämäärä | Pykälä), the goal "
              "table (Tavoite | Mittari | Tavoitetaso, goal cell vertically merged with vMerge, "
              "header row marked as repeating) and a borderless signature table. Only the middle "
              "table holds goals. Tavoitetaso column is ignored. Handling dates are only in the "
              "handling table.")


# ==========================================================================
# f10 – table, several indicators per cell, checkpoint columns with text -> PDF
# ==========================================================================
def f10():
    name = "f10-table-cells-followup-rautaniemi"
    org = "Rautaniemen kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2025 – seuranta"
    # (goal, indicators, "bullets"|"breaks", followup-aug, followup-jan)
    rows = [
        ("Strategian toimeenpano", ["Strategian toimeenpano-ohjelma hyväksytty",
                                    "Mittariston raportointi valtuustolle"], "bullets",
         "Ohjelma hyväksytty KV 16.6.2025. Raportointi alkaa syksyllä.", ""),
        ("Talouden johtaminen", ["Talousarvio toteutuu",
                                 "Säästöohjelma toteutuu 1,5 milj. euron osalta",
                                 "Investoinnit aikataulussa"], "breaks",
         "Ennuste 6/2025 osoittaa 0,4 milj. € alijäämää.", ""),
        ("Henkilöstöjohtaminen", ["Valmentava johtamisote",
                                  "Esihenkilöiden tuki ja koulutus"], "bullets",
         "Esihenkilövalmennus käynnistyi toukokuussa.", ""),
        ("Yhteistyö luottamushenkilöiden kanssa", ["Päätösvalmistelun laatu",
                                                   "Luottamushenkilöiden perehdytysohjelma"],
         "breaks", "Perehdytysohjelma valmisteilla.", ""),
    ]
    w = WDoc(font="Calibri", size=10, landscape=True, margins_cm=1.8)
    w.header("Rautaniemen kaupunki", "Kaupunginhallitus 24.3.2025 § 48")
    w.footer(page_field="paren")
    bul = w.num(w.abstract([SYMBOL_BULLET], indent=284, hanging=284))
    w.p(title, bold=True, size=14)
    w.p("Kaupunginhallitus hyväksyi kaupunginjohtajan tavoitteet 24.3.2025 § 48. Taulukon "
        "seurantasarakkeisiin kirjataan tavoitteiden edistyminen tavoitekeskusteluissa.")
    t = w.doc.add_table(rows=1 + len(rows), cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(("Tavoite", "Mittari", "Seuranta elokuu 2025",
                           "Seuranta tammikuu 2026")):
        cell_text(t.cell(0, c), h, bold=True)
    goals = []
    for r, (g, inds, mode, aug, jan) in enumerate(rows, 1):
        cell_text(t.cell(r, 0), g, bold=True)
        c = t.cell(r, 1)
        if mode == "breaks":
            cell_text(c, "\n".join(inds))
        else:
            c.text = ""
            for k, ind in enumerate(inds):
                par = c.paragraphs[0] if k == 0 else c.add_paragraph()
                par.add_run(ind)
                set_num(par, bul, 0)
        cell_text(t.cell(r, 2), aug)
        cell_text(t.cell(r, 3), jan)
        goals.append(G(g, inds))
    set_col_widths(t, (5.5, 9.0, 6.5, 5.0))
    w.p("")
    w.p("Tavoitteiden arviointi", bold=True)
    w.p("Tavoitteet on käyty läpi kaupunginjohtajan kanssa 10.3.2025. Toteutumista arvioidaan "
        "elokuussa 2025 ja tammikuussa 2026, ja arvioinnista raportoidaan kaupunginhallitukselle.")
    src = BUILD / f"{name}.docx"
    w.save(src)
    print_to_pdf(src, name)
    write_expected(
        name, family="table-multiline-cells+checkpoint-columns", fmt="pdf", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["elokuu 2025", "tammikuu 2026"],
        handling=[H("2025-03-24", "Kaupunginhallitus")], period=period(2025),
        notes="Landscape table printed to PDF. Mittari cells hold several indicators: rows 1 and "
              "3 as Symbol-bullet paragraphs inside the cell, rows 2 and 4 as line breaks inside "
              "one paragraph. The 'Seuranta elokuu 2025' column has follow-up text (not "
              "indicators); 'Seuranta tammikuu 2026' is empty. Column headers give the "
              "checkpoints. 'KV 16.6.2025' inside follow-up text is not a handling of the goals.")


# ==========================================================================
# f11 – ODT table Osa-alue | Tavoite | Mittari | Seuranta (area column, row spans)
# ==========================================================================
def f11():
    name = "f11-odt-area-table-kalliosalmi"
    org = "Kalliosalmen kunta"
    title = "Kunnanjohtajan tavoitteet 2024"
    data = [
        ("Elinvoima", [
            ("Matkailun kasvu", ["Yöpymisten määrä kasvaa 5 %", "Uusi matkailustrategia hyväksytty"],
             "Osavuosikatsaus"),
            ("Tonttitarjonnan lisääminen", ["Asemakaavoitettuja omakotitontteja vähintään 15"],
             "Maankäyttöjaosto"),
        ]),
        ("Hyvinvointi", [
            ("Liikuntapaikkojen peruskorjausohjelma", ["Uimahallin saneeraus käynnistynyt"],
             "Tekninen lautakunta"),
            ("Yhteistyö hyvinvointialueen kanssa", ["Yhteistyösopimus päivitetty",
                                                   "Hyvinvointikertomus valmis"], "Kunnanhallitus"),
        ]),
        ("Talous", [
            ("Talouden tasapaino", ["Tulos ylijäämäinen"], "Tilinpäätös 2024"),
        ]),
    ]
    o = ODoc()
    o.header("Kalliosalmen kunta, liite 5")
    o.footer("Kunnanhallitus 12.2.2024 § 20")
    o.heading(title, 1)
    o.p("Kunnanhallitus on asettanut kunnanjohtajan tavoitteet kokouksessaan 12.2.2024 § 20. "
        "Tavoitteet on ryhmitelty kuntastrategian osa-alueiden mukaan.")
    tbl = OTable(name="Tavoitteet")
    for wdt in ("3.2cm", "5.0cm", "5.4cm", "3.4cm"):
        cs = Style(name=f"col{wdt}", family="table-column")
        cs.addElement(TableColumnProperties(columnwidth=wdt))
        o.doc.automaticstyles.addElement(cs)
        tbl.addElement(OTableColumn(stylename=cs))
    hr = OTableRow()
    for h in ("Osa-alue", "Tavoite", "Mittari", "Seuranta"):
        c = OTableCell(stylename=o.headcell, valuetype="string")
        c.addElement(OP(stylename=o.cellh, text=h))
        hr.addElement(c)
    tbl.addElement(hr)
    goals = []
    for area, gl in data:
        for k, (g, inds, seur) in enumerate(gl):
            tr = OTableRow()
            if k == 0:
                c = OTableCell(stylename=o.cellstyle, valuetype="string",
                               numberrowsspanned=str(len(gl)))
                c.addElement(OP(stylename=o.cellh, text=area))
                tr.addElement(c)
            else:
                tr.addElement(CoveredTableCell())
            c = OTableCell(stylename=o.cellstyle, valuetype="string")
            c.addElement(OP(stylename=o.cellp, text=g))
            tr.addElement(c)
            c = OTableCell(stylename=o.cellstyle, valuetype="string")
            for ind in inds:
                c.addElement(OP(stylename=o.cellp, text=ind))
            tr.addElement(c)
            c = OTableCell(stylename=o.cellstyle, valuetype="string")
            c.addElement(OP(stylename=o.cellp, text=seur))
            tr.addElement(c)
            tbl.addElement(tr)
            goals.append(G(g, inds, area=area))
    o.doc.text.addElement(tbl)
    o.p("")
    o.p("Tavoitteiden toteutumista seurataan elokuussa 2024 ja arvioidaan tammikuussa 2025.")
    o.p("Kalliosalmella 12.2.2024")
    o.p("Kunnanhallitus")
    o.save(OUT / f"{name}.odt")
    write_expected(
        name, family="table-area-column", fmt="odt", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["elokuu 2024", "tammikuu 2025"],
        handling=[H("2024-02-12", "Kunnanhallitus")], period=period(2024),
        notes="odfpy table: Osa-alue cell spans rows (table:number-rows-spanned + covered "
              "cells) and gives the area. Mittari cells with two paragraphs are two indicators. "
              "The Seuranta column names who follows up (not indicators, not checkpoints; "
              "'Tilinpäätös 2024' is not a checkpoint label).")


# ==========================================================================
# f12 – landscape table, Mittari first, Tavoite second, Painoarvo %, two pages
# ==========================================================================
def f12():
    name = "f12-table-reordered-weights-sarvilahti"
    org = "Sarvilahden kaupunki"
    title = "Kaupunginjohtajan tavoitteet ja mittarit 2026"
    data = [
        ("Talouden tasapaino", 15, [("Vuosikate euroa/asukas", "312", "≥ 350"),
                                    ("Lainakanta euroa/asukas", "4 870", "≤ 4 800"),
                                    ("Toimintakatteen muutos %", "+4,1", "≤ +2,5")]),
        ("Elinkeinojen vahvistaminen", 15, [("Työpaikkojen määrä", "11 920", "12 100"),
                                            ("Yritysten nettolisäys", "18", "≥ 25"),
                                            ("Elinkeinobarometrin arvosana", "3,2", "≥ 3,5")]),
        ("Kaupunkikehitys ja asuminen", 15, [("Valmistuneet asunnot kpl", "96", "120"),
                                             ("Asemakaavavaranto omakotitontteina", "38", "≥ 60")]),
        ("Ilmasto ja ympäristö", 10, [("Kaupungin kiinteistöjen energiankulutus MWh", "21 300",
                                       "20 000"),
                                      ("Uusiutuvan energian osuus lämmityksessä", "64 %", "75 %")]),
        ("Sivistys ja oppiminen", 15, [("Perusopetuksen päättäneiden jatko-opintoihin "
                                        "sijoittuminen", "97,1 %", "≥ 98 %"),
                                       ("Kouluterveyskyselyn koulu-uupumus", "14 %", "≤ 12 %")]),
        ("Osallisuus ja vuorovaikutus", 10, [("Kuntalaistilaisuuksien määrä", "6", "10"),
                                             ("Osallistuvan budjetoinnin äänestysaktiivisuus",
                                              "4,8 %", "7 %")]),
        ("Henkilöstö", 10, [("Sairauspoissaolopäivät/htv", "15,2", "≤ 14"),
                            ("Henkilöstökyselyn johtamisindeksi", "3,6", "≥ 3,8"),
                            ("Vakanssien täyttöaste", "91 %", "95 %")]),
        ("Digitalisaatio", 10, [("Sähköisten palvelujen käyttöaste", "58 %", "70 %"),
                                ("Automaatiolla hoidettujen prosessien määrä", "4", "10")]),
    ]
    w = WDoc(font="Calibri", size=11, landscape=True)
    w.header("Sarvilahden kaupunki", "Kaupunginhallitus 2.3.2026 § 41, liite 6")
    w.footer("SARVno-2026-77", page_field="sivu")
    w.p(title, style="Heading 1")
    w.p("Tavoitteet on johdettu kaupunkistrategiasta 2026–2029. Kullekin tavoitteelle on "
        "asetettu painoarvo, lähtötaso (tilinpäätös 2025) ja tavoitetaso vuodelle 2026. "
        "Painoarvojen summa on 100 %. Mittarit raportoidaan kaupunginhallitukselle huhtikuussa, "
        "elokuussa ja lokakuussa 2026.")
    w.p("Tavoitekausi 1.1.–31.12.2026.")
    n = 1 + sum(len(m) for _, _, m in data)
    t = w.doc.add_table(rows=n, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in enumerate(("Mittari", "Tavoite", "Painoarvo %", "Lähtötaso 2025",
                           "Tavoitetaso 2026")):
        cell_text(t.cell(0, c), h, bold=True)
        shade(t.cell(0, c), "FCE4D6")
    repeat_header(t.rows[0])
    r = 1
    goals = []
    for g, wt, ms in data:
        for m, lt, tt in ms:
            cell_text(t.cell(r, 0), m)
            cell_text(t.cell(r, 1), g)
            cell_text(t.cell(r, 2), str(wt))
            cell_text(t.cell(r, 3), lt)
            cell_text(t.cell(r, 4), tt)
            for c in range(5):
                for par in t.cell(r, c).paragraphs:
                    par.paragraph_format.space_after = Pt(9)
                    par.paragraph_format.space_before = Pt(9)
            r += 1
        goals.append(G(g, [m for m, _, _ in ms], weight=wt))
    set_col_widths(t, (8.5, 6.5, 2.8, 3.3, 3.3))
    w.p("")
    w.p("Kaupunginhallitus hyväksyi tavoitteet 2.3.2026. Tavoitteiden toteutuminen "
        "vaikuttaa kaupunginjohtajan tulospalkkioon painoarvojen mukaisesti.")
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="table-reordered-columns+weight-column+two-page-table", fmt="docx",
        language="fi", organisation=org, title=title, goals=goals,
        checkpoints=["huhtikuu 2026", "elokuu 2026", "lokakuu 2026"],
        handling=[H("2026-03-02", "Kaupunginhallitus")], period=period(2026),
        notes="Column order Mittari | Tavoite | Painoarvo % | Lähtötaso | Tavoitetaso; the goal "
              "text is repeated on every row of its block (rows with the same goal form one goal), "
              "weight repeated too. Landscape; the table continues on a second page with the "
              "header row repeated (tblHeader). Lähtötaso/Tavoitetaso values are ignored. The "
              "checkpoint sentence 'huhtikuussa, elokuussa ja lokakuussa 2026' shares one year.")


# ==========================================================================
# f14 – one goal per page, slide-like PDF, hyvinvointialue (fpdf2)
# ==========================================================================
def f14():
    name = "f14-slides-hyvinvointialue-lansikaira"
    org = "Länsi-Kairan hyvinvointialue"
    title = "Hyvinvointialuejohtajan tavoitteet 2026"
    goals = [
        G("Hoitoonpääsyn nopeuttaminen perusterveydenhuollossa", [
            "Kiireettömään hoitoon pääsy alle 14 vrk",
            "Hoitotakuun toteutuminen ≥ 95 %",
            "Puhelinpalvelun takaisinsoitto saman päivän aikana ≥ 90 %"],
          area="Sujuvat ja oikea-aikaiset palvelut"),
        G("Ikääntyneiden kotona asumisen tukeminen", [
            "Kotona asuvien 75 vuotta täyttäneiden osuus ≥ 92 %",
            "Omaishoidon tuen asiakasmäärä kasvaa"],
          area="Sujuvat ja oikea-aikaiset palvelut"),
        G("Henkilöstön saatavuuden parantaminen", [
            "Vakituisten tehtävien täyttöaste ≥ 95 %",
            "Vuokratyövoiman kustannukset laskevat 20 %",
            "Henkilöstön suositteluindeksi (eNPS) ≥ 10"],
          area="Osaava ja hyvinvoiva henkilöstö"),
        G("Talouden tasapainottaminen alijäämän kattamiseksi", [
            "Tilikauden alijäämä enintään 15 milj. €",
            "Tuottavuusohjelman säästöt 30 milj. €"],
          area="Talous ja vaikuttavuus"),
        G("Palveluverkon uudistuksen toimeenpano", [
            "Päätetyt muutokset toteutettu aikataulussa",
            "Asiakastyytyväisyys (NPS) ≥ 40"],
          area="Talous ja vaikuttavuus"),
    ]
    pdf = PDF(orientation="L")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 15, 20)

    def foot(p):
        p.set_y(-14)
        p.set_font("DejaVu", "", 9)
        p.set_text_color(90, 90, 90)
        p.cell(0, 6, f"Länsi-Kairan hyvinvointialue  |  {p.page_no()}", align="R")
        p.set_text_color(0, 0, 0)
    pdf.footer_fn = foot
    teal = (0, 102, 110)
    # cover
    pdf.add_page()
    pdf.set_fill_color(*teal)
    pdf.rect(0, 0, 297, 210, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(25, 70)
    pdf.set_font("DejaVu", "B", 34)
    pdf.multi_cell(250, 15, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(25)
    pdf.set_font("DejaVu", "", 16)
    pdf.multi_cell(250, 9, "Aluehallitus 9.3.2026 § 58\nLänsi-Kairan hyvinvointialue",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    for g in goals:
        pdf.add_page()
        pdf.set_fill_color(*teal)
        pdf.rect(0, 0, 297, 22, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_xy(20, 7)
        pdf.set_font("DejaVu", "", 13)
        pdf.cell(0, 8, f"Strateginen teema: {g['area']}")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(20, 38)
        pdf.set_font("DejaVu", "B", 28)
        pdf.multi_cell(257, 13, g["title"], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
        pdf.set_font("DejaVu", "B", 16)
        pdf.set_text_color(*teal)
        pdf.cell(0, 9, "Mittarit", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
        pdf.set_font("DejaVu", "", 18)
        for ind in g["indicators"]:
            pdf.set_x(26)
            pdf.cell(8, 10, "•")
            pdf.multi_cell(240, 10, ind, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.add_page()
    pdf.set_xy(20, 38)
    pdf.set_font("DejaVu", "B", 28)
    pdf.cell(0, 13, "Seuranta", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 18)
    pdf.multi_cell(257, 10, "Tavoitteiden toteutumista seurataan osavuosiraporttien "
                   "yhteydessä huhtikuussa 2026 ja elokuussa 2026. Loppuarvio tehdään "
                   "aluehallituksessa helmikuussa 2027.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_title(title)
    pdf.set_creator("Microsoft® PowerPoint® for Microsoft 365")
    pdf.output(str(OUT / f"{name}.pdf"))
    write_expected(
        name, family="one-goal-per-page+hyvinvointialue", fmt="pdf", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["huhtikuu 2026", "elokuu 2026", "helmikuu 2027"],
        handling=[H("2026-03-09", "Aluehallitus")], period=period(2026),
        notes="Slide-like landscape PDF drawn with fpdf2: cover slide, one goal per slide with a "
              "band 'Strateginen teema: X' (X is the area, prefix stripped), a big title, "
              "'Mittarit' and bullets drawn as a separate '•' cell. Indicators contain target "
              "values (≥ 95 %, alle 14 vrk) as part of their text. Last slide 'Seuranta' is not "
              "a goal. Footer 'Länsi-Kairan hyvinvointialue | n'.")


# ==========================================================================
# f15 – two-column PDF, kuntayhtymä, "Onnistumisen mittarit" (fpdf2)
# ==========================================================================
def f15():
    name = "f15-two-column-kuntayhtyma-jarvihame"
    org = "Järvi-Hämeen koulutuskuntayhtymä"
    title = "Kuntayhtymän johtajan tavoitteet lukuvuodelle 2025–2026"
    goals = [
        G("Opiskelijoiden läpäisyn parantaminen", [
            "Tutkinnon suorittaneiden osuus aloittaneista ≥ 70 %",
            "Keskeyttämisprosentti alle 9 %"]),
        G("Työelämäyhteistyön syventäminen alueen yritysten ja julkisten työnantajien kanssa", [
            "Työpaikalla järjestettävän koulutuksen sopimuksia 1 200",
            "Työelämäpalautteen keskiarvo vähintään 4,2"]),
        G("Talouden sopeuttaminen ammatillisen koulutuksen rahoitusleikkauksiin", [
            "Tilikauden tulos vähintään 0 €",
            "Tilakustannukset laskevat 6 % Kankaalan toimipisteen sulkemisen myötä"]),
        G("Henkilöstön osaamisen kehittäminen ja työhyvinvointi", [
            "Jokaisella opettajalla on henkilökohtainen kehittymissuunnitelma",
            "Kunta10-kyselyn työhyvinvointi-indeksi paranee",
            "Sairauspoissaolot alle 12 pv/htv"]),
    ]
    pdf = PDF()
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, 20)

    def head(p):
        p.set_font("DejaVu", "", 8)
        p.set_text_color(80, 80, 80)
        p.set_xy(18, 8)
        p.cell(87, 5, "Järvi-Hämeen koulutuskuntayhtymä")
        p.cell(87, 5, "Yhtymähallitus 18.8.2025 § 77, liite 3", align="R")
        p.set_text_color(0, 0, 0)
        p.set_y(18)

    def foot(p):
        p.set_y(-13)
        p.set_font("DejaVu", "", 8)
        p.cell(0, 5, f"Sivu {p.page_no()}/{{nb}}", align="C")
    pdf.header_fn = head
    pdf.footer_fn = foot
    pdf.add_page()
    para(pdf, title, size=15, style="B", h=7, after=3)
    para(pdf, "Yhtymähallitus asettaa kuntayhtymän johtajan tavoitteet lukuvuosittain. "
              "Tavoitekausi on 1.8.2025–31.7.2026. Tavoitteet tukevat kuntayhtymän strategiaa "
              "ja ovat osa johtajasopimusta.", size=10, after=5)
    colw, gap = 84, 6
    xs = (18, 18 + colw + gap)

    def block(g, n, x, y):
        pdf.set_xy(x, y)
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(colw, 5.5, f"{n}. {g['title']}", new_x="LEFT", new_y="NEXT")
        pdf.ln(1.5)
        pdf.set_x(x)
        pdf.set_font("DejaVu", "I", 9.5)
        pdf.multi_cell(colw, 5, "Onnistumisen mittarit", new_x="LEFT", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9.5)
        for ind in g["indicators"]:
            pdf.set_x(x)
            pdf.cell(5, 5, "•")
            pdf.multi_cell(colw - 5, 5, ind, new_x="LEFT", new_y="NEXT")
            pdf.set_x(x)
        return pdf.get_y()

    y = pdf.get_y()
    for i in range(0, len(goals), 2):
        pdf.set_draw_color(150, 150, 150)
        pdf.line(18, y, 192, y)
        y += 3
        ends = [block(goals[i + k], i + k + 1, xs[k], y) for k in range(2)]
        y = max(ends) + 6
    pdf.set_xy(18, y)
    para(pdf, "Tavoitteiden toteutumista arvioidaan yhtymähallituksessa tammikuussa 2026 ja "
              "elokuussa 2026. Arvioinnin valmistelee yhtymähallituksen puheenjohtajisto.",
         size=10, after=3)
    para(pdf, "Hämeenniemessä 18.8.2025", size=10, after=8)
    y = pdf.get_y()
    for k, (nm, rl) in enumerate((("Seppo Vainikka", "yhtymähallituksen puheenjohtaja"),
                                  ("Hanna Rinne", "kuntayhtymän johtaja"))):
        pdf.set_xy(xs[k], y)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(colw, 5, f"{nm}\n{rl}", new_x="LEFT", new_y="NEXT")
    pdf.output(str(OUT / f"{name}.pdf"))
    write_expected(
        name, family="two-column+kuntayhtyma", fmt="pdf", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["tammikuu 2026", "elokuu 2026"],
        handling=[H("2025-08-18", "Yhtymähallitus")],
        period={"start": "2025-08-01", "end": "2026-07-31"},
        notes="fpdf2: goals drawn two side by side per band (1|2, 3|4) in narrow columns, so "
              "long titles and indicators wrap onto several lines and left/right lines share "
              "the same y. Each goal has the label 'Onnistumisen mittarit' (label, not an "
              "indicator). Period is a school year 1.8.2025–31.7.2026. Signatures are also two "
              "columns.")


# ==========================================================================
# f16 – scanned-looking PDF (page image + invisible OCR text layer), Swedish,
#       decimal outline numbering (themes 1., goals 1.1)
# ==========================================================================
def f16():
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    name = "f16-scanned-sv-outline-skarlax"
    org = "Skärlax kommun"
    title = "Kommundirektörens mål för 2025"
    themes = [
        ("Livskraftig kommun", [
            G("Fler företag etablerar sig i Skärlax", [
                "Minst fem nya företag etablerar sig",
                "Företagsklimatet i Företagarnas enkät förbättras"]),
            G("Detaljplanen för hamnområdet godkänns", [
                "Planen godkänd av fullmäktige senast i november 2025"]),
        ]),
        ("Välmående invånare", [
            G("Samarbetet med välfärdsområdet fördjupas", [
                "Gemensamma möten minst fyra gånger per år"]),
            G("Fritidsverksamheten för unga utvecklas", [
                "Ungdomsgårdens öppettider utökas",
                "Antalet deltagare i hobbyverksamheten ökar"]),
        ]),
        ("Hållbar ekonomi", [
            G("Ekonomin i balans", [
                "Räkenskapsperiodens resultat är positivt",
                "Lånebeloppet per invånare minskar"]),
        ]),
    ]
    # layout: list of (x_mm, y_mm, text, pt, bold)
    lines = []
    y = 22.0
    lines.append((20, y, "Skärlax kommun", 10, False))
    lines.append((125, y, "Kommunstyrelsen 17.2.2025 § 25", 10, False))
    y += 5
    lines.append((125, y, "Bilaga 2", 10, False))
    y += 15
    lines.append((20, y, title.upper(), 14, True))
    y += 10
    pre = ["Kommunstyrelsen fastställer årligen kommundirektörens mål. Målen grundar sig",
           "på kommunstrategin och budgeten för 2025 och gäller 1.1–31.12.2025."]
    for ln in pre:
        lines.append((20, y, ln, 10.5, False))
        y += 5.5
    y += 4
    goals = []
    for ti, (theme, gl) in enumerate(themes, 1):
        lines.append((20, y, f"{ti}. {theme}", 12, True))
        y += 7.5
        for gi, g in enumerate(gl, 1):
            g["area"] = theme
            goals.append(g)
            lines.append((26, y, f"{ti}.{gi} {g['title']}", 11, True))
            y += 6
            for ind in g["indicators"]:
                lines.append((34, y, f"- {ind}", 10.5, False))
                y += 5.5
            y += 2.5
        y += 2
    y += 2
    for ln in ["Uppföljning augusti 2025 och utvärdering januari 2026.",
               "Resultatlönen betalas ut när kommunstyrelsen har konstaterat att målen uppnåtts."]:
        lines.append((20, y, ln, 10.5, False))
        y += 5.5
    y += 8
    lines.append((20, y, "Skärlax 17.2.2025", 10.5, False))
    y += 12
    lines.append((20, y, "Maria Lindqvist", 10.5, False))
    lines.append((110, y, "Henrik Berg", 10.5, False))
    y += 5.5
    lines.append((20, y, "ordförande för kommunstyrelsen", 10.5, False))
    lines.append((110, y, "kommundirektör", 10.5, False))

    dpi = 100
    W, Hh = int(210 / 25.4 * dpi), int(297 / 25.4 * dpi)
    img = Image.new("L", (W, Hh), 246)
    drw = ImageDraw.Draw(img)
    fonts = {}
    for x, yy, text, pt, bold in lines:
        key = (pt, bold)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(
                str(FONT_DIR / ("DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf")),
                int(round(pt / 72 * dpi)))
        drw.text((x / 25.4 * dpi, yy / 25.4 * dpi), text, fill=35, font=fonts[key], anchor="ls")
    rnd = random.Random(7)
    px = img.load()
    for _ in range(W * Hh // 40):
        i, j = rnd.randrange(W), rnd.randrange(Hh)
        px[i, j] = max(0, min(255, px[i, j] + rnd.randint(-60, 25)))
    img = img.rotate(0.35, resample=Image.BICUBIC, fillcolor=230)
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=30)
    buf.seek(0)
    pdf = PDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.image(buf, x=0, y=0, w=210, h=297)
    pdf.text_mode = TextMode.INVISIBLE
    for x, yy, text, pt, bold in lines:
        pdf.set_font("Serif", "B" if bold else "", pt)
        pdf.text(x, yy, text)
    pdf.set_creator("ScanSnap Manager #S1500")
    pdf.set_producer("Image Capture Plus OCR")
    pdf.output(str(OUT / f"{name}.pdf"))
    write_expected(
        name, family="scanned-text-layer+decimal-outline", fmt="pdf", language="sv",
        organisation=org, title=title, goals=goals,
        checkpoints=["augusti 2025", "januari 2026"],
        handling=[H("2025-02-17", "Kommunstyrelsen")], period=period(2025),
        notes="Visible page is a noisy, slightly rotated JPEG; the text is an invisible layer "
              "(text render mode 3) drawn with fpdf2 at the same positions. Themes numbered "
              "'1.', goals '1.1', indicators '- ' lines. Title is typed in capitals "
              "('KOMMUNDIREKTÖRENS MÅL FÖR 2025'). 'november 2025' inside an indicator is not a "
              "checkpoint.")


# ==========================================================================
# f18 – bullet glyphs on their own line / as control characters, long titles
# ==========================================================================
def f18():
    name = "f18-bullet-glyphs-long-titles-ruskovaara"
    org = "Ruskovaaran kunta"
    title = "Kunnanjohtajan tavoitteet 2027"
    goals = [
        G("Kunnan elinvoimaohjelman toimeenpanon johtaminen yhteistyössä yrittäjien, "
          "oppilaitosten ja naapurikuntien kanssa siten, että ohjelman kärkihankkeet etenevät "
          "suunnitellusti", [
              "Kärkihankkeista vähintään kolme on toteutusvaiheessa vuoden 2027 loppuun mennessä "
              "ja niiden rahoitus on varmistettu",
              "Yrittäjäyhdistyksen kanssa pidetään vähintään neljä elinkeinofoorumia"]),
        G("Kunnan talouden tasapainottamisohjelman laatiminen ja hyväksyttäminen valtuustolla "
          "ennen vuoden 2028 talousarvion valmistelun käynnistymistä", [
              "Tasapainottamisohjelma on hyväksytty valtuustossa kesäkuussa 2027",
              "Ohjelman toimenpiteiden vaikutus on vähintään 1,2 miljoonaa euroa vuositasolla"]),
        G("Sivistyspalvelujen palveluverkon pitkän aikavälin suunnitelman valmistelu", [
            "Suunnitelmasta on järjestetty asukasillat kaikilla kyläalueilla",
            "Suunnitelma on käsitelty sivistyslautakunnassa ja kunnanhallituksessa"]),
        G("Henkilöstön työhyvinvoinnin ja johtamisen laadun parantaminen", [
            "Henkilöstökyselyn johtamisen indeksi paranee edellisestä kyselystä"]),
    ]
    pdf = PDF()
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, 22)

    def foot(p):
        p.set_y(-15)
        p.set_font("DejaVu", "", 9)
        p.cell(0, 5, f"{p.page_no()} ({{nb}})", align="R")

    def head(p):
        p.set_font("DejaVu", "", 9)
        p.set_xy(25, 10)
        p.cell(80, 5, "RUSKOVAARAN KUNTA")
        p.cell(80, 5, "Kunnanhallitus 15.2.2027 § 22", align="R")
        p.set_y(22)
    pdf.footer_fn = foot
    pdf.header_fn = head
    pdf.add_page()
    para(pdf, title, size=15, style="B", h=8, after=4)
    para(pdf, "Kunnanhallitus on käsitellyt kunnanjohtajan tavoitteet 15.2.2027. Tavoitteet "
              "ovat voimassa kalenterivuoden 2027.", size=10.5, after=6)
    for gi, g in enumerate(goals, 1):
        pdf.set_font("DejaVu", "B", 11.5)
        pdf.cell(8, 6, f"{gi}.")
        pdf.multi_cell(pdf.epw - 8, 6, g["title"], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for ind in g["indicators"]:
            if gi <= 2:
                # bullet glyph drawn as its own text object on a line of its own above the text
                pdf.set_font("DejaVu", "", 10)
                pdf.set_x(pdf.l_margin + 6)
                pdf.cell(5, 4.5, "▪", new_x="LMARGIN", new_y="NEXT")
                pdf.set_x(pdf.l_margin + 11)
                pdf.set_font("DejaVu", "", 10.5)
                pdf.multi_cell(pdf.epw - 11, 5.2, ind, new_x="LMARGIN", new_y="NEXT")
            else:
                # bullet as a DEL control character in a separate run (core font)
                pdf.set_font("Helvetica", "", 10)
                pdf.set_x(pdf.l_margin + 6)
                pdf.cell(5, 5.2, "\x7f")
                pdf.set_font("DejaVu", "", 10.5)
                pdf.multi_cell(pdf.epw - 11, 5.2, ind, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        pdf.ln(4)
    para(pdf, "Tavoitteiden toteutumista arvioidaan tammikuussa 2028.", size=10.5, after=3)
    para(pdf, "Ruskovaarassa 15.2.2027", size=10.5, after=8)
    para(pdf, "Eeva Kallunki\nkunnanhallituksen puheenjohtaja", size=10.5)
    pdf.output(str(OUT / f"{name}.pdf"))
    write_expected(
        name, family="bullet-glyph-own-line+control-char+long-titles", fmt="pdf",
        language="fi", organisation=org, title=title, goals=goals,
        checkpoints=["tammikuu 2028"],
        handling=[H("2027-02-15", "Kunnanhallitus")], period=period(2027),
        notes="fpdf2. Long goal titles wrap over 2–3 lines (join with spaces). Goals 1–2: the "
              "indicator bullet '▪' is a separate text object on its own line ABOVE the text. "
              "Goals 3–4: the bullet is a DEL control character (0x7F, Helvetica) in a separate "
              "run before the text. 'kesäkuussa 2027' inside an indicator is not a checkpoint. "
              "The preamble says the goals are valid for calendar year 2027.")


# ==========================================================================
# f25 – Swedish, "Mål 1:" + "Mätare:" + bullets; DOCX written from scratch (raw zip)
# ==========================================================================
def _x(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def raw_docx(path, body_xml, header_xml=None, footer_xml=None):
    W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
               '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
               '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
               '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
               '</Relationships>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}>'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Cambria" w:hAnsi="Cambria" w:cs="Cambria"/>'
              '<w:sz w:val="23"/><w:lang w:val="sv-FI"/></w:rPr></w:rPrDefault>'
              '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/>'
              '<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="34"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/>'
              '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr>'
              '<w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Liststycke"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Sidhuvud"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
              '<w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
              '</w:styles>')
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W_NS}>'
                 '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
                 '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr>'
                 '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>'
                 '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/>'
                 '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1800" w:hanging="360"/></w:pPr>'
                 '<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:hint="default"/></w:rPr></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:creator>Kansliet</dc:creator><cp:lastModifiedBy>Kansliet</cp:lastModifiedBy>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-27T09:12:00Z</dcterms:created>'
            '</cp:coreProperties>')
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
            '<w:footerReference w:type="default" r:id="rId4"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1134" '
            'w:left="1418" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}>'
                f'<w:body>{body_xml}{sect}</w:body></w:document>')
    hdr = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS}>{header_xml}</w:hdr>'
    ftr = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W_NS}>{footer_xml}</w:ftr>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/_rels/document.xml.rels", docrels)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/header1.xml", hdr)
        z.writestr("word/footer1.xml", ftr)
        z.writestr("docProps/core.xml", core)


def rp(text="", style=None, bold=False, num=None, italic=False, runs=None, tab=False):
    ppr = ""
    if style or num is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    runs = runs if runs is not None else [(text, bold, italic)]
    rx = ""
    for t, b, i in runs:
        rpr = ""
        if b or i:
            rpr = "<w:rPr>" + ("<w:b/>" if b else "") + ("<w:i/>" if i else "") + "</w:rPr>"
        parts = t.split("\t")
        inner = "<w:tab/>".join(f'<w:t xml:space="preserve">{_x(s)}</w:t>' for s in parts)
        rx += f"<w:r>{rpr}{inner}</w:r>"
    return f"<w:p>{ppr}{rx}</w:p>"


def f25():
    name = "f25-sv-numbered-granvik"
    org = "Granviks stad"
    title = "Stadsdirektörens mål 2026"
    goals = [
        G("Ekonomin i balans", ["Räkenskapsperiodens resultat är minst 0 euro",
                                "Lånestocken överstiger inte 4 000 euro per invånare"]),
        G("Stadens attraktionskraft stärks", ["Inflyttningsöverskott",
                                              "Minst 20 nya tomter till salu"]),
        G("Digitaliseringen av stadens tjänster framskrider", [
            "Tre nya e-tjänster i bruk",
            "Kundnöjdheten med e-tjänsterna minst 4 av 5"]),
        G("Gott samarbete med de förtroendevalda", ["Ärendeberedningen håller hög kvalitet"]),
    ]
    body = [
        rp(title, style="Rubrik"),
        rp("Stadsstyrelsen fastställer årligen stadsdirektörens mål i enlighet med "
           "direktörsavtalet. Målen bygger på stadsstrategin och budgeten för 2026."),
        rp("Målperiod 1.1–31.12.2026."),
    ]
    for i, g in enumerate(goals, 1):
        body.append(rp(runs=[(f"Mål {i}: ", True, False), (g["title"], True, False)]))
        body.append(rp("Mätare:", italic=True))
        for ind in g["indicators"]:
            body.append(rp(ind, style="Liststycke", num=(1, 0)))
    body += [
        rp("Uppföljning", style="Rubrik1"),
        rp(runs=[("Uppföljning augusti 2026: ", True, False),
                 ("halvårsgenomgång med stadsstyrelsens presidium.", False, False)]),
        rp(runs=[("Utvärdering januari 2027: ", True, False),
                 ("stadsstyrelsen bedömer måluppfyllelsen.", False, False)]),
        rp("Resultatlönen betalas ut när stadsstyrelsen har konstaterat att målen har uppnåtts."),
        rp(""),
        rp("Granvik 2.2.2026"),
        rp(""),
        rp("Lena Holmström\tJoakim Nyberg"),
        rp("ordförande för stadsstyrelsen\tstadsdirektör"),
    ]
    header = rp("Granviks stad\tStadsstyrelsen 2.2.2026 § 14, bilaga 3", style="Sidhuvud")
    footer = ('<w:p><w:pPr><w:pStyle w:val="Sidhuvud"/><w:jc w:val="right"/></w:pPr>'
              '<w:r><w:t xml:space="preserve">Sida </w:t></w:r>'
              '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
              '<w:r><w:t xml:space="preserve"> av </w:t></w:r>'
              '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>')
    raw_docx(OUT / f"{name}.docx", "".join(body), header, footer)
    write_expected(
        name, family="sv-numbered-mal-matare", fmt="docx", language="sv",
        organisation=org, title=title, goals=goals,
        checkpoints=["augusti 2026", "januari 2027"],
        handling=[H("2026-02-02", "Stadsstyrelsen")], period=period(2026),
        notes="DOCX written from scratch as raw WordprocessingML (Swedish style ids 'Rubrik', "
              "'Rubrik1', 'Liststycke'). Goals are bold typed 'Mål n: …' paragraphs (prefix "
              "stripped), 'Mätare:' label in italics, indicators are Symbol-bullet list items. "
              "'Uppföljning' section with checkpoint labels in bold run prefixes is not goals.")


# ==========================================================================
# XLSX helpers
# ==========================================================================
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # noqa: E402

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def xl_header(ws, row, headers, fill="DDEBF7"):
    for c, h in enumerate(headers, 1):
        cell = ws.cell(row=row, column=c, value=h)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def xl_row(ws, row, values):
    for c, v in enumerate(values, 1):
        cell = ws.cell(row=row, column=c, value=v)
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="top")


# ==========================================================================
# f26 – Swedish XLSX: title row + note above header, Nr | Mål | Mätare | Målnivå
# ==========================================================================
def f26():
    name = "f26-sv-xlsx-table-fjardby"
    org = "Fjärdby kommun"
    title = "Kommundirektörens mål 2027"
    data = [
        ("Balanserad ekonomi", [("Årsbidrag", "≥ 2 milj. €"),
                                ("Verksamhetsbidragets förändring", "högst 2 %")]),
        ("Fungerande skolnät", [("Beslut om skolnätet fattat", "senast 30.6.2027"),
                                ("Elevernas trivsel (Hälsa i skolan)", "förbättras")]),
        ("Näringslivet och sysselsättningen", [("Antal nya företag", "25"),
                                               ("Sysselsättningsgrad", "76 %"),
                                               ("Företagsbesök av kommundirektören", "12 st.")]),
        ("Personalens välbefinnande", [("Sjukfrånvaro dagar/årsverke", "under 12")]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Mål 2027"
    ws["A1"] = f"Fjärdby kommun – {title}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = ("Godkänd av kommunstyrelsen 25.1.2027 § 9. Målnivån följs upp i juni och "
                "december 2027.")
    ws["A2"].font = Font(italic=True)
    xl_header(ws, 4, ["Nr", "Mål", "Mätare", "Målnivå"])
    r = 5
    goals = []
    for i, (g, ms) in enumerate(data, 1):
        for k, (m, lvl) in enumerate(ms):
            xl_row(ws, r, [i if k == 0 else None, g if k == 0 else None, m, lvl])
            r += 1
        goals.append(G(g, [m for m, _ in ms]))
    ws.cell(row=r + 1, column=1, value="Kommundirektörens mål utvärderas av kommunstyrelsen.")
    for col, wd in zip("ABCD", (5, 34, 40, 18)):
        ws.column_dimensions[col].width = wd
    ws.freeze_panes = "A5"
    wb.save(OUT / f"{name}.xlsx")
    write_expected(
        name, family="sv-table+xlsx-title-note", fmt="xlsx", language="sv",
        organisation=org, title=title, goals=goals,
        checkpoints=["juni 2027", "december 2027"],
        handling=[H("2027-01-25", "Kommunstyrelsen")], period=period(2027),
        notes="Title in A1 ('Fjärdby kommun – Kommundirektörens mål 2027'), note in A2, empty "
              "row 3, header on row 4. Goal and number only on the first row of each block; "
              "continuation rows have empty Nr/Mål cells. Målnivå column ignored. Checkpoints "
              "come from 'i juni och december 2027' (one shared year). A closing line under the "
              "table is not a goal.")


# ==========================================================================
# f33sv – Swedish e-mail text, välfärdsområde (TXT, UTF-8)
# ==========================================================================
def f33sv():
    name = "f33-sv-email-norrskar"
    org = "Norrskärs välfärdsområde"
    title = "Välfärdsområdesdirektörens mål 2025"
    goals = [
        G("Tillgången till vård förbättras", [
            "vårdgarantin uppfylls inom 14 dygn i primärvården",
            "väntetiden till jourmottagningen under 3 timmar i 90 % av besöken"]),
        G("Ekonomin balanseras enligt det balanseringsprogram som områdesstyrelsen "
          "godkände i december 2024", [
              "underskottet högst 8 milj. euro",
              "köptjänsterna minskar med 10 %"]),
        G("Personalens tillgänglighet och välbefinnande", [
            "andelen fast anställda sjukskötare ökar",
            "sjukfrånvaron minskar"]),
        G("Det tvåspråkiga serviceutbudet tryggas", [
            "tjänster på svenska finns i alla servicepunkter",
            "kundrespons på svenska följs upp kvartalsvis"]),
    ]
    text = """Från: Sjöberg Anna <anna.sjoberg@norrskar.fi>
Skickat: den 11 mars 2025 08:42
Till: Områdesstyrelsens presidium
Kopia: Lundqvist Peter
Ämne: Välfärdsområdesdirektörens mål 2025

Hej,

här kommer målen för välfärdsområdesdirektören som områdesstyrelsen
godkände 10.3.2025 (§ 44). Målen gäller kalenderåret 2025. Jag har
klistrat in dem nedan så att ni kan läsa dem i telefonen.

Välfärdsområdesdirektörens mål 2025

1) Tillgången till vård förbättras
   - vårdgarantin uppfylls inom 14 dygn i primärvården
   - väntetiden till jourmottagningen under 3 timmar i 90 % av
     besöken
2) Ekonomin balanseras enligt det balanseringsprogram som
   områdesstyrelsen godkände i december 2024
   - underskottet högst 8 milj. euro
   - köptjänsterna minskar med 10 %
3) Personalens tillgänglighet och välbefinnande
   - andelen fast anställda sjukskötare ökar
   - sjukfrånvaron minskar
4) Det tvåspråkiga serviceutbudet tryggas
   - tjänster på svenska finns i alla servicepunkter
   * kundrespons på svenska följs upp kvartalsvis

Uppföljning sker i juni 2025 och slutlig utvärdering i februari 2026.

Hälsningar
Anna Sjöberg
förvaltningsdirektör
Norrskärs välfärdsområde
tfn 040 123 4567

-----Ursprungligt meddelande-----
Från: Lundqvist Peter
Skickat: den 10 mars 2025 16:05
Ämne: mål?

> Kan du skicka målen till presidiet före nästa möte?
> /Peter
"""
    (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
    write_expected(
        name, family="sv-email-text+valfardsomrade", fmt="text", language="sv",
        organisation=org, title=title, goals=goals,
        checkpoints=["juni 2025", "februari 2026"],
        handling=[H("2025-03-10", "Områdesstyrelsen")], period=period(2025),
        notes="Plain text pasted from Outlook: '1)' goals, '-' and '*' indicators, hanging "
              "indentation; indicator 2 of goal 1 and the title of goal 2 are wrapped at ~72 "
              "characters (join with a space). E-mail headers, signature and the quoted older "
              "message are noise. 'december 2024' in a goal title is not a checkpoint; "
              "'Skickat' dates are not handlings.")


# ==========================================================================
# f27 – bilingual Finnish/Swedish DOCX ("Tavoite / Mål")
# ==========================================================================
def f27():
    name = "f27-mixed-bilingual-hakalahti"
    org = "Hakalahden kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2024"
    data = [
        (("Kaupungin talous vahvistuu", "Stadens ekonomi stärks"), [
            ("Vuosikate on vähintään poistojen suuruinen",
             "Årsbidraget täcker minst avskrivningarna"),
            ("Lainamäärä asukasta kohden ei kasva", "Lånebeloppet per invånare ökar inte")]),
        (("Kaksikielisten palvelujen laatu turvataan",
          "Kvaliteten på den tvåspråkiga servicen tryggas"), [
            ("Asiakaspalaute molemmilla kielillä vähintään 4/5",
             "Kundrespons på båda språken minst 4/5")]),
        (("Keskustan asemakaavan uudistus etenee",
          "Förnyelsen av detaljplanen för centrum framskrider"), [
            ("Kaavaehdotus nähtävillä syksyllä 2024", "Planförslaget framlagt hösten 2024"),
            ("Osallistumistilaisuuksia vähintään kolme", "Minst tre tillfällen för delaktighet")]),
        (("Henkilöstön hyvinvointi paranee", "Personalens välbefinnande förbättras"), [
            ("Sairauspoissaolot vähenevät 10 %", "Sjukfrånvaron minskar med 10 %")]),
    ]
    w = WDoc(font="Arial", size=10.5)
    w.header("Hakalahden kaupunki – Hagaviks stad", "Liite 3 / Bilaga 3")
    w.footer(page_field="paren")
    aid = w.abstract([("decimal", "%1.", None), SYMBOL_BULLET])
    num = w.num(aid)
    w.p("Kaupunginjohtajan tavoitteet 2024", bold=True, size=15, after=0)
    w.p("Stadsdirektörens mål 2024", italic=True, size=13, color="555555")
    w.p("Kaupunginhallitus / Stadsstyrelsen 19.2.2024 § 30")
    w.p("Kaupunginhallitus asettaa kaupunginjohtajan tavoitteet vuosittain. Tavoitekausi on "
        "1.1.–31.12.2024.")
    w.p("Stadsstyrelsen fastställer stadsdirektörens mål årligen. Målperioden är "
        "1.1–31.12.2024.", italic=True, color="555555")
    w.p("Tavoitteet / Mål", style="Heading 2")
    goals = []
    for (fi, sv), inds in data:
        w.p(fi, style="List Paragraph", num=num, ilvl=0, bold=True, after=0)
        sp = w.p(sv, italic=True, color="555555", after=4)
        sp.paragraph_format.left_indent = Cm(1.27)
        w.p("Mittarit / Mätare:", after=0).paragraph_format.left_indent = Cm(1.27)
        for ifi, isv in inds:
            w.p(ifi, style="List Paragraph", num=num, ilvl=1, after=0)
            ip = w.p(isv, italic=True, color="555555", after=2)
            ip.paragraph_format.left_indent = Cm(2.54)
        goals.append(G(fi, [i for i, _ in inds]))
    w.p("Tavoitteiden toteutumista arvioidaan joulukuussa 2024.", before=10, after=0)
    w.p("Måluppfyllelsen utvärderas i december 2024.", italic=True, color="555555")
    w.p("Hakalahdella 19.2.2024 / Hagavik 19.2.2024", before=10)
    w.save(OUT / f"{name}.docx")
    write_expected(
        name, family="mixed-fi-sv-bilingual", fmt="docx", language="mixed",
        organisation=org, title=title, goals=goals,
        checkpoints=["joulukuu 2024"],
        handling=[H("2024-02-19", "Kaupunginhallitus")], period=period(2024),
        notes="Bilingual: every goal and indicator in Finnish (list item) with the Swedish "
              "translation as an italic grey plain paragraph below it. Rule: the Finnish line is "
              "the goal/indicator; the Swedish line is plain text. Organisation/title/checkpoint "
              "given in Finnish. 'Kaupunginhallitus / Stadsstyrelsen' is one body.")


# ==========================================================================
# f29 – bilingual XLSX, one row per goal, indicators in one cell (breaks / ';')
# ==========================================================================
def f29():
    name = "f29-mixed-xlsx-salmenkyla"
    org = "Salmenkylän kunta"
    title = "Kunnanjohtajan tavoitteet 2025"
    data = [
        ("Elinvoiman vahvistaminen", "Livskraften stärks",
         ["Uusia asukkaita 80", "Yritysten määrä kasvaa"],
         ["80 nya invånare", "Antalet företag ökar"], "\n", 30),
        ("Talouden tasapaino", "Ekonomisk balans",
         ["Tulos ylijäämäinen", "Lainakanta ei kasva"],
         ["Resultatet visar överskott", "Lånestocken ökar inte"], "; ", 30),
        ("Koulujen sisäilmaongelmien ratkaiseminen", "Inomhusluftproblemen i skolorna åtgärdas",
         ["Korjaussuunnitelma hyväksytty", "Väistötilat käytössä elokuussa 2025"],
         ["Reparationsplanen godkänd", "Ersättande lokaler i bruk i augusti 2025"], "\n", 20),
        ("Ruotsinkielisten palvelujen saatavuus", "Tillgången till service på svenska",
         ["Palveluja ruotsiksi kaikissa asiointipisteissä"],
         ["Service på svenska vid alla serviceställen"], "\n", 20),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tavoitteet – Mål"
    ws["A1"] = "Kunnanjohtajan tavoitteet 2025 – Kommundirektörens mål 2025"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Salmenkylän kunta – Sundby kommun. Kunnanhallitus / Kommunstyrelsen 20.1.2025 § 7"
    ws["A3"] = "Seuranta / Uppföljning: kesäkuu 2025, joulukuu 2025"
    xl_header(ws, 5, ["Nro", "Tavoite", "Mål", "Mittarit", "Mätare", "Paino %"], fill="E2EFDA")
    goals = []
    for i, (fi, sv, ifi, isv, sep, wt) in enumerate(data, 1):
        xl_row(ws, 5 + i, [i, fi, sv, sep.join(ifi), sep.join(isv), wt])
        goals.append(G(fi, ifi, weight=wt))
    xl_row(ws, 6 + len(data), [None, "Yhteensä / Totalt", None, None, None, 100])
    ws.cell(row=6 + len(data), column=2).font = Font(bold=True)
    for col, wd in zip("ABCDEF", (5, 32, 32, 38, 38, 9)):
        ws.column_dimensions[col].width = wd
    wb.save(OUT / f"{name}.xlsx")
    write_expected(
        name, family="mixed-fi-sv+xlsx-row-per-goal", fmt="xlsx", language="mixed",
        organisation=org, title=title, goals=goals,
        checkpoints=["kesäkuu 2025", "joulukuu 2025"],
        handling=[H("2025-01-20", "Kunnanhallitus")], period=period(2025),
        notes="One row per goal. Parallel Finnish/Swedish columns: Tavoite and Mittarit are the "
              "goal/indicators, Mål and Mätare are the Swedish translations (ignored). Indicators "
              "in one cell separated by line breaks (rows 1, 3, 4) or by '; ' (row 2). Paino % "
              "column gives weight. The 'Yhteensä / Totalt' sum row is not a goal. Organisation "
              "and title given in Finnish.")


# ==========================================================================
# f30 – XLSX with several sheets: cover sheet, goals sheet, change log
# ==========================================================================
def f30():
    name = "f30-xlsx-multisheet-vesimaki"
    org = "Vesimäen kaupunki"
    title = "Kaupunginjohtajan tavoitteet 2026"
    data = [
        ("Elinvoima", [("Uusien työpaikkojen syntyminen", 20,
                        [("Työpaikkojen nettolisäys", "+150", "+40 (ennuste)"),
                         ("Yritystonttien myynti", "5 tonttia", "2 myyty")]),
                       ("Matkailun ympärivuotisuus", 10,
                        [("Yöpymiset talvikaudella", "+8 %", ""),
                         ("Tapahtumien määrä", "12", "5 toteutunut")])]),
        ("Hyvinvointi", [("Liikkumisen lisääminen", 15,
                          [("Liikuntapaikkojen käyntikerrat", "+5 %", ""),
                           ("Koululaisten fyysinen toimintakyky (Move!)", "paranee", "")])]),
        ("Talous", [("Talouden tasapaino", 35,
                     [("Vuosikate", "≥ 6 milj. €", "ennuste 4,8 milj. €"),
                      ("Lainakanta €/as.", "≤ 3 200", ""),
                      ("Investointien toteutumisaste", "≥ 85 %", "")])]),
        ("Organisaatio", [("Johtamisen kehittäminen", 20,
                           [("Johtamisindeksi", "≥ 3,9", "")])]),
    ]
    wb = Workbook()
    cover = wb.active
    cover.title = "Kansilehti"
    for r, (txt, bold) in enumerate([
            ("Vesimäen kaupunki", True), ("", False), (title, True),
            ("Hyväksytty kaupunginhallituksessa 26.1.2026 § 12", False),
            ("Tavoitekausi 1.1.–31.12.2026", False),
            ("Seuranta: kesäkuu 2026 ja joulukuu 2026", False), ("", False),
            ("Tavoitteet ja mittarit ovat välilehdellä 'Tavoitteet'. Seurantatiedot päivitetään "
             "kesäkuun tilanteen mukaan.", False)], 1):
        c = cover.cell(row=r, column=2, value=txt or None)
        c.font = Font(bold=bold, size=16 if r == 3 else 11)
    cover.column_dimensions["B"].width = 90
    ws = wb.create_sheet("Tavoitteet")
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Painot yhteensä 100 %. Tavoitetaso koskee vuotta 2026."
    xl_header(ws, 4, ["Teema", "Tavoite", "Paino", "Mittari", "Tavoitetaso", "Seuranta 6/2026"],
              fill="FFF2CC")
    r = 5
    goals = []
    for theme, gl in data:
        first_theme = True
        for g, wt, ms in gl:
            for k, (m, tl, seur) in enumerate(ms):
                xl_row(ws, r, [theme if first_theme else None, g if k == 0 else None,
                               (wt / 100 if k == 0 else None), m, tl, seur or None])
                if k == 0:
                    ws.cell(row=r, column=3).number_format = "0 %"
                first_theme = False
                r += 1
            goals.append(G(g, [m for m, _, _ in ms], area=theme, weight=wt))
    for col, wd in zip("ABCDEF", (14, 34, 8, 42, 18, 22)):
        ws.column_dimensions[col].width = wd
    log = wb.create_sheet("Muutoshistoria")
    log.append(["Pvm", "Muutos", "Tekijä"])
    log.append(["12.1.2026", "Luonnos johtoryhmälle", "hallintojohtaja"])
    log.append(["26.1.2026", "Kaupunginhallituksen hyväksymä versio", "hallintojohtaja"])
    wb.active = 0
    wb.save(OUT / f"{name}.xlsx")
    write_expected(
        name, family="xlsx-multisheet+area-column+weights", fmt="xlsx", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["kesäkuu 2026", "joulukuu 2026"],
        handling=[H("2026-01-26", "Kaupunginhallitus")], period=period(2026),
        notes="Three sheets: 'Kansilehti' (cover text with organisation, handling, period and "
              "checkpoints), 'Tavoitteet' (title row, note row, header on row 4; Teema column = "
              "area, theme and goal only on the first row of their block; Paino stored as a "
              "fraction with '0 %' format, e.g. 0.2 shown as '20 %' -> weight 20), and "
              "'Muutoshistoria' (change log, noise). The 'Seuranta 6/2026' column holds "
              "follow-up text, not indicators.")


# ==========================================================================
# f33 – Finnish e-mail text, Outlook wrapping, cp1252
# ==========================================================================
def f33():
    name = "f33-email-cp1252-hirvasjoki"
    org = "Hirvasjoen kunta"
    title = "Kunnanjohtajan tavoitteet 2024"
    goals = [
        G("Kunnan strategiatyön käynnistäminen", [
            "strategialuonnos valtuuston seminaarissa keväällä",
            "strategia hyväksytty valtuustossa joulukuussa 2024"]),
        G("Elinkeinoyhteistyö", [
            "yrityskäyntejä vähintään 15",
            "yrittäjien aamukahvit neljä kertaa vuodessa"]),
        G("Talouden tasapaino", [
            "tilinpäätös ylijäämäinen",
            "veroprosenttia ei koroteta"]),
        G("Henkilöstön hyvinvointi ja johtaminen, erityisesti teknisen toimen ja "
          "ruokapalvelujen organisaatiomuutoksen onnistunut läpivienti", [
              "muutos toteutettu 1.8.2024 mennessä",
              "henkilöstökyselyn tulokset vähintään edellisen vuoden tasolla"]),
    ]
    text = """Lähettäjä: Rautio Pekka
Lähetetty: maanantai 4. maaliskuuta 2024 14.17
Vastaanottaja: Kirjaamo; Hallintojohtaja
Aihe: VS: Kunnanjohtajan tavoitteet 2024 kh:n kokoukseen

Hei,

alla puheenjohtajiston kanssa sovitut kunnanjohtajan tavoitteet 2024.
Liitä nämä kunnanhallituksen esityslistan liitteeksi. Kunnanhallitus
käsittelee tavoitteet kokouksessaan 11.3.2024.

KUNNANJOHTAJAN TAVOITTEET 2024

1) Kunnan strategiatyön käynnistäminen
    - strategialuonnos valtuuston seminaarissa keväällä
    - strategia hyväksytty valtuustossa joulukuussa 2024

2) Elinkeinoyhteistyö
    - yrityskäyntejä vähintään 15
    - yrittäjien aamukahvit neljä kertaa vuodessa

3) Talouden tasapaino
    * tilinpäätös ylijäämäinen
    * veroprosenttia ei koroteta

4) Henkilöstön hyvinvointi ja johtaminen, erityisesti teknisen toimen ja
ruokapalvelujen organisaatiomuutoksen onnistunut läpivienti
    - muutos toteutettu 1.8.2024 mennessä
    - henkilöstökyselyn tulokset vähintään edellisen vuoden tasolla

Tavoitteiden toteutumista seurataan syyskuussa 2024 ja arvioidaan
helmikuussa 2025. Palkkio maksetaan, kun tavoitteet on saavutettu.

t. Pekka

Pekka Rautio
kunnanhallituksen puheenjohtaja
Hirvasjoen kunta | Kunnantie 1, 99999 Hirvasjoki

Tämä viesti voi sisältää luottamuksellista tietoa. Jos olet saanut
viestin erehdyksessä, ilmoita siitä lähettäjälle ja poista viesti.
"""
    (OUT / f"{name}.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    write_expected(
        name, family="email-text+cp1252", fmt="text", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["syyskuu 2024", "helmikuu 2025"],
        handling=[H("2024-03-11", "Kunnanhallitus")], period=period(2024),
        notes="Encoded in Windows-1252 with CRLF line endings. Goals '1)' with '-' or '*' "
              "indicators indented four spaces. Goal 4 title is wrapped at 72 characters WITHOUT "
              "indentation on the continuation line (join with a space). 'KUNNANJOHTAJAN "
              "TAVOITTEET 2024' is the title line, not an area. Outlook header date 4.3.2024 and "
              "the disclaimer are noise; 'joulukuussa 2024' and '1.8.2024' inside indicators are "
              "not checkpoints.")


# ==========================================================================
# f34 – ALL CAPS theme lines, goals with '•', indicators with '– ' (TXT)
# ==========================================================================
def f34():
    name = "f34-allcaps-themes-ylikoski"
    org = "Ylikosken kaupunki"
    title = "Kaupunginjohtajan tavoitteet"
    themes = [
        ("KESTÄVÄ KASVU", [
            G("Yleiskaavan valmistelun eteneminen", ["Kaavaluonnos nähtävillä",
                                                    "Vuorovaikutustilaisuudet pidetty"]),
            G("Kaupungin omistaman maan hankinta", ["Maanhankintaohjelma hyväksytty"]),
        ]),
        ("HYVÄ ARKI", [
            G("Kirjaston ja kulttuuripalvelujen uudistaminen", [
                "Omatoimikirjasto avattu", "Kulttuurikävijöiden määrä kasvaa"]),
            G("Koulujen turvallisuuden parantaminen", [
                "Turvallisuussuunnitelmat päivitetty kaikissa kouluissa"]),
        ]),
        ("VASTUULLINEN TALOUS", [
            G("Tuottavuusohjelman laatiminen"),
            G("Omistajaohjauksen tehostaminen", ["Konserniyhtiöiden tavoitteet asetettu"]),
        ]),
    ]
    out = ["Ylikosken kaupunki", "Kaupunginhallitus 14.4.2025 § 61", "",
           "KAUPUNGINJOHTAJAN TAVOITTEET", "",
           "Kaupunginhallitus ja kaupunginjohtaja ovat käyneet tavoitekeskustelun. Tavoitteet",
           "jäsennetään kaupunkistrategian kolmen teeman mukaan.", ""]
    goals = []
    for theme, gl in themes:
        out.append(theme)
        out.append("")
        for g in gl:
            g["area"] = theme
            goals.append(g)
            out.append(f"• {g['title']}")
            for ind in g["indicators"]:
                out.append(f"  – {ind}")
            out.append("")
    out += ["ARVIOINTI", "",
            "Tavoitteiden toteutuminen arvioidaan kaupunginhallituksen iltakoulussa",
            "marraskuussa 2025. Arvioinnin pohjaksi kaupunginjohtaja laatii itsearvion.", "",
            "Ylikoskella 14.4.2025", "", "KAUPUNGINHALLITUS", ""]
    (OUT / f"{name}.txt").write_text("\n".join(out), encoding="utf-8")
    write_expected(
        name, family="allcaps-themes+inverted-markers", fmt="text", language="fi",
        organisation=org, title=title, goals=goals,
        checkpoints=["marraskuu 2025"],
        handling=[H("2025-04-14", "Kaupunginhallitus")], period=None,
        notes="ALL CAPS theme lines are areas (kept in capitals as written). Goals are '•' lines, "
              "indicators '– ' (en dash) lines — inverted markers. 'Tuottavuusohjelman "
              "laatiminen' has no indicators. ALL CAPS lines 'KAUPUNGINJOHTAJAN TAVOITTEET' "
              "(title), 'ARVIOINTI' and 'KAUPUNGINHALLITUS' (signature) are not areas. The text "
              "states no year for the goals, so period is null.")


# ==========================================================================
# f37 – Roman-numeral themes, arabic goals, Toimenpiteet + Mittarit, long titles -> PDF
# ==========================================================================
def f37():
    name = "f37-roman-actions-tuulimaa"
    org = "Tuulimaan kunta"
    title = "Kunnanjohtajan tavoitteet 2026"
    data = [
        ("Elinvoima ja vetovoima", [
            ("Tuulimaan satama-alueen kehittämishankkeen käynnistäminen yhdessä yksityisten "
             "toimijoiden ja maakunnan liiton kanssa",
             ["Kumppanuusmallin valmistelu", "Rahoitushakemukset EU- ja valtionrahoitukseen"],
             ["Kumppanuussopimus allekirjoitettu", "Hankkeelle saatu ulkopuolista rahoitusta"]),
            ("Markkinoinnin uudistaminen",
             ["Uusi kuntabrändi", "Sosiaalisen median kanavien yhdistäminen"],
             ["Muuttovoitto", "Brändikyselyn tunnettuusindeksi kasvaa"]),
        ]),
        ("Palvelut ja hyvinvointi", [
            ("Varhaiskasvatuksen henkilöstön saatavuuden turvaaminen",
             ["Rekrytointikampanja", "Oppisopimuskoulutus yhdessä oppilaitoksen kanssa"],
             ["Kaikki vakanssit täytetty pätevällä henkilöstöllä"]),
        ]),
        ("Talous ja organisaatio", [
            ("Talousarvion toteutuminen",
             ["Kuukausiraportointi johtoryhmälle"],
             ["Toimintakate toteutuu talousarvion mukaisena",
              "Investoinnit toteutuvat 90-prosenttisesti"]),
            ("Tiedolla johtamisen kehittäminen", [],
             ["Johdon raportointinäkymä käytössä"]),
        ]),
    ]
    w = WDoc(font="Cambria", size=11)
    w.header("TUULIMAAN KUNTA\tLIITE 2\tTUULno-2026-19")
    w.footer("Kunnanhallitus 23.3.2026 § 40", page_field="paren")
    rom = w.abstract([("upperRoman", "%1", None), ("decimal", "%2.", None)], indent=567,
                     hanging=567)
    num = w.num(rom)
    bul = w.abstract([PLAIN_BULLET])
    w.p(title, style="Title")
    w.p("Kunnanhallitus hyväksyy kunnanjohtajan tavoitteet vuodelle 2026. Kunkin tavoitteen "
        "alle on kirjattu toimenpiteet, joilla tavoitteeseen pyritään, sekä mittarit, joilla "
        "onnistumista arvioidaan. Vain mittarit vaikuttavat arviointiin.")
    goals = []
    for theme, gl in data:
        w.p(theme, style="Heading 1", num=num, ilvl=0)
        for gt, acts, inds in gl:
            w.p(gt, style="Heading 2", num=num, ilvl=1)
            if acts:
                w.p("Toimenpiteet", bold=True, after=0)
                n = w.num(bul)
                for a in acts:
                    w.p(a, style="List Paragraph", num=n)
            w.p("Mittarit", bold=True, after=0)
            n = w.num(bul)
            for i in inds:
                w.p(i, style="List Paragraph", num=n)
            goals.append(G(gt, inds, area=theme))
    w.p("Kunnanhallitus seuraa tavoitteita osavuosikatsausten yhteydessä (huhtikuu 2026, "
        "elokuu 2026).", before=12)
    w.p("Tuulimaassa 23.3.2026", before=12)
    w.p("Kunnanhallitus")
    src = BUILD / f"{name}.docx"
    w.save(src)
    print_to_pdf(src, name)
    write_expected(
        name, family="roman-themes+actions-and-indicators+long-titles", fmt="pdf",
        language="fi", organisation=org, title=title, goals=goals,
        checkpoints=["huhtikuu 2026", "elokuu 2026"],
        handling=[H("2026-03-23", "Kunnanhallitus")], period=period(2026),
        notes="Printed to PDF from DOCX. Themes are Heading 1 with real upperRoman numbering "
              "('I', 'II', 'III', no dot); goals Heading 2 numbered 1., 2. (restarting under each "
              "theme). Under each goal 'Toimenpiteet' bullets (actions, NOT indicators) and "
              "'Mittarit' bullets (indicators); the last goal has only Mittarit. First goal title "
              "is long and wraps.")


# ==========================================================================
ALL = [f01, f02, f03, f04, f06, f07, f08, f09, f10, f11, f12, f14, f15, f16, f18,
       f25, f26, f33sv, f27, f29, f30, f33, f34, f37]


def main(argv):
    BUILD.mkdir(parents=True, exist_ok=True)
    only = set(argv[1:])
    for fn in ALL:
        if only and fn.__name__ not in only:
            continue
        fn()
        print("built", fn.__name__)


if __name__ == "__main__":
    main(sys.argv)
