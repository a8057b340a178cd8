#!/usr/bin/env python3
"""Build the tuning corpus: documents + NAME.expected.json.

Run with a venv that has python-docx, openpyxl, reportlab, odfpy, pillow:
    /tmp/corpus-tuning-env/bin/python generate.py
LibreOffice (soffice) is used for DOCX -> PDF/ODT conversions.
"""
import copy
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bank import FI, SV, TARGETS, PURPOSE_FI, CLOSING_FI, g, with_area  # noqa: E402
from corpuslib import expected, make_docx, finish, OUT  # noqa: E402
import docs_other  # noqa: E402


def pick(*keys):
    """pick("talous:0", "elinvoima:1") -> deep copies of bank goals"""
    out = []
    for k in keys:
        t, i = k.split(":")
        out.append(copy.deepcopy(FI[t][int(i)]))
    return out


def bullets(items, kind="bullet", lvl=0):
    return ("list", kind, [(lvl, t) for t in items])


def numbered_multilevel(goals, kind="decimal", goal_bold=False):
    items = []
    for x in goals:
        items.append((0, x["title"], {"bold": goal_bold}))
        for i in x["indicators"]:
            items.append((1, i))
    return ("list", kind, items)


def letterhead(org, right, date_line):
    return [("p", "**%s**\t\t\t%s" % (org, right)), ("p", date_line, {"align": "right"})]


def sign(place_date, *people):
    out = [("blank",), ("p", place_date)]
    for p in people:
        out += [("blank",), ("p", p)]
    return out


DOCS = []


def doc(fn):
    DOCS.append(fn)
    return fn


# ============================================================ 1 numbered goals + bullets
@doc
def f01a():
    name, org, year = "f01-numbered-bullets-kuusijarvi", "Kuusijärven kunta", 2026
    goals = pick("talous:0", "elinvoima:1", "henkilosto:0", "yhteistyo:1")
    blocks = letterhead(org, "LIITE 3", "Kunnanhallitus 16.3.2026 § 45") + [
        ("p", "KUUDno-2026-112", {"align": "right", "size": 9}),
        ("title", "Kunnanjohtajan tavoitteet 2026"),
        ("p", PURPOSE_FI[2]),
        ("h", 2, "Tavoitekeskustelun tarkoitus"),
        ("p", PURPOSE_FI[0]),
        ("p", "**Tavoitteet vuodelle 2026**"),
        numbered_multilevel(goals),
        ("h", 2, "Arviointi"),
        ("p", "Tavoitteiden toteutumista seurataan elokuussa 2026 ja arvioidaan tammikuussa 2027."),
        ("p", CLOSING_FI[0]),
    ] + sign("Kuusijärvellä 12.3.2026", "Matti Halonen\nkunnanhallituksen puheenjohtaja",
             "Riikka Laaksonen\nkunnanjohtaja")
    make_docx(name, "docx", blocks, header="Kuusijärven kunta", footer="{PAGE} ({NUMPAGES})")
    expected(name, "numbered-bullets", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-03-16", "Kunnanhallitus")], None,
             "Multi-level Word list: level 0 decimal goals, level 1 Symbol bullets. Title year only, no explicit period.")


@doc
def f01b():
    name, org = "f01-numbered-bullets-halkovaara", "Halkovaaran kaupunki"
    goals = pick("talous:2", "elinvoima:3", "hyvinvointi:2", "henkilosto:3", "yhteistyo:4")
    goals[4]["indicators"] = []
    blocks = [
        ("p", "HALKOVAARAN KAUPUNKI", {"bold": True}),
        ("p", "Kaupunginhallitus\t\t\tLiite 7 / § 88"),
        ("blank",),
        ("title", "Kaupunginjohtajan tavoitteet vuodelle 2025", 14),
        ("p", "Kaupunginhallitus hyväksyi kaupunginjohtajan tavoitteet kokouksessaan 24.2.2025. "
              "Tavoitteet on valmisteltu kaupunginhallituksen puheenjohtajiston ja kaupunginjohtajan "
              "välisessä kehityskeskustelussa 3.2.2025."),
    ]
    # separate lists: numbered goal list with bullet lists in between (continues numbering)
    items = []
    for x in goals:
        blocks.append(("list", "decimal", [(0, x["title"], {"bold": True})], "goals"))
        if x["indicators"]:
            blocks.append(bullets(x["indicators"]))
    blocks += [
        ("p", "Tavoitteiden toteutumista arvioidaan puolivuotiskatsauksen yhteydessä elokuussa 2025 "
              "sekä tilinpäätöksen valmistuttua helmikuussa 2026."),
        ("p", CLOSING_FI[1]),
    ] + sign("Halkovaarassa 24.2.2025", "Kaupunginhallitus")
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}", font="Arial")
    expected(name, "numbered-bullets", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet vuodelle 2025", goals,
             ["elokuu 2025", "helmikuu 2026"], [("2025-02-24", "Kaupunginhallitus")], None,
             "PDF from Word (LibreOffice). Goal numbering continues over separate bullet lists. Last goal has no "
             "indicators. The 3.2.2025 development discussion is not a handling by a body (left out of handling).")


# ============================================================ 2 lettered sub-items
@doc
def f02a():
    name, org = "f02-lettered-subitems-pihlajaniemi", "Pihlajaniemen kunta"
    goals = pick("talous:1", "elinvoima:0", "hyvinvointi:1")
    blocks = [("p", "Pihlajaniemen kunta\t\t\tPÖYTÄKIRJANOTE"),
              ("p", "Kunnanhallitus 10.2.2027 § 21", {"align": "right"}),
              ("title", "Kunnanjohtajan vuositavoitteet 2027"),
              ("p", "Kunnanhallitus asettaa kunnanjohtajalle seuraavat tavoitteet vuodelle 2027 (tavoitekausi 1.1.–31.12.2027)."),
              ("list", "decimal-letter", [it for x in goals for it in
                                          [(0, x["title"])] + [(1, i) for i in x["indicators"]]]),
              ("p", "Tavoitteiden toteutumisen arviointi tehdään tammikuussa 2028."),
              ("p", CLOSING_FI[3])]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "lettered-subitems", "docx", "fi", org, "Kunnanjohtajan vuositavoitteet 2027", goals,
             ["tammikuu 2028"], [("2027-02-10", "Kunnanhallitus")], ("2027-01-01", "2027-12-31"),
             "Word multi-level list 1. / a) ; the a) items are indicators.")


@doc
def f02b():
    name, org = "f02-lettered-subitems-koivulahti", "Koivulahden kaupunki"
    goals = [
        g("Kaupunkistrategian päivityksen valmistelu", ["Strategialuonnos valtuustoseminaarissa syyskuussa", "Asukaskysely toteutettu", "Strategia hyväksytty valtuustossa joulukuussa"]),
        g("Talouden tasapainottaminen", ["Vuosikate riittää poistoihin", "Henkilöstömenot toteutuvat talousarvion mukaisesti"]),
        g("Sujuva ja vuorovaikutteinen yhteistyö", ["Kaupunginhallituksen iltakoulut kuukausittain", "Valtuustoryhmien puheenjohtajien tapaamiset"]),
        g("Hyvä työnantajakuva", ["Työnantajamielikuvatutkimuksen tulos paranee", "Harjoittelijoita vähintään 25"]),
    ]
    blocks = [("p", "KOIVULAHDEN KAUPUNKI\t\t\tLiite 2"),
              ("title", "Kaupunginjohtajan tavoitteet 2024", 14),
              ("p", "Kaupunginhallitus 15.1.2024 § 6"),
              ("h", 2, "Tavoitteet")]
    for i, x in enumerate(goals):
        blocks.append(("list", "decimal-letter", [(0, x["title"])] + [(1, t) for t in x["indicators"]], "L"))
    blocks += [("p", "Väliarvio kesäkuussa 2024 ja loppuarvio joulukuussa 2024."),
               ("p", "Tavoitteiden saavuttamisesta maksetaan tulospalkkiota enintään 3 000 euroa.")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})", font="Times New Roman", size=12)
    expected(name, "lettered-subitems", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2024", goals,
             ["kesäkuu 2024", "joulukuu 2024"], [("2024-01-15", "Kaupunginhallitus")], None,
             "PDF from Word; a)/b)/c) sub-items are indicators.")


# ============================================================ 3 Word headings
@doc
def f03a():
    name, org = "f03-word-headings-savijarvi", "Savijärven kunta"
    th = [("Elinvoimainen Savijärvi", pick("elinvoima:0", "elinvoima:2")),
          ("Hyvinvoiva asukas", pick("hyvinvointi:0", "hyvinvointi:4")),
          ("Vastuullinen talous ja johtaminen", pick("talous:4", "henkilosto:1"))]
    blocks = [("title", "Kunnanjohtajan tavoitteet 2026", 18),
              ("p", "Savijärven kunta | Kunnanhallitus 9.3.2026 § 37 | Liite 4", {"size": 9}),
              ("h", 1, "Tavoitekeskustelun tarkoitus"),
              bullets(["Perustuu johtajasopimukseen", "Kirkastaa johtamisen painopisteet",
                       "Tukee kunnanjohtajan onnistumista ja työhyvinvointia"])]
    goals = []
    for area, gl in th:
        blocks.append(("h", 1, area))
        for x in gl:
            x["area"] = area
            goals.append(x)
            blocks.append(("h", 2, x["title"]))
            blocks.append(bullets(x["indicators"]))
    blocks += [("h", 1, "Tavoitteiden arviointi"),
               bullets(["Väliarviointi elokuussa 2026", "Loppuarviointi tammikuussa 2027",
                        "Tavoitteiden toteutumisesta raportoidaan kunnanhallitukselle"])]
    make_docx(name, "docx", blocks, header="Savijärven kunta", footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "word-headings", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-03-09", "Kunnanhallitus")], None,
             "Heading 1 = theme (area), Heading 2 = goal. 'Tavoitekeskustelun tarkoitus' and "
             "'Tavoitteiden arviointi' are Heading 1 too but their bullets are not goals/indicators.")


@doc
def f03b():
    name, org = "f03-word-headings-strandvik-sv", "Strandviks kommun"
    th = [("Ekonomi och ledarskap", [SV[0], SV[2]]), ("Livskraft", [SV[1], SV[5]]),
          ("Välbefinnande", [SV[8]])]
    blocks = [("p", "STRANDVIKS KOMMUN\t\t\tBILAGA 5"),
              ("p", "Kommunstyrelsen 23.2.2026 § 31", {"align": "right"}),
              ("title", "Kommundirektörens mål för 2026", 16),
              ("p", "Kommunstyrelsen fastställer årligen kommundirektörens mål i enlighet med direktörsavtalet. "
                    "Målen bygger på kommunstrategin och budgeten för 2026.")]
    goals = []
    for area, gl in th:
        blocks.append(("h", 1, area))
        for x in gl:
            x = copy.deepcopy(x)
            x["area"] = area
            goals.append(x)
            blocks.append(("h", 2, x["title"]))
            blocks.append(bullets(x["indicators"]))
    blocks += [("h", 1, "Uppföljning"),
               ("p", "Målen följs upp i augusti 2026 och utvärderas i januari 2027."),
               ("blank",), ("p", "Strandvik den 23 februari 2026"), ("p", "Anna Lindqvist, ordförande för kommunstyrelsen")]
    make_docx(name, "odt", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "word-headings", "odt", "sv", org, "Kommundirektörens mål för 2026", goals,
             ["augusti 2026", "januari 2027"], [("2026-02-23", "Kommunstyrelsen")], None,
             "ODT converted by LibreOffice from DOCX; Heading 1 themes, Heading 2 goals; 'Uppföljning' heading is not a theme.")


# ============================================================ 4 fake headings (bold Normal)
@doc
def f04a():
    name, org = "f04-bold-paragraphs-lahdekyla", "Lähdekylän kunta"
    goals = pick("talous:3", "elinvoima:4", "hyvinvointi:3", "henkilosto:2", "ymparisto:0")
    blocks = [("p", "Lähdekylän kunta", {"bold": True, "size": 14}),
              ("p", "Kunnanjohtajan tavoitteet 2025", {"bold": True, "size": 14}),
              ("p", "Hyväksytty kunnanhallituksessa 17.3.2025 § 52"),
              ("blank",)]
    for x in goals:
        blocks.append(("p", x["title"], {"bold": True}))
        blocks.append(bullets(x["indicators"]))
    blocks += [("p", "Tavoitteiden toteutumista tarkastellaan syyskuussa 2025 ja tammikuussa 2026."),
               ("p", "Lähdekylässä 17.3.2025"), ("p", "Kunnanhallitus")]
    make_docx(name, "docx", blocks, footer=None)
    expected(name, "bold-paragraph-headings", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["syyskuu 2025", "tammikuu 2026"], [("2025-03-17", "Kunnanhallitus")], None,
             "Goals are bold Normal paragraphs (no heading style); the organisation and title lines are bold too.")


@doc
def f04b():
    name, org = "f04-bold-paragraphs-marjamaki", "Marjamäen kaupunki"
    goals = [g("Kaupunkikonsernin omistajaohjauksen selkeyttäminen", ["Omistajapoliittiset linjaukset päivitetty", "Tytäryhtiöiden tavoitteet asetettu talousarviossa"]),
             g("Elinkeinopolitiikan uudistaminen", ["Elinkeino-ohjelma hyväksytty", "Yrityspalvelujen asiakastyytyväisyys vähintään 4/5", "Uusia työpaikkoja 150"]),
             g("Kaupungin johtamisjärjestelmän kehittäminen", ["Johtamisen periaatteet hyväksytty", "Johtoryhmän kokoonpano ja tehtävät uudistettu"]),
             g("Hallittu talous", ["Talousarvion toteutuminen", "Veroprosentti pysyy ennallaan"])]
    blocks = [("p", "MARJAMÄEN KAUPUNKI", {"bold": True}), ("p", "Kaupunginhallitus", {"bold": False}),
              ("p", "Liite 1 § 19 / 29.1.2024", {"align": "right"}),
              ("p", "KAUPUNGINJOHTAJAN TAVOITTEET 2024", {"bold": True, "size": 13}),
              ("p", "Kaupunginjohtajan tavoitteet perustuvat kaupunkistrategiaan 2022–2025 sekä talousarvioon 2024. "
                    "Tavoitekausi on 1.1.–31.12.2024.")]
    for i, x in enumerate(goals, 1):
        blocks.append(("p", x["title"], {"bold": True}))
        blocks.append(bullets(x["indicators"], kind="dash"))
    blocks += [("p", "Arviointi", {"bold": True}),
               ("p", "Kaupunginhallituksen puheenjohtajisto arvioi tavoitteiden toteutumisen tammikuussa 2025."),
               ("p", CLOSING_FI[0])]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}", font="Arial", size=10)
    expected(name, "bold-paragraph-headings", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2024", goals,
             ["tammikuu 2025"], [("2024-01-29", "Kaupunginhallitus")], ("2024-01-01", "2024-12-31"),
             "PDF from Word; goals are bold paragraphs, indicators en-dash bullets; 'Arviointi' is also a bold paragraph "
             "but has no bullets (not a goal). Title in ALL CAPS in the document; expected title in normal case.")


# ============================================================ 5 theme headings over numbered goals
@doc
def f05():
    name, org = "f05-theme-headings-kalliojoki", "Kalliojoen kunta"
    th = [("Elinvoimainen kunta", pick("elinvoima:1", "elinvoima:2")),
          ("Hyvinvoiva asukas", pick("hyvinvointi:1")),
          ("Toimiva organisaatio", pick("henkilosto:0", "yhteistyo:0"))]
    blocks = [("p", "Kalliojoen kunta\t\t\tLIITE 6", {}), ("p", "KALLno-2026-45", {"align": "right", "size": 9}),
              ("title", "Kunnanjohtajan tavoitteet 2026", 15),
              ("p", "Kunnanhallitus 2.3.2026 § 33")]
    goals = []
    for area, gl in th:
        blocks.append(("p", area, {"bold": True, "size": 13, "color": "1F4E79"}))
        for x in gl:
            x["area"] = area
            goals.append(x)
        blocks.append(numbered_multilevel(gl))
    blocks += [("p", "Tavoitteiden toteutumista arvioidaan tammikuussa 2027.")]
    make_docx(name, "docx", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "theme-headings", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["tammikuu 2027"], [("2026-03-02", "Kunnanhallitus")], None,
             "Theme lines (bold, coloured, no heading style) are areas; numbering restarts under every theme.")


# ============================================================ 6 container + focus areas (no indicators)
@doc
def f06a():
    name, org = "f06-container-focus-areas-haapasaari", "Haapasaaren kaupunki"
    areas = ["Kaupunkistrategian toimeenpano ja seuranta", "Talouden tasapainottamisohjelman johtaminen",
             "Hyvinvointialueen kanssa tehtävän yhteistyön vakiinnuttaminen", "Elinkeinoelämän ja kaupungin yhteistyön syventäminen",
             "Henkilöstön työhyvinvoinnin parantaminen"]
    goals = [g(a) for a in areas]
    blocks = [("p", "Haapasaaren kaupunki\t\t\t\tLiite 12"),
              ("title", "Kaupunginjohtajan tavoitteet 2025", 15),
              ("p", "Kaupunginjohtajan tehtävänä on johtaa kaupungin hallintoa, taloutta ja muuta toimintaa "
                    "kaupunginhallituksen alaisena. Kaupunginhallitus käsitteli tavoitteet 3.3.2025 § 40."),
              ("h", 2, "Kaupunginhallituksen asettamat painopisteet 2025"),
              bullets(areas),
              ("p", "Painopisteiden toteutumista arvioidaan kehityskeskustelussa joulukuussa 2025.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "container-focus-areas", "docx", "fi", org, "Kaupunginjohtajan tavoitteet 2025", goals,
             ["joulukuu 2025"], [("2025-03-03", "Kaupunginhallitus")], None,
             "Container heading is not an area; each bullet is a goal with zero indicators.")


# ============================================================ 7 label prefixes
@doc
def f07a():
    name, org = "f07-label-prefixes-sorvala", "Sorvalan kunta"
    goals = [g("Kunnan talous on tasapainossa", ["Tilikauden tulos vähintään 0 €", "Lainakanta ei kasva"]),
             g("Kunnan vetovoima vahvistuu", ["Väestömäärä kasvaa"]),
             g("Henkilöstö voi hyvin", ["Sairauspoissaolot vähenevät", "Työhyvinvointikyselyn tulos paranee", "Vaihtuvuus pysyy alle 10 %"]),
             g("Päätöksenteko on sujuvaa", ["Esityslistat julkaistaan viikkoa ennen kokousta"])]
    crit = ["Mittarit: Tilikauden tulos vähintään 0 €; Lainakanta ei kasva", "Mittari: Väestömäärä kasvaa",
            "Mittarit: Sairauspoissaolot vähenevät; Työhyvinvointikyselyn tulos paranee; Vaihtuvuus pysyy alle 10 %",
            "Arviointikriteeri: Esityslistat julkaistaan viikkoa ennen kokousta"]
    blocks = [("p", "SORVALAN KUNTA", {"bold": True}), ("p", "Kunnanhallitus 19.2.2024 § 28, liite 2"),
              ("title", "Kunnanjohtajan tavoitteet 2024", 14)]
    for x, c in zip(goals, crit):
        blocks += [("p", "**Tavoite:** " + x["title"]), ("p", c), ("blank",)]
    blocks += [("p", "Tavoitteiden toteutumista seurataan elokuussa 2024 ja arvioidaan tammikuussa 2025."),
               ("p", "Sorvalassa 19.2.2024")]
    make_docx(name, "docx", blocks, footer=None)
    expected(name, "label-prefixes", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2024", goals,
             ["elokuu 2024", "tammikuu 2025"], [("2024-02-19", "Kunnanhallitus")], None,
             "'Tavoite:' prefix (bold label) and 'Mittarit: a; b' lines - each ';' part is one indicator.")


@doc
def f07b():
    name, org = "f07-label-prefixes-vuorela", "Vuorelan kaupunki"
    goals = pick("yhteistyo:3", "talous:1", "henkilosto:4")
    blocks = [("p", "Vuorelan kaupunki / Kaupunginhallitus\t\tLIITE 1"),
              ("title", "Kaupunginjohtajan tavoitteet 2027", 14),
              ("p", "Tavoitekausi 1.1.–31.12.2027. Käsitelty kaupunginhallituksessa 25.1.2027 § 11.")]
    for x in goals:
        blocks.append(("p", "Tavoite: " + x["title"], {"bold": True}))
        for i in x["indicators"]:
            blocks.append(("p", "Mittari: " + i))
    blocks += [("p", "Seuranta: kesäkuu 2027 ja tammikuu 2028."), ("p", CLOSING_FI[2])]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}", font="Arial", size=10)
    expected(name, "label-prefixes", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2027", goals,
             ["kesäkuu 2027", "tammikuu 2028"], [("2027-01-25", "Kaupunginhallitus")], ("2027-01-01", "2027-12-31"),
             "One 'Mittari:' line per indicator.")


# ============================================================ 8 "Tavoite 1 –" headings, "Mittari 1.1"
@doc
def f08():
    name, org = "f08-tavoite-n-headings-ilvesmaki", "Ilvesmäen kunta"
    goals = [g("Talous tasapainoon", ["Tilikauden tulos on positiivinen", "Vuosikate kattaa poistot"]),
             g("Elinvoiman vahvistaminen", ["Uusia asukkaita vähintään 50", "Yritysten määrä kasvaa", "Tonttimyynti vähintään 10 tonttia"]),
             g("Johtamisen ja työhyvinvoinnin kehittäminen", ["Johtamisen arvio henkilöstökyselyssä paranee"]),
             g("Sote-yhteistyön toimivuus", ["Lähipalvelusopimus on tehty hyvinvointialueen kanssa", "Yhteistyöryhmä kokoontuu neljä kertaa vuodessa"])]
    blocks = [("p", "Ilvesmäen kunta\t\t\tLiite 3 / KH 14.4.2025 § 61"),
              ("title", "Kunnanjohtajan tavoitteet 2025")]
    for n, x in enumerate(goals, 1):
        blocks.append(("h", 2, "Tavoite %d – %s" % (n, x["title"])))
        for m, i in enumerate(x["indicators"], 1):
            blocks.append(("p", "Mittari %d.%d %s" % (n, m, i)))
    blocks += [("p", "Tavoitteet arvioidaan tammikuussa 2026.")]
    make_docx(name, "docx", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "tavoite-n-headings", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["tammikuu 2026"], [("2025-04-14", "KH")], None,
             "Heading 2 'Tavoite n – title'; indicators 'Mittari n.m text' as plain paragraphs.")


# ============================================================ 9 tables Tavoite | Mittari | Tavoitetaso
def table_rows(goals, mode, with_target=True, header=("Tavoite", "Mittari", "Tavoitetaso")):
    rows, merges, k = [list(header)], [], 0
    for x in goals:
        start = len(rows)
        inds = x["indicators"] or [""]
        for j, i in enumerate(inds):
            gc = x["title"] if (j == 0 or mode == "repeat") else ("" if mode == "empty" else None)
            row = [gc, i]
            if with_target:
                row.append(TARGETS[k % len(TARGETS)] if i else "")
                k += 1
            rows.append(row)
        if mode == "merge" and len(inds) > 1:
            merges.append((start, 0, len(rows) - 1, 0))
    return rows, merges


@doc
def f09a():
    name, org = "f09-table-merged-goal-honkavuori", "Honkavuoren kunta"
    goals = pick("talous:0", "elinvoima:4", "hyvinvointi:1", "henkilosto:3")
    rows, merges = table_rows(goals, "merge")
    blocks = [("p", "Honkavuoren kunta\t\t\tLIITE 4"), ("p", "Kunnanhallitus 27.1.2026 § 14", {"align": "right"}),
              ("title", "Kunnanjohtajan tavoitteet ja mittarit 2026"),
              ("p", "Tavoitteet on käsitelty kunnanhallituksen iltakoulussa 13.1.2026."),
              ("table", rows, {"merges": merges, "widths": [6, 7, 3.5]}),
              ("p", "Tavoitteiden toteutumista arvioidaan elokuussa 2026 ja tammikuussa 2027."),
              ("p", CLOSING_FI[0])]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "table-goal-indicator-target", "docx", "fi", org, "Kunnanjohtajan tavoitteet ja mittarit 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-01-27", "Kunnanhallitus")], None,
             "Goal cell merged vertically over its indicator rows; Tavoitetaso column ignored. Iltakoulu 13.1.2026 "
             "is not a decision (left out of handling).")


@doc
def f09b():
    name, org = "f09-table-repeated-goal-kivikoski", "Kivikosken kaupunki"
    goals = pick("yhteistyo:1", "talous:2", "ymparisto:1")
    rows, _ = table_rows(goals, "repeat")
    blocks = [("p", "KIVIKOSKEN KAUPUNKI\t\t\tLiite 3"),
              ("title", "Kaupunginjohtajan tavoitteet 2025", 14),
              ("p", "Kaupunginhallitus 10.3.2025 § 44. Tavoitekausi 1.1.–31.12.2025."),
              ("table", rows, {"widths": [6, 7, 3.5], "shade_color": "E2EFDA"}),
              ("p", "Tavoitteiden toteutuminen arvioidaan helmikuussa 2026.")]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}", font="Arial", size=10)
    expected(name, "table-goal-indicator-target", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2025", goals,
             ["helmikuu 2026"], [("2025-03-10", "Kaupunginhallitus")], ("2025-01-01", "2025-12-31"),
             "PDF from Word; goal text repeated on every indicator row (same goal, not duplicates).")


@doc
def f09c():
    name, org = "f09-table-empty-continuation-rautaniemi", "Rautaniemen kunta"
    goals = pick("elinvoima:3", "hyvinvointi:4", "henkilosto:1", "yhteistyo:2", "talous:4")
    rows, _ = table_rows(goals, "empty", header=("Tavoite", "Mittari", "Tavoitetaso 2027"))
    blocks = [("p", "Rautaniemen kunta"), ("title", "Kunnanjohtajan tavoitteet 2027", 14),
              ("p", "Kunnanhallitus 8.2.2027 § 18"),
              ("table", rows, {"widths": [6, 7, 3.5]}),
              ("p", "Tavoitteita seurataan elokuussa 2027.")]
    make_docx(name, "odt", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "table-goal-indicator-target", "odt", "fi", org, "Kunnanjohtajan tavoitteet 2027", goals,
             ["elokuu 2027"], [("2027-02-08", "Kunnanhallitus")], None,
             "ODT (LibreOffice from DOCX); goal cell empty on continuation rows (not merged).")


# ============================================================ 10 several indicators in one cell
@doc
def f10a():
    name, org = "f10-table-multiline-cell-jokiniemi", "Jokiniemen kunta"
    goals = pick("talous:3", "elinvoima:0", "hyvinvointi:0", "henkilosto:0")
    rows = [["Tavoite", "Mittarit"]] + [[x["title"], "\n".join(x["indicators"])] for x in goals]
    blocks = [("p", "Jokiniemen kunta\t\t\t\tLIITE 2"), ("title", "Kunnanjohtajan tavoitteet 2026"),
              ("p", "Kunnanhallitus hyväksyi tavoitteet 20.4.2026 § 70."),
              ("table", rows, {"widths": [7, 9.5]}),
              ("p", "Seuranta syyskuussa 2026, arviointi tammikuussa 2027.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "table-multiline-cell", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["syyskuu 2026", "tammikuu 2027"], [("2026-04-20", "Kunnanhallitus")], None,
             "Indicators in one cell separated by manual line breaks (w:br).")


@doc
def f10b():
    name, org = "f10-table-bullets-in-cell-saarikko", "Saarikon kunta"
    goals = [g("Strategian toimeenpanon johtaminen", ["Valtuustokauden tavoitteiden toteutuminen", "Seuraavan strategiakauden valmistelu käynnistetty"]),
             g("Henkilöstöjohtaminen", ["Johtamisen linjakkuus ja valmentava ote", "Laadukas esihenkilötyö"]),
             g("Talouden johtaminen", ["Talousarvion tavoitteet toteutuvat", "Säästöohjelma etenee aikataulussa", "Investointien kustannusseuranta kuukausittain"]),
             g("Yhteistyö poliittisen johdon kanssa", ["Päätösten laadukas valmistelu", "Sujuva tiedonkulku puheenjohtajiston kanssa"])]
    rows = [["Tavoite", "Mittari"]] + [[x["title"], ("bullets", x["indicators"])] for x in goals]
    blocks = [("p", "Kansliapäällikön tavoitteet", {"bold": True, "size": 15}),
              ("p", "18.3.2025 Poljory, 24.3.2025 KH"), ("p", "Pormestari Jaana Kiviranta"),
              ("h", 2, "Tavoitekeskustelun tarkoitus"),
              bullets(["Perustuu johtajasopimukseen", "Tekemisen painopisteiden kirkastaminen",
                       "Kansliapäällikön työn säännöllinen arviointi"]),
              ("table", rows, {"widths": [6, 10.5]}),
              ("h", 2, "Tavoitteiden arviointi"),
              bullets(["Tavoitteiden toteutumista arvioidaan syyskuussa 2025 ja helmikuussa 2026.",
                       "Tavoitteiden toteutumisesta raportoidaan kunnanhallitukselle."])]
    make_docx(name, "pdf", blocks, header="Saarikon kunta", footer="{PAGE}")
    expected(name, "table-bullets-in-cell", "pdf", "fi", "Saarikon kunta", "Kansliapäällikön tavoitteet", goals,
             ["syyskuu 2025", "helmikuu 2026"], [("2025-03-18", "Poljory"), ("2025-03-24", "KH")], None,
             "Bulleted list inside the indicator cell; purpose/evaluation bullets outside the table are not goals. "
             "Handling bodies written as abbreviations (Poljory = poliittinen johtoryhmä, KH).")


# ============================================================ 11 Osa-alue | Tavoite | (Mittari) | Seuranta
@doc
def f11a():
    name, org = "f11-table-area-goal-followup-lehtovaara", "Lehtovaaran kunta"
    spec = [("Talous", pick("talous:0", "talous:2")), ("Elinvoima", pick("elinvoima:1")),
            ("Henkilöstö", pick("henkilosto:2", "henkilosto:3"))]
    rows, merges, goals = [["Osa-alue", "Tavoite", "Mittari", "Seuranta"]], [], []
    for area, gl in spec:
        s = len(rows)
        for x in gl:
            x["area"] = area
            goals.append(x)
            rows.append([area if len(rows) == s else None, x["title"], "\n".join(x["indicators"]),
                         "Johtoryhmä neljännesvuosittain"])
        if len(gl) > 1:
            merges.append((s, 0, len(rows) - 1, 0))
    blocks = [("p", "Lehtovaaran kunta\t\t\tLiite 5"), ("title", "Kunnanjohtajan tavoitteet 2026"),
              ("p", "Kunnanhallitus 23.3.2026 § 49. Tavoitekausi 1.1.–31.12.2026."),
              ("table", rows, {"merges": merges, "widths": [3, 5, 6, 3.5], "size": 10}),
              ("p", "Tavoitteiden toteutumisesta raportoidaan kunnanhallitukselle elokuussa 2026 ja tammikuussa 2027.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "table-area-goal-followup", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-03-23", "Kunnanhallitus")], ("2026-01-01", "2026-12-31"),
             "Area column merged over its goals; indicators as line breaks in Mittari cell; Seuranta column "
             "text is not an indicator and not a checkpoint label.")


@doc
def f11b():
    name, org = "f11-table-area-goal-followup-noind-peltosalmi", "Peltosalmen kaupunki"
    spec = [("Elinvoima ja kasvu", ["Yritysyhteistyön tiivistäminen", "Asemanseudun kehittämishankkeen käynnistäminen"]),
            ("Osallisuus ja hyvinvointi", ["Nuorten osallisuusmallin käyttöönotto"]),
            ("Talous ja johtaminen", ["Talousohjelman toimeenpano", "Johtamisjärjestelmän uudistus", "Tiedolla johtamisen kehittäminen"])]
    rows, goals = [["Osa-alue", "Tavoite", "Seuranta"]], []
    for area, gl in spec:
        for j, t in enumerate(gl):
            goals.append(g(t, [], area))
            rows.append([area if j == 0 else "", t, "Väliraportti kaupunginhallitukselle" if j == 0 else "Loppuraportti"])
    blocks = [("p", "PELTOSALMEN KAUPUNKI\t\t\tLIITE 8"), ("title", "Kaupunginjohtajan tavoitteet 2027", 14),
              ("p", "Kaupunginhallitus 1.3.2027 § 35"),
              ("p", "Tavoitteet perustuvat kaupunkistrategiaan. Tavoitteiden toteutumista seurataan kesäkuussa 2027 "
                    "ja arvioidaan joulukuussa 2027."),
              ("table", rows, {"widths": [4, 8, 4.5]})]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})", font="Arial")
    expected(name, "table-area-goal-followup", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2027", goals,
             ["kesäkuu 2027", "joulukuu 2027"], [("2027-03-01", "Kaupunginhallitus")], None,
             "No indicator column: every goal has zero indicators; area only on first row of its block.")


# ============================================================ 12 other column order, weights
@doc
def f12():
    name, org = "f12-table-indicator-first-weights-tammisalo", "Tammisalon kunta"
    goals = pick("elinvoima:0", "talous:1", "henkilosto:0", "yhteistyo:2")
    for x, w in zip(goals, (30, 30, 20, 20)):
        x["weight"] = w
    rows, merges = [["Mittari", "Tavoite", "Painoarvo %"]], []
    for x in goals:
        s = len(rows)
        for j, i in enumerate(x["indicators"]):
            rows.append([i, x["title"] if j == 0 else None, str(x["weight"]) if j == 0 else None])
        if len(x["indicators"]) > 1:
            merges += [(s, 1, len(rows) - 1, 1), (s, 2, len(rows) - 1, 2)]
    blocks = [("p", "Tammisalon kunta\t\t\tKunnanhallitus 12.2.2025 § 24 / liite 1"),
              ("title", "Kunnanjohtajan tulostavoitteet 2025"),
              ("table", rows, {"merges": merges, "widths": [8, 6, 2.5]}),
              ("p", "Yhteensä 100 %. Tulospalkkio määräytyy painoarvojen mukaan."),
              ("p", "Arviointi tammikuussa 2026.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "table-other-column-order", "docx", "fi", org, "Kunnanjohtajan tulostavoitteet 2025", goals,
             ["tammikuu 2026"], [("2025-02-12", "Kunnanhallitus")], None,
             "Indicator column first; goal and weight cells merged vertically.")


# ============================================================ 13 checkpoint columns
@doc
def f13a():
    name, org = "f13-table-checkpoint-columns-rajala", "Rajalan kunta"
    goals = pick("talous:0", "hyvinvointi:2", "henkilosto:1", "yhteistyo:4")
    rows = [["Tavoite", "Mittari", "Seuranta elokuu 2026", "Seuranta tammikuu 2027"]]
    notes = ["Etenee suunnitellusti", "Osittain toteutunut", "", "Toteutunut"]
    for k, x in enumerate(goals):
        rows.append([x["title"], "\n".join(x["indicators"]), notes[k], ""])
    blocks = [("p", "Rajalan kunta\t\t\tLIITE 3"), ("title", "Kunnanjohtajan tavoitteet 2026"),
              ("p", "Kunnanhallitus 16.2.2026 § 27"),
              ("table", rows, {"widths": [4.5, 6, 3, 3]}),
              ("p", "Seurantasarakkeisiin kirjataan arvio tavoitteen toteutumisesta.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}", landscape=False)
    expected(name, "table-checkpoint-columns", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-02-16", "Kunnanhallitus")], None,
             "Checkpoint columns with follow-up text already filled in for August; that text is not an indicator.")


@doc
def f13b():
    name, org = "f13-table-checkpoint-columns-landscape-mantyrinne", "Mäntyrinteen kunta"
    goals = [g("Strategian toimeenpanon johtaminen", ["Vuositavoitteiden toteutuminen", "Uuden strategiakauden valmistelu"]),
             g("Talouden johtaminen", ["Talousarvion mukaiset tavoitteet toteutuvat", "Palveluiden järjestäminen siten, että säästötavoitteet toteutuvat vuonna 2025"]),
             g("Johtoryhmätyöskentelyn kehittäminen", ["Johtoryhmän työskentelyn säännöllinen arviointi", "Työhyvinvoinnin ja hyvän ilmapiirin edistäminen"]),
             g("Organisaatiorakenteen arviointi ja kehittäminen", ["Muutostarpeiden arviointi", "Tunnistettujen muutostarpeiden toimeenpano"])]
    rows = [["Tavoite", "Mittari", "Seuranta\nkesäkuu 2025", "Seuranta\njoulukuu 2025"]] + \
           [[x["title"], ("bullets", x["indicators"]), "", ""] for x in goals]
    blocks = [("p", "Kunnanjohtajan tavoitteet", {"bold": True, "size": 16}),
              ("p", "Mäntyrinteen kunta – Kunnanhallitus 7.4.2025 § 58"),
              ("table", rows, {"widths": [7, 11, 3.5, 3.5]}),
              ("p", "Tavoitteiden toteutumista arvioidaan kesäkuussa 2025 ja joulukuussa 2025 kunnanhallituksen puheenjohtajiston kanssa.")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})", landscape=True)
    expected(name, "table-checkpoint-columns", "pdf", "fi", org, "Kunnanjohtajan tavoitteet", goals,
             ["kesäkuu 2025", "joulukuu 2025"], [("2025-04-07", "Kunnanhallitus")], None,
             "Landscape PDF from Word; checkpoint column headers split on two lines; empty checkpoint cells; "
             "indicators as bullets inside cells. Document title has no year.")


# ============================================================ 17 Symbol/Wingdings bullets through LibreOffice
@doc
def f17():
    name, org = "f17-symbol-bullets-libreoffice-ketola", "Ketolan kunta"
    goals = pick("elinvoima:2", "talous:4", "hyvinvointi:3")
    items = []
    for x in goals:
        items.append((0, x["title"], {"bold": True}))
        items += [(1, i) for i in x["indicators"]]
    blocks = [("p", "Ketolan kunta\t\t\tLiite 9"), ("title", "Kunnanjohtajan tavoitteet 2024", 14),
              ("p", "Kunnanhallitus 11.3.2024 § 41"),
              ("p", "Tavoitteet:"), ("list", "bullet", items),
              ("p", "Tavoitteiden toteutumista arvioidaan joulukuussa 2024.")]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "symbol-bullets-pdf", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2024", goals,
             ["joulukuu 2024"], [("2024-03-11", "Kunnanhallitus")], None,
             "Goals are level-0 Symbol bullets (U+F0B7 in Word), indicators level-1 'o' (Courier New) bullets.")


# ============================================================ 19 weights
@doc
def f19a():
    name, org = "f19-weights-in-title-aittoniemi", "Aittoniemen kaupunki"
    goals = pick("talous:0", "elinvoima:4", "henkilosto:0", "yhteistyo:1")
    for x, w in zip(goals, (40, 20, 20, 20)):
        x["weight"] = w
    items = []
    for x in goals:
        items.append((0, "%s (paino %d %%)" % (x["title"], x["weight"]), {"bold": True}))
        items += [(1, i) for i in x["indicators"]]
    blocks = [("p", "Aittoniemen kaupunki\t\t\tLIITE 2"), ("title", "Kaupunginjohtajan tulostavoitteet 2026"),
              ("p", "Kaupunginhallitus 30.3.2026 § 55. Tavoitekausi 1.1.–31.12.2026."),
              ("list", "decimal", items),
              ("p", "Tulospalkkio maksetaan tavoitteiden painoarvojen mukaisessa suhteessa."),
              ("p", "Arviointi tehdään tammikuussa 2027.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "weights", "docx", "fi", org, "Kaupunginjohtajan tulostavoitteet 2026", goals,
             ["tammikuu 2027"], [("2026-03-30", "Kaupunginhallitus")], ("2026-01-01", "2026-12-31"),
             "Weights '(paino 40 %)' at end of goal title are stripped into weight.")


@doc
def f19b():
    name, org = "f19-weights-painoarvo-line-vesiranta", "Vesirannan kunta"
    goals = pick("elinvoima:3", "hyvinvointi:0", "talous:3")
    for x, w in zip(goals, (50, 25, 25)):
        x["weight"] = w
    blocks = [("p", "Vesirannan kunta"), ("title", "Kunnanjohtajan tavoitteet 2025"),
              ("p", "Kunnanhallitus 3.2.2025 § 15")]
    for n, x in enumerate(goals, 1):
        blocks += [("h", 2, "%d. %s" % (n, x["title"])), ("p", "Painoarvo: %d %%" % x["weight"]),
                   ("p", "Mittarit:"), bullets(x["indicators"])]
    blocks += [("p", "Tavoitteiden toteutumista arvioidaan tammikuussa 2026.")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})", font="Georgia")
    expected(name, "weights", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["tammikuu 2026"], [("2025-02-03", "Kunnanhallitus")], None,
             "Typed numbers in Heading 2; 'Painoarvo: 50 %' line under each goal.")


# ============================================================ 20 nested lists
@doc
def f20():
    name, org = "f20-nested-lists-kaislaranta", "Kaislarannan kunta"
    goals = [g("Talouden tasapaino", ["Tilikauden tulos ylijäämäinen", "Lainakanta pienenee"]),
             g("Elinvoimaohjelman toteutus", ["Yritystonttien kaavoitus", "Markkinointikampanja"]),
             g("Työhyvinvointi", ["Sairauspoissaolot vähenevät"])]
    details = {"Tilikauden tulos ylijäämäinen": ["vähintään 0,5 milj. euroa"],
               "Yritystonttien kaavoitus": ["Teollisuusalueen asemakaava hyväksytty", "Tontit myynnissä syksyllä"],
               "Sairauspoissaolot vähenevät": ["tavoite alle 12 pv/htv"]}
    items = []
    for x in goals:
        items.append((0, x["title"]))
        for i in x["indicators"]:
            items.append((1, i))
            items += [(2, d) for d in details.get(i, [])]
    blocks = [("p", "Kaislarannan kunta\t\t\tLiite 4"), ("title", "Kunnanjohtajan tavoitteet 2027"),
              ("p", "Kunnanhallitus 22.3.2027 § 44"), ("list", "decimal", items),
              ("p", "Seuranta elokuussa 2027.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "nested-lists", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2027", goals,
             ["elokuu 2027"], [("2027-03-22", "Kunnanhallitus")], None,
             "Three levels: goal (1.), indicator (bullet), detail (Wingdings level 2). Level-2 details are plain "
             "text: NOT indicators and not appended to the indicator text.")


# ============================================================ 21 description + Mittarit
@doc
def f21():
    name, org = "f21-description-then-indicators-niittyla", "Niittylän kaupunki"
    goals = pick("yhteistyo:1", "elinvoima:3", "henkilosto:4")
    desc = ["Strategia ohjaa kaupungin toimintaa ja taloutta. Kaupunginjohtaja vastaa siitä, että strategian "
            "tavoitteet viedään toimialojen käyttösuunnitelmiin.",
            "Keskustan kehittäminen on valtuustokauden kärkihanke. Hankkeessa yhdistyvät kaavoitus, "
            "liikennejärjestelyt ja yksityiset investoinnit.",
            "Organisaatiouudistus tulee voimaan elokuussa. Muutos edellyttää huolellista valmistelua ja viestintää."]
    blocks = [("p", "Niittylän kaupunki\t\t\tLIITE 1"), ("title", "Kaupunginjohtajan tavoitteet 2026"),
              ("p", "Kaupunginhallitus 13.4.2026 § 62")]
    for n, (x, d) in enumerate(zip(goals, desc), 1):
        blocks += [("p", "%d. %s" % (n, x["title"]), {"bold": True}), ("p", d), ("p", "Mittarit:"),
                   bullets(x["indicators"])]
    blocks += [("p", "Tavoitteiden toteutumista arvioidaan kaupunginhallituksessa tammikuussa 2027.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "description-then-indicators", "docx", "fi", org, "Kaupunginjohtajan tavoitteet 2026", goals,
             ["tammikuu 2027"], [("2026-04-13", "Kaupunginhallitus")], None,
             "Typed goal numbers in bold paragraphs; description paragraph is not part of the title.")


# ============================================================ 22 Toimenpiteet + Mittarit
def actions_doc(name, fmt, org, title, goals, actions, head, tail, handling, cps, period, notes, font="Calibri"):
    blocks = list(head)
    for x, acts in zip(goals, actions):
        blocks += [("h", 2, x["title"]), ("p", "Toimenpiteet", {"italic": True}), bullets(acts),
                   ("p", "Mittarit", {"italic": True}), bullets(x["indicators"])]
    blocks += tail
    make_docx(name, fmt, blocks, footer="Sivu {PAGE}/{NUMPAGES}", font=font)
    expected(name, "actions-and-indicators", fmt, "fi", org, title, goals, cps, handling, period, notes)


@doc
def f22a():
    org = "Karhulahden kunta"
    goals = pick("talous:1", "elinvoima:1", "hyvinvointi:1")
    actions = [["Toimialojen säästölistat laaditaan", "Kuukausiraportointi johtoryhmälle"],
               ["Tonttituotanto-ohjelma päivitetään", "Vuokratonttien hinnoittelu uudistetaan"],
               ["Koulujen kerhotoiminta laajennetaan", "Nuorisotyön jalkautuminen kouluihin"]]
    actions_doc("f22-actions-and-indicators-karhulahti", "docx", org, "Kunnanjohtajan tavoitteet 2026", goals, actions,
                [("p", "Karhulahden kunta\t\t\tLiite 3"), ("title", "Kunnanjohtajan tavoitteet 2026"),
                 ("p", "Kunnanhallitus 9.2.2026 § 20")],
                [("p", "Tavoitteiden toteutumista seurataan elokuussa 2026.")],
                [("2026-02-09", "Kunnanhallitus")], ["elokuu 2026"], None,
                "Only the 'Mittarit' bullets are indicators; 'Toimenpiteet' bullets are actions (ignored).")


@doc
def f22b():
    org = "Salmelan kaupunki"
    goals = [g("Kaupungin talouden vakauttaminen", ["Vuosikate vähintään poistojen tasolla", "Lainakanta alle 4 000 €/as."]),
             g("Osaava ja hyvinvoiva henkilöstö", ["Kunta10-kyselyn johtamisindeksi paranee", "Sairauspoissaolot alle 14 pv/htv"])]
    actions = [["Palveluverkkoselvitys", "Tilojen käytön tehostaminen", "Hankintojen keskittäminen"],
               ["Esihenkilövalmennus", "Varhaisen tuen mallin päivitys"]]
    actions_doc("f22-actions-and-indicators-salmela", "pdf", org, "Kaupunginjohtajan tavoitteet 2025", goals, actions,
                [("p", "SALMELAN KAUPUNKI"), ("title", "Kaupunginjohtajan tavoitteet 2025"),
                 ("p", "Käsitelty: Henkilöstöjaosto 10.3.2025, Kaupunginhallitus 17.3.2025")],
                [("p", "Tavoitteet arvioidaan tammikuussa 2026."), ("p", CLOSING_FI[0])],
                [("2025-03-10", "Henkilöstöjaosto"), ("2025-03-17", "Kaupunginhallitus")], ["tammikuu 2026"], None,
                "PDF from Word; actions vs indicators as in f22 docx.", font="Arial")


# ============================================================ 23 closing / legal sentences
@doc
def f23():
    name, org = "f23-closing-legal-sentences-pajuranta", "Pajurannan kunta"
    goals = pick("talous:2", "hyvinvointi:4", "yhteistyo:0")
    blocks = [("p", "Pajurannan kunta\t\t\tPÖYTÄKIRJANOTE"), ("p", "Kunnanhallitus 26.2.2024 § 30"),
              ("title", "Kunnanjohtajan tavoitteet 2024", 14),
              ("p", "Kunnanhallitus asettaa kunnanjohtajalle seuraavat tavoitteet:"),
              numbered_multilevel(goals),
              ("p", "Palkkio maksetaan, kun tavoitteet on saavutettu."),
              ("p", "Tavoitteiden toteutumista arvioidaan tammikuussa 2025."),
              ("p", "Kunnanhallitus voi tarkistaa tavoitteita kesken vuoden, mikäli toimintaympäristö muuttuu olennaisesti."),
              ("h", 3, "Muutoksenhaku"),
              ("p", "Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Oikaisuvaatimus on tehtävä "
                    "14 päivän kuluessa päätöksen tiedoksisaannista. Oikaisuvaatimuksen saa tehdä asianosainen "
                    "sekä kunnan jäsen."),
              ("p", "Päätös: Hyväksyttiin."),
              ("p", "Pöytäkirjan otteen oikeaksi todistaa:"), ("p", "Pajurannalla 27.2.2024"),
              ("p", "Tuula Mäkelä, hallintosihteeri")]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "closing-legal-sentences", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2024", goals,
             ["tammikuu 2025"], [("2024-02-26", "Kunnanhallitus")], None,
             "Closing sentences, appeal instructions and the extract certification after the goals are not goals. "
             "27.2.2024 is the extract date, not a handling.")


# ============================================================ 24 dates in running text
@doc
def f24():
    name, org = "f24-dates-running-text-riihilahti", "Riihilahden kunta"
    goals = pick("elinvoima:0", "talous:3", "henkilosto:1", "hyvinvointi:2")
    blocks = [("p", "Riihilahden kunta"), ("title", "Kunnanjohtajan tavoitteet 2026"),
              ("p", "Käsitelty: Henkilöstöjaosto 2.3.2026, KH 16.3.2026"),
              ("p", "Tavoitekausi 1.1.–31.12.2026"),
              ("p", "Kunnanjohtajan tavoitteet valmisteltiin kehityskeskustelussa 18.2.2026, johon osallistuivat "
                    "kunnanhallituksen puheenjohtaja ja varapuheenjohtajat. Väliarvio kesäkuussa ja loppuarvio "
                    "tammikuussa 2027."),
              numbered_multilevel(goals),
              ("p", "Tavoitteiden toteutumista seurataan kesäkuussa 2026 ja arvioidaan tammikuussa 2027. "
                    "Tulospalkkio maksetaan maaliskuussa 2027.")]
    make_docx(name, "docx", blocks, footer=None)
    expected(name, "dates-in-running-text", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["kesäkuu 2026", "tammikuu 2027"], [("2026-03-02", "Henkilöstöjaosto"), ("2026-03-16", "KH")],
             ("2026-01-01", "2026-12-31"),
             "Many dates: 18.2.2026 discussion and 'maaliskuussa 2027' payment are not checkpoints/handlings.")


# ============================================================ 25 Swedish numbered
@doc
def f25a():
    name, org = "f25-swedish-mal-matare-bjorkholm-sv", "Björkholms stad"
    goals = [copy.deepcopy(SV[i]) for i in (3, 0, 6, 7)]
    blocks = [("p", "BJÖRKHOLMS STAD\t\t\tBilaga 2"), ("p", "Stadsstyrelsen 16.3.2026 § 47", {"align": "right"}),
              ("title", "Stadsdirektörens mål 2026"),
              ("p", "Stadsstyrelsen fastställer årligen stadsdirektörens mål. Målen grundar sig på stadsstrategin "
                    "och budgeten. Målperiod 1.1–31.12.2026.")]
    for n, x in enumerate(goals, 1):
        blocks += [("p", "Mål %d: %s" % (n, x["title"]), {"bold": True}), ("p", "Mätare:"), bullets(x["indicators"])]
    blocks += [("p", "Uppföljning augusti 2026", {"bold": True}),
               ("p", "Uppföljning januari 2027", {"bold": True}),
               ("p", "Arvodet betalas ut när målen har uppnåtts."), ("p", "Björkholm 16.3.2026")]
    make_docx(name, "docx", blocks, footer="Sida {PAGE}/{NUMPAGES}")
    expected(name, "swedish-numbered", "docx", "sv", org, "Stadsdirektörens mål 2026", goals,
             ["augusti 2026", "januari 2027"], [("2026-03-16", "Stadsstyrelsen")], ("2026-01-01", "2026-12-31"),
             "'Mål n:' label prefix; 'Mätare:' line then bullets; 'Uppföljning <month year>' lines are checkpoints, not goals.")


@doc
def f25b():
    name, org = "f25-swedish-numbered-ekudden-sv", "Ekuddens kommun"
    goals = [copy.deepcopy(SV[i]) for i in (1, 4, 9)]
    blocks = [("p", "Ekuddens kommun\t\t\tBILAGA 4"), ("title", "Kommundirektörens mål för år 2025"),
              ("p", "Kommunstyrelsen 24.2.2025 § 29"),
              ("p", "Syftet med målsamtalet är att tydliggöra ledarskapets prioriteringar."),
              numbered_multilevel(goals),
              ("p", "Målen följs upp i juni 2025 och utvärderas i januari 2026."),
              ("p", "Ekudden den 24 februari 2025"), ("p", "Kommunstyrelsen")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "swedish-numbered", "pdf", "sv", org, "Kommundirektörens mål för år 2025", goals,
             ["juni 2025", "januari 2026"], [("2025-02-24", "Kommunstyrelsen")], None,
             "Swedish PDF from Word, numbered goals with bullet indicators.")


# ============================================================ 26 Swedish table
@doc
def f26a():
    name, org = "f26-swedish-table-granskar-sv", "Granskärs kommun"
    goals = [copy.deepcopy(SV[i]) for i in (0, 2, 8, 5)]
    rows, merges = table_rows(goals, "merge", header=("Mål", "Mätare", "Målnivå"))
    lv = ["≥ 0 €", "0 %", "≤ 2 %", "under 10", "100 %", "alla skolor", "minskar", "godkänd", "inleds"]
    for i, r in enumerate(rows[1:]):
        r[2] = lv[i % len(lv)]
    blocks = [("p", "Granskärs kommun\t\t\tBilaga 1"), ("title", "Kommundirektörens mål 2027"),
              ("p", "Kommunstyrelsen 15.2.2027 § 22"),
              ("table", rows, {"merges": merges, "widths": [6, 7, 3.5]}),
              ("p", "Målen utvärderas i januari 2028.")]
    make_docx(name, "docx", blocks, footer="Sida {PAGE} av {NUMPAGES}")
    expected(name, "swedish-table", "docx", "sv", org, "Kommundirektörens mål 2027", goals,
             ["januari 2028"], [("2027-02-15", "Kommunstyrelsen")], None,
             "Mål | Mätare | Målnivå, goal merged; Målnivå ignored.")


# ============================================================ 27 bilingual
@doc
def f27a():
    name, org = "f27-bilingual-koivusaari-mixed", "Koivusaaren kaupunki – Björkö stad"
    pairs = [("Talous tasapainoon", "Ekonomin i balans",
              [("Tilikauden tulos on ylijäämäinen", "Räkenskapsperiodens resultat är positivt"),
               ("Lainamäärä ei kasva", "Lånestocken ökar inte")]),
             ("Elinvoiman vahvistaminen", "Stärkt livskraft",
              [("Uusia yrityksiä vähintään 40", "Minst 40 nya företag")]),
             ("Henkilöstön hyvinvointi", "Personalens välbefinnande",
              [("Sairauspoissaolot vähenevät", "Sjukfrånvaron minskar"),
               ("Henkilöstökyselyn tulos paranee", "Resultatet i personalenkäten förbättras")])]
    blocks = [("p", "Koivusaaren kaupunki – Björkö stad\t\tLIITE / BILAGA 3"),
              ("title", "Kaupunginjohtajan tavoitteet 2026 / Stadsdirektörens mål 2026"),
              ("p", "Kaupunginhallitus / Stadsstyrelsen 9.3.2026 § 38")]
    goals = []
    for n, (fi, sv, inds) in enumerate(pairs, 1):
        blocks += [("p", "Tavoite %d: %s" % (n, fi), {"bold": True}), ("p", "Mål %d: %s" % (n, sv), {"italic": True}),
                   bullets(["%s / %s" % p for p in inds])]
        goals.append(g(fi, ["%s / %s" % p for p in inds]))
    blocks += [("p", "Seuranta elokuu 2026 / Uppföljning augusti 2026")]
    make_docx(name, "docx", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "bilingual", "docx", "mixed", org, "Kaupunginjohtajan tavoitteet 2026", goals,
             ["elokuu 2026"], [("2026-03-09", "Kaupunginhallitus")], None,
             "Finnish line is the goal; the italic Swedish 'Mål n:' line below it is plain text. Indicators are "
             "single bilingual lines 'fi / sv' kept whole. Checkpoint given once (Finnish label).")


@doc
def f27b():
    name, org = "f27-bilingual-table-hirvilahti-mixed", "Hirvilahden kunta – Hjortviks kommun"
    pairs = [("Kuntastrategian toimeenpano", "Genomförande av kommunstrategin",
              ["Vuositavoitteet toteutuvat / Årsmålen uppnås"]),
             ("Palveluverkon uudistaminen", "Förnyelse av servicenätet",
              ["Palveluverkkopäätös tehty / Beslut om servicenätet fattat", "Kouluverkon muutos toteutettu / Skolnätet förändrat"]),
             ("Kaksikielisten palvelujen turvaaminen", "Tryggande av tvåspråkig service",
              ["Asiakaspalautteen kielijakauma seurattu / Språkfördelningen i kundresponsen följs upp"])]
    rows = [["Tavoite / Mål", "Mittari / Mätare"]] + [["%s\n%s" % (fi, sv), "\n".join(inds)] for fi, sv, inds in pairs]
    goals = [g(fi, inds) for fi, sv, inds in pairs]
    blocks = [("p", "Hirvilahden kunta – Hjortviks kommun"),
              ("title", "Kunnanjohtajan tavoitteet 2025 – Kommundirektörens mål 2025", 13),
              ("p", "Kunnanhallitus – Kommunstyrelsen 17.2.2025 § 26"),
              ("table", rows, {"widths": [7, 9.5]}),
              ("p", "Arviointi tammikuussa 2026 / Utvärdering i januari 2026.")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "bilingual-table", "pdf", "mixed", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["tammikuu 2026"], [("2025-02-17", "Kunnanhallitus")], None,
             "Goal cell has the Finnish line then the Swedish line (line break): the Finnish line is the goal title. "
             "Indicator lines are bilingual 'fi / sv' lines, one per line break.")


# ============================================================ 35 memo with other tables
@doc
def f35():
    name, org = "f35-memo-with-other-tables-lepikko", "Lepikon kunta"
    goals = pick("talous:0", "elinvoima:2", "yhteistyo:3")
    handling = [["Käsittelijä", "Päivämäärä", "Pykälä"], ["Henkilöstöjaosto", "4.3.2025", "§ 9"],
                ["Kunnanhallitus", "17.3.2025", "§ 51"]]
    gt = [["Tavoite", "Mittarit"]] + [[x["title"], ("pars", x["indicators"])] for x in goals]
    sig = [["Lepikossa 17.3.2025", ""], ["Pentti Saarinen\nkunnanhallituksen puheenjohtaja",
                                          "Liisa Koskinen\nkunnanjohtaja"]]
    blocks = [("p", "Lepikon kunta\t\t\tMUISTIO"), ("title", "Kunnanjohtajan tavoitteet 2025", 14),
              ("p", "LEPIKno-2025-37", {"size": 9}),
              ("p", "Käsittelyvaiheet", {"bold": True}), ("table", handling, {"widths": [6, 4, 3]}),
              ("p", "Tausta", {"bold": True}),
              ("p", "Kunnanjohtajan johtajasopimuksen mukaan tavoitteet asetetaan vuosittain. Tavoitteiden "
                    "toteutumista arvioidaan kehityskeskustelussa joulukuussa 2025."),
              ("p", "Tavoitteet", {"bold": True}), ("table", gt, {"widths": [7, 9.5]}),
              ("p", "Allekirjoitukset", {"bold": True}),
              ("table", sig, {"header": False, "style": "Normal Table", "widths": [8, 8]})]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "memo-with-other-tables", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["joulukuu 2025"], [("2025-03-04", "Henkilöstöjaosto"), ("2025-03-17", "Kunnanhallitus")], None,
             "Three tables: handling table, goal table (indicators as separate paragraphs in a cell), borderless "
             "signature table. Only the middle table has goals.")


# ============================================================ 36 decimal outline themes/goals
@doc
def f36a():
    name, org = "f36-decimal-outline-tervaniemi", "Tervaniemen kunta"
    th = [("Elinvoima", pick("elinvoima:0", "elinvoima:1")), ("Hyvinvointi", pick("hyvinvointi:0", "hyvinvointi:1")),
          ("Talous ja organisaatio", pick("talous:0", "henkilosto:0", "yhteistyo:4"))]
    items, goals = [], []
    for area, gl in th:
        items.append((0, area, {"bold": True}))
        for x in gl:
            x["area"] = area
            goals.append(x)
            items.append((1, x["title"]))
            items += [(2, i) for i in x["indicators"]]
    blocks = [("p", "Tervaniemen kunta\t\t\tLIITE 5"), ("title", "Kunnanjohtajan tavoitteet 2027"),
              ("p", "Kunnanhallitus 1.2.2027 § 13. Tavoitekausi on kalenterivuosi 2027."),
              ("list", "outline", items),
              ("p", "Tavoitteet arvioidaan elokuussa 2027 ja tammikuussa 2028.")]
    make_docx(name, "docx", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "decimal-outline", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2027", goals,
             ["elokuu 2027", "tammikuu 2028"], [("2027-02-01", "Kunnanhallitus")], ("2027-01-01", "2027-12-31"),
             "Word outline numbering: 1. theme (area), 1.1 goal, bullets = indicators.")


@doc
def f36b():
    name, org = "f36-decimal-outline-typed-kurkela", "Kurkelan kaupunki"
    th = [("Vetovoimainen kaupunki", pick("elinvoima:3", "ymparisto:0")), ("Osaava organisaatio", pick("henkilosto:2", "talous:4"))]
    blocks = [("p", "KURKELAN KAUPUNKI\t\t\tLiite 6"), ("title", "Kaupunginjohtajan tavoitteet 2024", 14),
              ("p", "Kaupunginhallitus 5.2.2024 § 17")]
    goals = []
    for a, (area, gl) in enumerate(th, 1):
        blocks.append(("h", 1, "%d. %s" % (a, area)))
        for b, x in enumerate(gl, 1):
            x["area"] = area
            goals.append(x)
            blocks.append(("h", 2, "%d.%d %s" % (a, b, x["title"])))
            blocks.append(bullets(x["indicators"], kind="dash"))
    blocks += [("p", "Seuranta: elokuu 2024, tammikuu 2025.")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "decimal-outline", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2024", goals,
             ["elokuu 2024", "tammikuu 2025"], [("2024-02-05", "Kaupunginhallitus")], None,
             "Typed numbers in headings (1. theme / 1.1 goal), en-dash bullets.")


# ============================================================ 37 roman numerals
@doc
def f37():
    name, org = "f37-roman-themes-mustalahti", "Mustalahden kunta"
    th = [("Elinvoimainen ja yrittäjämyönteinen kunta", pick("elinvoima:4", "elinvoima:2")),
          ("Hyvinvoiva ja osallistuva kuntalainen", pick("hyvinvointi:3")),
          ("Kestävä talous", pick("talous:1", "talous:2"))]
    items, goals = [], []
    for area, gl in th:
        items.append((0, area, {"bold": True}))
        for x in gl:
            x["area"] = area
            goals.append(x)
            items.append((1, x["title"]))
            items += [(2, i) for i in x["indicators"]]
    blocks = [("p", "Mustalahden kunta"), ("title", "Kunnanjohtajan tavoitteet 2025"),
              ("p", "Kunnanhallitus 24.3.2025 § 49"), ("list", "roman", items),
              ("p", "Tavoitteiden toteutuminen arvioidaan joulukuussa 2025.")]
    make_docx(name, "odt", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "roman-themes", "odt", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["joulukuu 2025"], [("2025-03-24", "Kunnanhallitus")], None,
             "ODT via LibreOffice; list numbering I, II, III for themes (areas), 1., 2. for goals, bullets for indicators.")


# ============================================================ 38 long wrapped titles
@doc
def f38():
    name, org = "f38-long-wrapped-titles-kaarnajarvi", "Kaarnajärven kunta"
    goals = [g("Kunnan talouden pitkäjänteinen tasapainottaminen siten, että tuloveroprosenttia ei tarvitse korottaa "
               "ja investoinnit voidaan rahoittaa pääosin tulorahoituksella suunnittelukauden aikana",
               ["Tilikauden tulos on ylijäämäinen vähintään kahtena vuotena kolmesta ja kertynyt alijäämä on katettu "
                "kuntalain edellyttämässä määräajassa",
                "Investointien tulorahoitusprosentti on vähintään 70 % koko suunnittelukauden ajan"]),
             g("Kunnan elinvoiman, yritysystävällisyyden ja vetovoiman vahvistaminen yhteistyössä alueen yrittäjien, "
               "oppilaitosten ja naapurikuntien kanssa",
               ["Yritysilmapiirikyselyn kokonaisarvosana nousee edellisestä mittauksesta",
                "Kunnan elinkeino-ohjelman toimenpiteistä on toteutunut vähintään kaksi kolmasosaa vuoden loppuun mennessä"]),
             g("Hyvinvointialueen kanssa tehtävän yhteistyön rakenteiden vakiinnuttaminen ja kuntalaisten lähipalvelujen "
               "saatavuuden turvaaminen kaikissa kunnan osissa",
               ["Yhteistyöryhmä on kokoontunut vähintään neljä kertaa ja lähipalvelusopimus on päivitetty"])]
    blocks = [("p", "Kaarnajärven kunta\t\t\tLiite 2 KH 6.5.2026 § 81"),
              ("title", "Kunnanjohtajan tavoitteet 2026"), numbered_multilevel(goals, goal_bold=True),
              ("p", "Tavoitteiden toteutumista arvioidaan tammikuussa 2027.")]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}", size=12)
    expected(name, "long-wrapped-titles", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["tammikuu 2027"], [("2026-05-06", "KH")], None,
             "Goal titles and indicators wrap over 2-3 lines in the PDF; titles are single lines joined with spaces.")


# ============================================================ 39 wellbeing services county
@doc
def f39():
    name, org = "f39-wellbeing-county-jarvikainuu", "Järvi-Kainuun hyvinvointialue"
    th = [("Asiakas ja hoitoon pääsy",
           [g("Hoitoon pääsyn parantaminen", ["Kiireettömään hoitoon pääsy perusterveydenhuollossa alle 14 vrk",
                                              "Hoitotakuun toteutuminen erikoissairaanhoidossa ≥ 95 %"]),
            g("Palveluiden asiakaskokemuksen parantaminen", ["Suositteluindeksi (NPS) ≥ 50", "Asiakaspalautteisiin vastataan alle 7 vrk"])]),
          ("Talous ja tuottavuus",
           [g("Talouden tasapainottamisohjelman toteutus", ["Alijäämä enintään 12 milj. €", "Ostopalvelujen kustannukset −5 %"]),
            g("Palveluverkon uudistaminen", ["Palveluverkkosuunnitelma hyväksytty aluevaltuustossa"])]),
          ("Henkilöstö ja johtaminen",
           [g("Henkilöstön saatavuuden turvaaminen", ["Vuokratyövoiman käyttö vähenee 30 %", "Hoitajien vaihtuvuus ≤ 12 %",
                                                       "Henkilöstökyselyn suositteluhalukkuus ≥ 80 %"])])]
    goals, blocks = [], [("p", "JÄRVI-KAINUUN HYVINVOINTIALUE\t\tLIITE 4"), ("p", "Aluehallitus 26.1.2026 § 12", {"align": "right"}),
                         ("p", "JKHVA/123/00.01.02/2026", {"align": "right", "size": 9}),
                         ("title", "Hyvinvointialuejohtajan tavoitteet 2026"),
                         ("p", "Aluehallitus asettaa hyvinvointialuejohtajalle vuosittaiset tavoitteet hyvinvointialuestrategian "
                               "ja talousarvion pohjalta. Tavoitekausi 1.1.–31.12.2026.")]
    for area, gl in th:
        blocks.append(("h", 1, "Strateginen teema: " + area))
        for x in gl:
            x["area"] = area
            goals.append(x)
        blocks.append(numbered_multilevel(gl))
    blocks += [("h", 1, "Seuranta ja arviointi"),
               ("p", "Tavoitteiden toteutumista seurataan osavuosikatsausten yhteydessä toukokuussa ja syyskuussa 2026. "
                     "Loppuarvio tehdään helmikuussa 2027 aluehallituksen puheenjohtajiston kanssa.")]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}", font="Arial", size=10)
    expected(name, "wellbeing-county", "pdf", "fi", org, "Hyvinvointialuejohtajan tavoitteet 2026", goals,
             ["toukokuu 2026", "syyskuu 2026", "helmikuu 2027"], [("2026-01-26", "Aluehallitus")], ("2026-01-01", "2026-12-31"),
             "Theme heading prefixed 'Strateginen teema: ' - area is written without that label. Target values inline "
             "in indicator text (kept). 'toukokuussa ja syyskuussa 2026' -> year applies to both.")


# ============================================================ 40 joint authority, "Onnistumisen mittarit"
@doc
def f40():
    name, org = "f40-joint-authority-keskilakeus", "Keski-Lakeuden koulutuskuntayhtymä"
    goals = [g("Opiskelijamäärän ja rahoituksen turvaaminen", ["Opiskelijavuodet vähintään 2 450", "Tutkintojen määrä kasvaa 5 %"]),
             g("Koulutuksen laatu ja työelämäyhteistyö", ["Työelämäpalautteen keskiarvo ≥ 4,2", "Opiskelijapalautteen (Amispalaute) tulos paranee"]),
             g("Kiinteistöohjelman toteutus", ["Kampusratkaisu hyväksytty yhtymävaltuustossa"]),
             g("Talouden tasapaino", ["Tilikauden tulos vähintään 0 €", "Jäsenkuntien maksuosuudet eivät kasva"])]
    blocks = [("p", "Keski-Lakeuden koulutuskuntayhtymä\t\tLiite 3"), ("p", "Yhtymähallitus 20.2.2025 § 17"),
              ("title", "Kuntayhtymän johtajan tavoitteet 2025")]
    for n, x in enumerate(goals, 1):
        blocks += [("h", 2, "%d %s" % (n, x["title"])), ("p", "Onnistumisen mittarit", {"bold": True, "italic": True}),
                   bullets(x["indicators"])]
    blocks += [("p", "Tavoitteiden toteutumista arvioidaan yhtymähallituksessa elokuussa 2025 ja helmikuussa 2026.")]
    make_docx(name, "docx", blocks, footer="{PAGE} ({NUMPAGES})")
    expected(name, "joint-authority", "docx", "fi", org, "Kuntayhtymän johtajan tavoitteet 2025", goals,
             ["elokuu 2025", "helmikuu 2026"], [("2025-02-20", "Yhtymähallitus")], None,
             "Goals are Heading 2 with typed number without dot ('1 Opiskelijamäärän...'); 'Onnistumisen mittarit' sub-heading.")


# ============================================================ 41 no indicators
@doc
def f41a():
    name, org = "f41-no-indicators-hiekkala", "Hiekkalan kunta"
    goals = [g("Kunnanjohtaja johtaa talouden tasapainottamisohjelman valmistelua ja toimeenpanoa."),
             g("Kunnanjohtaja vahvistaa yhteistyötä hyvinvointialueen ja naapurikuntien kanssa."),
             g("Kunnanjohtaja edistää elinkeinoelämän toimintaedellytyksiä ja yrityskontakteja."),
             g("Kunnanjohtaja kehittää johtoryhmätyöskentelyä ja tukee esihenkilöitä muutoksessa."),
             g("Kunnanjohtaja huolehtii päätöksenteon laadukkaasta valmistelusta.")]
    blocks = [("p", "Hiekkalan kunta"), ("title", "Kunnanjohtajan tavoitteet 2024"),
              ("p", "Kunnanhallitus 22.1.2024 § 9"), ("list", "decimal", [(0, x["title"]) for x in goals]),
              ("p", "Tavoitteiden toteutumista arvioidaan joulukuussa 2024.")]
    make_docx(name, "docx", blocks, footer=None)
    expected(name, "no-indicators", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2024", goals,
             ["joulukuu 2024"], [("2024-01-22", "Kunnanhallitus")], None,
             "Goals are full sentences (trailing period kept), no indicators at all.")


# ============================================================ 42 inverted markers
@doc
def f42():
    name, org = "f42-inverted-markers-ruohosalmi", "Ruohosalmen kunta"
    goals = pick("talous:4", "hyvinvointi:2", "henkilosto:3")
    blocks = [("p", "Ruohosalmen kunta\t\t\tLIITE 7"), ("title", "Kunnanjohtajan tavoitteet 2026"),
              ("p", "Kunnanhallitus 4.5.2026 § 77")]
    for x in goals:
        blocks.append(("p", "• " + x["title"], {"bold": True}))
        for i in x["indicators"]:
            blocks.append(("p", "– " + i, {"indent": 1}))
    blocks += [("p", "Tavoitteet arvioidaan tammikuussa 2027.")]
    make_docx(name, "pdf", blocks, footer="Sivu {PAGE}/{NUMPAGES}")
    expected(name, "inverted-markers", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["tammikuu 2027"], [("2026-05-04", "Kunnanhallitus")], None,
             "Typed '• ' marks goals and typed '– ' (en-dash) marks indicators (no list numbering).")


# ============================================================ 43 running text / cover page + long landscape table
@doc
def f43a():
    name, org = "f43-goals-in-running-text-otsola", "Otsolan kunta"
    goals = [g("talouden tasapainottaminen", ["tilikauden tulos, jonka tulee olla ylijäämäinen"]),
             g("kunnan vetovoiman lisääminen", ["muuttotase", "valmistuneiden asuntojen määrä"]),
             g("henkilöstön työhyvinvoinnin parantaminen", ["sairauspoissaolopäivien määrä"])]
    blocks = [("p", "Otsolan kunta"), ("title", "Kunnanjohtajan tavoitteet 2025", 14),
              ("p", "Kunnanhallitus käsitteli kunnanjohtajan tavoitteet kokouksessaan 10.2.2025 § 20."),
              ("p", "Tavoite 1 on talouden tasapainottaminen. Mittarina on tilikauden tulos, jonka tulee olla ylijäämäinen."),
              ("p", "Tavoite 2 on kunnan vetovoiman lisääminen. Mittareina ovat muuttotase ja valmistuneiden asuntojen määrä."),
              ("p", "Tavoite 3 on henkilöstön työhyvinvoinnin parantaminen. Mittarina on sairauspoissaolopäivien määrä."),
              ("p", "Tavoitteiden toteutumista arvioidaan tammikuussa 2026.")]
    make_docx(name, "docx", blocks, footer=None)
    expected(name, "goals-in-running-text", "docx", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["tammikuu 2026"], [("2025-02-10", "Kunnanhallitus")], None,
             "UNSURE: goals written as sentences 'Tavoite n on X. Mittarina on Y.' Expected title = X (without "
             "'Tavoite n on' and final period); indicators split on 'ja' in 'Mittareina ovat A ja B'.")


@doc
def f43b():
    name, org = "f43-cover-page-landscape-table-repeated-header-metsola", "Metsälän kaupunki"
    spec = [("Elinvoima", pick("elinvoima:0", "elinvoima:1", "elinvoima:2", "elinvoima:4")),
            ("Hyvinvointi", pick("hyvinvointi:0", "hyvinvointi:1", "hyvinvointi:3")),
            ("Talous", pick("talous:0", "talous:2", "talous:4")),
            ("Henkilöstö ja johtaminen", pick("henkilosto:0", "henkilosto:1", "yhteistyo:1"))]
    rows, goals, k = [["Teema", "Tavoite", "Mittari", "Tavoitetaso 2026", "Vastuu"]], [], 0
    for area, gl in spec:
        for x in gl:
            x["area"] = area
            goals.append(x)
            for j, i in enumerate(x["indicators"]):
                rows.append([area, x["title"] if j == 0 else "", i, TARGETS[k % len(TARGETS)], "Kaupunginjohtaja"])
                k += 1
    blocks = [("blank",)] * 6 + [
        ("p", "METSÄLÄN KAUPUNKI", {"bold": True, "size": 20, "align": "center"}),
        ("p", "Kaupunginjohtajan tavoitteet 2026", {"bold": True, "size": 26, "align": "center"}),
        ("p", "Kaupunginhallitus 20.4.2026 § 66", {"align": "center"}), ("pb",),
        ("p", "Sisällys", {"bold": True}), ("p", "1 Johdanto ................ 2"), ("p", "2 Tavoitteet ................ 2"),
        ("p", "3 Arviointi ................ 4"),
        ("h", 1, "1 Johdanto"),
        ("p", "Kaupunginjohtajan tavoitteet on johdettu kaupunkistrategiasta. Tavoitekausi 1.1.–31.12.2026."),
        ("h", 1, "2 Tavoitteet"),
        ("table", rows, {"widths": [3.5, 6, 8, 3.5, 3.5], "repeat_header": True, "size": 10}),
        ("h", 1, "3 Arviointi"),
        ("p", "Tavoitteiden toteutumista seurataan elokuussa 2026 ja arvioidaan tammikuussa 2027.")]
    make_docx(name, "pdf", blocks, footer="{PAGE} ({NUMPAGES})", landscape=True)
    expected(name, "cover-page-landscape-table", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-04-20", "Kaupunginhallitus")], ("2026-01-01", "2026-12-31"),
             "Cover page + table of contents; landscape table over two pages with header row repeated; area "
             "repeated on every row, goal only on first row of its block; target and Vastuu columns ignored. "
             "A table row may break across the page boundary (an indicator text split over two pages).")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for fn in DOCS:
        fn()
    docs_other.build_all()
    finish()
    print("built", len(DOCS), "docx-based +", docs_other.COUNT, "other documents")
