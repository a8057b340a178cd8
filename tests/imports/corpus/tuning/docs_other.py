"""Non-DOCX documents: reportlab PDFs, XLSX, ODT (odfpy), TXT."""
import copy
import io
import os
import random

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from PIL import Image, ImageDraw, ImageFont

from bank import FI, SV, TARGETS, g
from corpuslib import OUT, expected, rl_canvas, A4, rl_landscape, wrap, write_text, FONT_DIR
from reportlab.lib.utils import ImageReader

COUNT = 0
BUILDERS = []


def reg(fn):
    BUILDERS.append(fn)
    return fn


def build_all():
    global COUNT
    for fn in BUILDERS:
        fn()
        COUNT += 1


def pick(*keys):
    return [copy.deepcopy(FI[k.split(":")[0]][int(k.split(":")[1])]) for k in keys]


def P(name, ext):
    return os.path.join(OUT, name + "." + ext)


# ====================================================================== reportlab PDFs
@reg
def f14():
    name, org = "f14-slides-one-goal-per-page-vaskiniemi", "Vaskiniemen kaupunki"
    goals = pick("yhteistyo:1", "talous:0", "elinvoima:1", "henkilosto:0", "hyvinvointi:2")
    W, H = rl_landscape(A4)
    c = rl_canvas.Canvas(P(name, "pdf"), pagesize=(W, H))
    c.setFont("DVB", 34); c.drawString(60, H - 200, "Kaupunginjohtajan tavoitteet 2027")
    c.setFont("DV", 18); c.drawString(60, H - 240, "Vaskiniemen kaupunki · Kaupunginhallitus 15.3.2027")
    c.drawString(60, H - 270, "Tavoitteiden arviointi tammikuussa 2028")
    c.setFont("DV", 10); c.drawString(W - 60, 30, "1"); c.showPage()
    for n, x in enumerate(goals, 1):
        c.setFillColorRGB(0.1, 0.3, 0.55); c.rect(0, H - 40, W, 40, fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1); c.setFont("DV", 12); c.drawString(40, H - 26, "Tavoite %d/%d" % (n, len(goals)))
        c.setFillColorRGB(0, 0, 0); c.setFont("DVB", 28)
        y = H - 110
        for line in wrap(x["title"], "DVB", 28, W - 120):
            c.drawString(60, y, line); y -= 36
        y -= 20; c.setFont("DVB", 16); c.drawString(60, y, "Mittarit"); y -= 34
        c.setFont("DV", 18)
        for i in x["indicators"]:
            c.drawString(70, y, "•"); c.drawString(95, y, i); y -= 30
        c.setFont("DV", 10); c.drawString(W - 60, 30, str(n + 1)); c.showPage()
    c.save()
    expected(name, "slides-one-goal-per-page", "pdf", "fi", org, "Kaupunginjohtajan tavoitteet 2027", goals,
             ["tammikuu 2028"], [("2027-03-15", "Kaupunginhallitus")], None,
             "Slide-like landscape PDF (reportlab): title slide + one goal per page; 'Tavoite n/5' band label and "
             "'Mittarit' label are not part of titles/indicators.")


@reg
def f15():
    name, org = "f15-two-column-layout-hongisto", "Hongiston kunta"
    goals = pick("talous:1", "elinvoima:0", "hyvinvointi:1", "henkilosto:2")
    W, H = A4
    c = rl_canvas.Canvas(P(name, "pdf"), pagesize=A4)
    c.setFont("DV", 9); c.drawString(50, H - 40, "Hongiston kunta"); c.drawRightString(W - 50, H - 40, "LIITE 2")
    c.setFont("DVB", 18); c.drawString(50, H - 80, "Kunnanjohtajan tavoitteet 2026")
    c.setFont("DV", 10); c.drawString(50, H - 100, "Kunnanhallitus 23.2.2026 § 31")
    colw = (W - 100 - 30) / 2
    ytop = H - 150
    for k, x in enumerate(goals):
        col, rowi = k % 2, k // 2
        x0 = 50 + col * (colw + 30)
        y = ytop - rowi * 230
        c.setFillColorRGB(0.92, 0.95, 0.98); c.rect(x0 - 6, y - 200, colw + 12, 220, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("DVB", 13)
        for line in wrap("%d. %s" % (k + 1, x["title"]), "DVB", 13, colw):
            c.drawString(x0, y, line); y -= 17
        y -= 8; c.setFont("DV", 10)
        for i in x["indicators"]:
            lines = wrap(i, "DV", 10, colw - 14)
            c.drawString(x0, y, "•")
            for line in lines:
                c.drawString(x0 + 12, y, line); y -= 13
            y -= 3
    c.setFont("DV", 10)
    c.drawString(50, 110, "Tavoitteiden toteutumista seurataan elokuussa 2026 ja arvioidaan tammikuussa 2027.")
    c.drawString(50, 95, "Palkkio maksetaan, kun tavoitteet on saavutettu.")
    c.setFont("DV", 9); c.drawCentredString(W / 2, 30, "1 (1)")
    c.save()
    expected(name, "two-column-layout", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-02-23", "Kunnanhallitus")], None,
             "Two goals side by side per row (boxes); text of left and right goal share baselines, long titles "
             "wrap inside a column.")


def scanned_pdf(path, lines, seed=1):
    """lines: list of (text, size, bold, x_indent). Draws a noisy page image + invisible text layer."""
    W, H = A4
    dpi = 80
    sc = dpi / 72.0
    img = Image.new("L", (int(W * sc), int(H * sc)), 250)
    d = ImageDraw.Draw(img)
    rnd = random.Random(seed)
    for _ in range(2500):
        x, y = rnd.randrange(img.width), rnd.randrange(img.height)
        d.point((x, y), fill=rnd.randrange(150, 230))
    fonts = {}
    y = H - 70
    pos = []
    for text, size, bold, ind in lines:
        key = (size, bold)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(FONT_DIR + ("DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"), int(size * sc))
        x = 60 + ind
        d.text((x * sc, (H - y - size) * sc), text, fill=40, font=fonts[key])
        pos.append((x, y, text, size, bold))
        y -= size * 1.6
    img = img.rotate(0.4, fillcolor=250)
    buf = io.BytesIO(); img.save(buf, "JPEG", quality=45); buf.seek(0)
    c = rl_canvas.Canvas(path, pagesize=A4)
    c.drawImage(ImageReader(buf), 0, 0, W, H)
    for x, y, text, size, bold in pos:
        t = c.beginText(x, y)
        t.setTextRenderMode(3)
        t.setFont("DVSB" if bold else "DVS", size)
        t.textLine(text)
        c.drawText(t)
    c.save()


@reg
def f16():
    name, org = "f16-scanned-ocr-layer-louhela", "Louhelan kunta"
    goals = pick("talous:0", "elinvoima:3", "yhteistyo:0")
    lines = [("Louhelan kunta                                   LIITE 5", 10, False, 0),
             ("Kunnanhallitus 14.10.2024 § 140", 10, False, 0), ("", 8, False, 0),
             ("Kunnanjohtajan tavoitteet 2025", 16, True, 0), ("", 8, False, 0),
             ("Kunnanhallitus on käsitellyt kunnanjohtajan tavoitteet ennen talousarviota.", 10, False, 0)]
    for n, x in enumerate(goals, 1):
        lines.append(("%d. %s" % (n, x["title"]), 11, True, 0))
        for i in x["indicators"]:
            lines.append(("- " + i, 10, False, 18))
    lines += [("", 8, False, 0), ("Tavoitteiden toteutumista arvioidaan tammikuussa 2026.", 10, False, 0),
              ("Louhelassa 14.10.2024", 10, False, 0), ("Kunnanhallitus", 10, False, 0)]
    scanned_pdf(P(name, "pdf"), lines, seed=16)
    expected(name, "scanned-ocr-layer", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["tammikuu 2026"], [("2024-10-14", "Kunnanhallitus")], None,
             "Page is a noisy JPEG image; text layer is invisible (render mode 3) as from OCR. Goals decided in "
             "autumn 2024 for 2025.")


@reg
def f18a():
    name, org = "f18-bullet-on-own-line-paasivaara", "Paasivaaran kunta"
    goals = pick("hyvinvointi:4", "talous:3", "henkilosto:1")
    W, H = A4
    c = rl_canvas.Canvas(P(name, "pdf"), pagesize=A4)
    c.setFont("DV", 9); c.drawString(60, H - 40, "Paasivaaran kunta"); c.drawRightString(W - 60, H - 40, "Sivu 1/1")
    c.setFont("DVB", 16); c.drawString(60, H - 80, "Kunnanjohtajan tavoitteet 2024")
    c.setFont("DV", 10); c.drawString(60, H - 98, "Kunnanhallitus 12.2.2024 § 22")
    y = H - 140
    for n, x in enumerate(goals, 1):
        c.setFont("DVB", 12); c.drawString(60, y, "Tavoite %d. %s" % (n, x["title"])); y -= 22
        for i in x["indicators"]:
            c.setFont("DV", 10); c.drawString(72, y, "•"); y -= 13   # bullet glyph on its own line
            c.drawString(86, y, i); y -= 18
        y -= 10
    c.setFont("DV", 10); c.drawString(60, y - 10, "Tavoitteiden toteutumista arvioidaan joulukuussa 2024.")
    c.save()
    expected(name, "bullet-glyph-own-line", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2024", goals,
             ["joulukuu 2024"], [("2024-02-12", "Kunnanhallitus")], None,
             "Each bullet glyph is drawn on its own line above its indicator text. Goal lines 'Tavoite n. title'.")


@reg
def f18b():
    name, org = "f18-control-char-bullets-kuohukoski", "Kuohukosken kunta"
    goals = pick("elinvoima:4", "yhteistyo:2", "talous:0")
    W, H = A4
    c = rl_canvas.Canvas(P(name, "pdf"), pagesize=A4)
    c.setFont("Helvetica", 9); c.drawString(60, H - 40, "Kuohukosken kunta   LIITE 1   Kunnanhallitus 6.3.2025 § 36")
    c.setFont("Helvetica-Bold", 15); c.drawString(60, H - 80, "Kunnanjohtajan tavoitteet 2025")
    y = H - 120
    for n, x in enumerate(goals, 1):
        c.setFont("Helvetica-Bold", 11); c.drawString(60, y, "%d. %s" % (n, x["title"])); y -= 18
        for i in x["indicators"]:
            c.setFont("Helvetica", 10); c.drawString(76, y, "\x7f")  # control char in separate text run
            c.drawString(90, y, i); y -= 15
        y -= 8
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 10, "Tavoitteiden toteutumista seurataan elokuussa 2025 ja arvioidaan tammikuussa 2026.")
    c.drawCentredString(W / 2, 30, "1 (1)")
    c.save()
    expected(name, "control-char-bullets", "pdf", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["elokuu 2025", "tammikuu 2026"], [("2025-03-06", "Kunnanhallitus")], None,
             "Bullets are byte 0x7F drawn in Helvetica in a separate text run (pdftotext shows a square/odd glyph).")


@reg
def f41b():
    name, org = "f41-no-indicators-norrvik-sv", "Norrviks kommun"
    goals = [g("Kommundirektören leder arbetet med att balansera ekonomin."),
             g("Kommundirektören utvecklar samarbetet med välfärdsområdet."),
             g("Kommundirektören stärker näringslivets verksamhetsförutsättningar."),
             g("Kommundirektören utvecklar ledningsgruppens arbete.")]
    W, H = A4
    c = rl_canvas.Canvas(P(name, "pdf"), pagesize=A4)
    c.setFont("DVS", 10); c.drawString(60, H - 50, "NORRVIKS KOMMUN"); c.drawRightString(W - 60, H - 50, "Bilaga 3")
    c.setFont("DVSB", 16); c.drawString(60, H - 90, "Kommundirektörens mål 2026")
    c.setFont("DVS", 11); c.drawString(60, H - 112, "Kommunstyrelsen 2.3.2026 § 34")
    y = H - 150
    for n, x in enumerate(goals, 1):
        c.drawString(60, y, "%d." % n); c.drawString(80, y, x["title"]); y -= 22
    c.drawString(60, y - 10, "Målen utvärderas i december 2026.")
    c.drawCentredString(W / 2, 30, "Sida 1/1")
    c.save()
    expected(name, "no-indicators", "pdf", "sv", org, "Kommundirektörens mål 2026", goals,
             ["december 2026"], [("2026-03-02", "Kommunstyrelsen")], None,
             "Swedish, typed numbers drawn as a separate text run; no indicators.")


# ====================================================================== XLSX
HDR = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")


def header(ws, row, values):
    for j, v in enumerate(values, 1):
        c = ws.cell(row=row, column=j, value=v)
        c.font = HDR; c.fill = FILL; c.alignment = WRAP


@reg
def f26b():
    name, org = "f26-swedish-table-vasterlax-sv", "Västerlax stad"
    goals = [copy.deepcopy(SV[i]) for i in (3, 7, 4)]
    wb = Workbook(); ws = wb.active; ws.title = "Mål 2025"
    ws["A1"] = "Stadsdirektörens mål 2025"; ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Västerlax stad, stadsstyrelsen 3.2.2025 § 18"
    header(ws, 4, ["Mål", "Mätare", "Målnivå", "Uppföljning"])
    r = 5
    for x in goals:
        for j, i in enumerate(x["indicators"]):
            ws.cell(row=r, column=1, value=x["title"] if j == 0 else None)
            ws.cell(row=r, column=2, value=i); ws.cell(row=r, column=3, value="uppnås")
            r += 1
    ws.cell(row=r + 1, column=1, value="Målen följs upp i augusti 2025 och utvärderas i januari 2026.")
    for col, w in zip("ABCD", (38, 50, 14, 18)):
        ws.column_dimensions[col].width = w
    wb.save(P(name, "xlsx"))
    expected(name, "swedish-table", "xlsx", "sv", org, "Stadsdirektörens mål 2025", goals,
             ["augusti 2025", "januari 2026"], [("2025-02-03", "Stadsstyrelsen")], None,
             "Goal only on first row of its block; empty Uppföljning column.")


@reg
def f28():
    name, org = "f28-xlsx-title-note-blocks-koskenranta", "Koskenrannan kaupunki"
    goals = pick("talous:0", "elinvoima:4", "hyvinvointi:0", "henkilosto:0", "yhteistyo:3")
    wb = Workbook(); ws = wb.active; ws.title = "Tavoitteet"
    ws["A1"] = "Kaupunginjohtajan tavoitteet 2026"; ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Hyväksytty kaupunginhallituksessa 9.2.2026 § 21. Tavoitteiden seuranta elokuu 2026 ja tammikuu 2027."
    header(ws, 4, ["Mittari", "Nro", "Tavoite", "Tavoitetaso", "Vastuuhenkilö"])
    r, k = 5, 0
    for n, x in enumerate(goals, 1):
        for j, i in enumerate(x["indicators"]):
            ws.cell(row=r, column=1, value=i)
            if j == 0:
                ws.cell(row=r, column=2, value=n); ws.cell(row=r, column=3, value=x["title"])
            ws.cell(row=r, column=4, value=TARGETS[k % len(TARGETS)]); ws.cell(row=r, column=5, value="KJ")
            r += 1; k += 1
    for col, w in zip("ABCDE", (55, 6, 45, 14, 14)):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A5"
    wb.save(P(name, "xlsx"))
    expected(name, "xlsx-title-note-blocks", "xlsx", "fi", org, "Kaupunginjohtajan tavoitteet 2026", goals,
             ["elokuu 2026", "tammikuu 2027"], [("2026-02-09", "Kaupunginhallitus")], None,
             "Title row + note row above header in row 4; Mittari column first; goal number in its own column; "
             "goal only on first row of block.")


@reg
def f29a():
    name, org = "f29-xlsx-row-per-goal-linebreaks-puolimatka", "Puolimatkan kunta"
    spec = [("Elinvoima", pick("elinvoima:1", "elinvoima:3")), ("Hyvinvointi", pick("hyvinvointi:3")),
            ("Talous", pick("talous:0", "talous:1"))]
    wb = Workbook(); ws = wb.active; ws.title = "Taul1"
    ws["A1"] = "Puolimatkan kunta – kunnanjohtajan tavoitteet 2025"; ws["A1"].font = Font(bold=True)
    header(ws, 3, ["Teema", "Tavoite", "Mittarit", "Paino %"])
    r, goals = 4, []
    weights = iter((20, 20, 15, 25, 20))
    for area, gl in spec:
        for x in gl:
            x["area"] = area; x["weight"] = next(weights); goals.append(x)
            ws.cell(row=r, column=1, value=area); ws.cell(row=r, column=2, value=x["title"])
            ws.cell(row=r, column=3, value="\n".join(x["indicators"])).alignment = WRAP
            ws.cell(row=r, column=4, value=x["weight"])
            r += 1
    ws.cell(row=r + 1, column=1, value="Kunnanhallitus 27.1.2025 § 12")
    for col, w in zip("ABCD", (16, 45, 60, 9)):
        ws.column_dimensions[col].width = w
    wb.save(P(name, "xlsx"))
    expected(name, "xlsx-row-per-goal", "xlsx", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals, [],
             [("2025-01-27", "Kunnanhallitus")], None,
             "One row per goal; indicators separated by line breaks in one wrapped cell; numeric Paino % column. "
             "No checkpoints stated.")


@reg
def f29b():
    name, org = "f29-xlsx-semicolons-sundholm-sv", "Sundholms kommun"
    goals = [copy.deepcopy(SV[i]) for i in (0, 1, 2, 9)]
    wb = Workbook(); ws = wb.active; ws.title = "Mål"
    header(ws, 1, ["Nr", "Mål", "Mätare (separerade med ;)", "Ansvarig"])
    for n, x in enumerate(goals, 1):
        ws.append([n, x["title"], "; ".join(x["indicators"]), "Kommundirektören"])
    ws.append([])
    ws.append(["", "Kommunstyrelsen 10.3.2027 § 41. Uppföljning september 2027."])
    for col, w in zip("ABCD", (5, 40, 80, 18)):
        ws.column_dimensions[col].width = w
    wb.save(P(name, "xlsx"))
    expected(name, "xlsx-row-per-goal", "xlsx", "sv", org, "", goals, ["september 2027"],
             [("2027-03-10", "Kommunstyrelsen")], None,
             "Swedish; header in row 1 (no title row, document title unknown -> \"\"); indicators separated by '; '.")


@reg
def f30():
    name, org = "f30-xlsx-cover-sheet-ylikallio", "Ylikallion kunta"
    goals = pick("talous:2", "elinvoima:2", "hyvinvointi:1", "henkilosto:4")
    wb = Workbook(); ws = wb.active; ws.title = "Kansilehti"
    for r, t in enumerate(["Ylikallion kunta", "", "KUNNANJOHTAJAN TAVOITTEET 2027", "",
                           "Kunnanhallitus 15.3.2027 § 40", "Tavoitekausi 1.1.–31.12.2027", "",
                           "Tavoitteet ovat välilehdellä 'Tavoitteet'. Seuranta-välilehdelle kirjataan väliarvio "
                           "(elokuu 2027) ja loppuarvio (tammikuu 2028)."], 1):
        ws.cell(row=r, column=1, value=t)
    ws["A3"].font = Font(bold=True, size=16); ws.column_dimensions["A"].width = 90
    ws2 = wb.create_sheet("Tavoitteet")
    header(ws2, 1, ["Tavoite", "Mittari", "Lähtötaso", "Tavoitetaso"])
    r = 2
    for x in goals:
        s = r
        for i in x["indicators"]:
            ws2.cell(row=r, column=2, value=i); ws2.cell(row=r, column=3, value="–"); r += 1
        ws2.cell(row=s, column=1, value=x["title"]).alignment = WRAP
        if r - 1 > s:
            ws2.merge_cells(start_row=s, start_column=1, end_row=r - 1, end_column=1)
    for col, w in zip("ABCD", (45, 60, 12, 12)):
        ws2.column_dimensions[col].width = w
    ws3 = wb.create_sheet("Seuranta")
    header(ws3, 1, ["Tavoite", "Väliarvio elokuu 2027", "Loppuarvio tammikuu 2028"])
    for x in goals:
        ws3.append([x["title"], "", ""])
    wb.save(P(name, "xlsx"))
    expected(name, "xlsx-multiple-sheets", "xlsx", "fi", org, "Kunnanjohtajan tavoitteet 2027", goals,
             ["elokuu 2027", "tammikuu 2028"], [("2027-03-15", "Kunnanhallitus")], ("2027-01-01", "2027-12-31"),
             "Cover sheet text, goals on sheet 2 with merged goal cells, sheet 3 repeats goal titles for follow-up "
             "(not new goals).")


@reg
def f39b():
    name, org = "f39-wellbeing-county-xlsx-lansiranta", "Länsirannikon hyvinvointialue"
    spec = [("Asukaslähtöiset palvelut", [g("Hoitoon pääsyn parantaminen", ["Hoitotakuu toteutuu perusterveydenhuollossa ≥ 90 %", "Kiireettömän hammashoidon jono alle 3 kk"]),
                                          g("Kotona asumisen tukeminen", ["Säännöllisen kotihoidon asiakkaiden osuus 75 vuotta täyttäneistä ≥ 12 %"])]),
            ("Kestävä talous", [g("Alijäämän kattaminen", ["Tilikauden tulos vähintään 0 €", "Vuokratyövoiman kustannukset vähenevät 20 %"])]),
            ("Veto- ja pitovoimainen työnantaja", [g("Henkilöstön pitovoiman vahvistaminen", ["Vakituisen henkilöstön vaihtuvuus ≤ 10 %", "eNPS ≥ 10"])])]
    wb = Workbook(); ws = wb.active; ws.title = "Tavoitteet 2025"
    ws["A1"] = "Länsirannikon hyvinvointialue"; ws["A2"] = "Hyvinvointialuejohtajan tavoitteet 2025"
    ws["A2"].font = Font(bold=True, size=14); ws["A3"] = "Aluehallitus 10.2.2025 § 25"
    header(ws, 5, ["Strateginen teema", "Tavoite", "Mittari", "Seuranta 6/2025", "Seuranta 12/2025"])
    r, goals = 6, []
    for area, gl in spec:
        for x in gl:
            x["area"] = area; goals.append(x)
            for j, i in enumerate(x["indicators"]):
                ws.cell(row=r, column=1, value=area); ws.cell(row=r, column=2, value=x["title"] if j == 0 else None)
                ws.cell(row=r, column=3, value=i); r += 1
    for col, w in zip("ABCDE", (30, 40, 60, 16, 16)):
        ws.column_dimensions[col].width = w
    wb.save(P(name, "xlsx"))
    expected(name, "wellbeing-county", "xlsx", "fi", org, "Hyvinvointialuejohtajan tavoitteet 2025", goals,
             ["kesäkuu 2025", "joulukuu 2025"], [("2025-02-10", "Aluehallitus")], None,
             "Checkpoint columns written as 'Seuranta 6/2025' - expected labels normalised to month names.")


# ====================================================================== ODT (odfpy)
from odf.opendocument import OpenDocumentText
from odf.style import (Style, TextProperties, ParagraphProperties, ListLevelProperties,
                       TableColumnProperties, TableCellProperties)
from odf.text import H, P as OP, List, ListItem, ListStyle, ListLevelStyleBullet, ListLevelStyleNumber, Span, LineBreak
from odf.table import Table, TableColumn, TableRow, TableCell


def odt_base():
    d = OpenDocumentText()
    for lvl in (1, 2):
        s = Style(name="Heading_20_%d" % lvl, displayname="Heading %d" % lvl, family="paragraph")
        s.addElement(TextProperties(fontsize="16pt" if lvl == 1 else "13pt", fontweight="bold"))
        d.styles.addElement(s)
    b = Style(name="Bold", family="text"); b.addElement(TextProperties(fontweight="bold")); d.automaticstyles.addElement(b)
    ls = ListStyle(name="LBullet")
    for lvl in (1, 2):
        lb = ListLevelStyleBullet(level=lvl, bulletchar="•" if lvl == 1 else "◦")
        lb.addElement(ListLevelProperties(spacebefore="%.1fcm" % (0.6 * lvl), minlabelwidth="0.6cm"))
        ls.addElement(lb)
    d.automaticstyles.addElement(ls)
    ln = ListStyle(name="LNum")
    ln1 = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    ln1.addElement(ListLevelProperties(spacebefore="0.6cm", minlabelwidth="0.6cm")); ln.addElement(ln1)
    lb2 = ListLevelStyleBullet(level=2, bulletchar="–")
    lb2.addElement(ListLevelProperties(spacebefore="1.2cm", minlabelwidth="0.6cm")); ln.addElement(lb2)
    d.automaticstyles.addElement(ln)
    return d


def odt_list(items, style="LBullet"):
    lst = List(stylename=style)
    for it in items:
        li = ListItem()
        if isinstance(it, tuple):
            li.addElement(OP(text=it[0]))
            sub = List()
            for s in it[1]:
                sli = ListItem(); sli.addElement(OP(text=s)); sub.addElement(sli)
            li.addElement(sub)
        else:
            li.addElement(OP(text=it))
        lst.addElement(li)
    return lst


@reg
def f31():
    name, org = "f31-odt-lists-headings-kataja", "Katajaharjun kunta"
    th = [("Elinvoima ja asuminen", pick("elinvoima:1", "ymparisto:1")), ("Palvelut ja hyvinvointi", pick("hyvinvointi:2")),
          ("Johtaminen", pick("yhteistyo:2", "henkilosto:1"))]
    d = odt_base()
    d.text.addElement(OP(text="Katajaharjun kunta – Liite 3 – Kunnanhallitus 21.4.2026 § 64"))
    d.text.addElement(H(outlinelevel=1, stylename="Heading_20_1", text="Kunnanjohtajan tavoitteet 2026"))
    d.text.addElement(OP(text="Kunnanjohtajan tavoitteet perustuvat kuntastrategiaan ja talousarvioon 2026."))
    goals = []
    for area, gl in th:
        d.text.addElement(H(outlinelevel=1, stylename="Heading_20_1", text=area))
        items = []
        for x in gl:
            x["area"] = area; goals.append(x)
            items.append((x["title"], x["indicators"]))
        d.text.addElement(odt_list(items, "LNum"))
    d.text.addElement(H(outlinelevel=2, stylename="Heading_20_2", text="Arviointi"))
    d.text.addElement(OP(text="Tavoitteiden toteutumista arvioidaan lokakuussa 2026 ja tammikuussa 2027."))
    d.save(P(name, "odt"))
    expected(name, "odt-lists-headings", "odt", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["lokakuu 2026", "tammikuu 2027"], [("2026-04-21", "Kunnanhallitus")], None,
             "odfpy: text:h outline level 1 themes, text:list numbered goals with nested bullet lists as indicators. "
             "Document title is also an outline-level-1 heading (not an area).")


@reg
def f32():
    name, org = "f32-odt-table-ristila", "Ristilän kunta"
    goals = pick("talous:4", "elinvoima:0", "henkilosto:3")
    d = odt_base()
    d.text.addElement(OP(text="Ristilän kunta                    LIITE 6"))
    d.text.addElement(H(outlinelevel=1, stylename="Heading_20_1", text="Kunnanjohtajan tavoitteet 2024"))
    d.text.addElement(OP(text="Kunnanhallitus 4.3.2024 § 35. Tavoitekausi 1.1.–31.12.2024."))
    t = Table(name="Tavoitteet")
    t.addElement(TableColumn(numbercolumnsrepeated=3))
    def row(vals, bold=False):
        tr = TableRow()
        for v in vals:
            tc = TableCell(valuetype="string")
            lines = v if isinstance(v, list) else [v]
            for line in lines:
                p = OP()
                if bold:
                    p.addElement(Span(stylename="Bold", text=line))
                else:
                    p.addText(line)
                tc.addElement(p)
            tr.addElement(tc)
        t.addElement(tr)
    row(["Tavoite", "Mittarit", "Seuranta"], bold=True)
    for x in goals:
        row([x["title"], x["indicators"], ""])
    d.text.addElement(t)
    d.text.addElement(OP(text="Seuranta syyskuussa 2024 ja tammikuussa 2025."))
    d.save(P(name, "odt"))
    expected(name, "odt-table", "odt", "fi", org, "Kunnanjohtajan tavoitteet 2024", goals,
             ["syyskuu 2024", "tammikuu 2025"], [("2024-03-04", "Kunnanhallitus")], ("2024-01-01", "2024-12-31"),
             "odfpy table; Mittarit cell has one text:p per indicator.")


# ====================================================================== TXT


@reg
def f06b():
    name, org = "f06-container-focus-areas-honkala", "Honkalan kunta"
    areas = ["Kuntastrategian päivitys", "Talouden tasapainottaminen", "Elinvoimaohjelman käynnistäminen",
             "Johtoryhmätyön kehittäminen"]
    text = ("Honkalan kunta\nKunnanhallitus 11.3.2024 § 40, liite 2\n\n"
            "KUNNANJOHTAJAN TAVOITTEET 2024\n\n"
            "Kunnanhallituksen asettamat painopisteet 2024:\n\n" + "\n".join("  - " + a for a in areas) +
            "\n\nPainopisteiden toteutumista arvioidaan kehityskeskustelussa marraskuussa 2024.\n")
    write_text(P(name, "txt"), text)
    expected(name, "container-focus-areas", "text", "fi", org, "Kunnanjohtajan tavoitteet 2024",
             [g(a) for a in areas], ["marraskuu 2024"], [("2024-03-11", "Kunnanhallitus")], None,
             "Plain text; container line 'Kunnanhallituksen asettamat painopisteet 2024:' is not an area; focus areas = goals without indicators.")


@reg
def f27c():
    name, org = "f27-bilingual-email-lehtoniemi-mixed", "Lehtoniemen kunta – Lundnäs kommun"
    pairs = [("Talouden tasapainottaminen", "Balansering av ekonomin", ["Vuosikate positiivinen / Årsbidraget positivt"]),
             ("Kaksikielisen palvelun kehittäminen", "Utveckling av tvåspråkig service",
              ["Asiointi onnistuu molemmilla kielillä / Service på båda språken", "Kielipalaute seurataan / Språkresponsen följs upp"]),
             ("Yhteistyö hyvinvointialueen kanssa", "Samarbete med välfärdsområdet", ["Yhteistyösopimus allekirjoitettu / Samarbetsavtalet undertecknat"])]
    lines = ["Lähettäjä: Kunnanhallituksen sihteeri", "Aihe: Kunnanjohtajan tavoitteet 2025 / Kommundirektörens mål 2025",
             "", "Hei / Hej,", "", "alla kunnanhallituksen 14.4.2025 hyväksymät tavoitteet. Nedan målen som",
             "kommunstyrelsen godkände 14.4.2025.", ""]
    for n, (fi, sv, inds) in enumerate(pairs, 1):
        lines += ["%d. %s" % (n, fi), "   %s" % sv] + ["   - %s" % i for i in inds] + [""]
    lines += ["Seuranta lokakuussa 2025 / Uppföljning i oktober 2025.", "", "Ystävällisin terveisin / Med vänlig hälsning",
              "Hanna Blomqvist", "hallintosihteeri / förvaltningssekreterare"]
    write_text(P(name, "txt"), "\n".join(lines) + "\n")
    expected(name, "bilingual-email", "text", "mixed", org, "Kunnanjohtajan tavoitteet 2025",
             [g(fi, inds) for fi, sv, inds in pairs], ["lokakuu 2025"], [("2025-04-14", "Kunnanhallitus")], None,
             "Finnish numbered line = goal; indented Swedish line under it is plain text; '- fi / sv' = one indicator.")


def outlook_wrap(s, width=72):
    out = []
    for para in s.split("\n"):
        if len(para) <= width:
            out.append(para); continue
        lead = para[:len(para) - len(para.lstrip())]
        cur = lead.rstrip("\n")
        for w in para.lstrip().split(" "):
            if len(cur) + len(w) + (1 if cur.strip() else 0) > width:
                out.append(cur); cur = w
            else:
                cur = (cur + " " + w) if cur.strip() else cur + w
        out.append(cur)
    return "\n".join(out)


@reg
def f33():
    name, org = "f33-email-plain-text-palokangas", "Palokankaan kunta"
    goals = [g("Talousarvion toteutuminen ja talouden tasapainottamisohjelman toimenpiteiden eteenpäin vieminen",
               ["Tilikauden tulos vähintään talousarvion mukainen ja tasapainotusohjelman toimenpiteet käynnistetty aikataulussa",
                "Investointien toteumaraportti kunnanhallitukselle neljännesvuosittain"]),
             g("Yrityspalveluiden kehittäminen", ["Yrityskäynnit 30 kpl", "Yrittäjäaamut 4 kertaa vuodessa"]),
             g("Henkilöstön hyvinvointi", ["Sairauspoissaolot vähenevät edellisestä vuodesta"])]
    body = ["From: Eeva Rantanen <eeva.rantanen@palokangas.example>", "Sent: Tuesday, March 18, 2025 9:12 AM",
            "To: Kunnanhallitus", "Subject: Kunnanjohtajan tavoitteet 2025 - KH 17.3.2025 § 38", "",
            "Hei kaikki,", "",
            "tässä vielä tekstinä kunnanhallituksen eilen hyväksymät kunnanjohtajan tavoitteet vuodelle 2025. Liitteenä oleva pdf on virallinen versio.",
            ""]
    for n, x in enumerate(goals, 1):
        body.append("%d) %s" % (n, x["title"]))
        for i in x["indicators"]:
            body.append("    - " + i)
        body.append("")
    body += ["Tavoitteita seurataan syyskuussa 2025 ja arvioidaan tammikuussa 2026.", "",
             "* Huom. tulospalkkio maksetaan vasta arvioinnin jälkeen.", "", "t. Eeva", "", "--",
             "Eeva Rantanen", "hallintojohtaja, Palokankaan kunta"]
    write_text(P(name, "txt"), outlook_wrap("\n".join(body)) + "\n", newline="\r\n")
    expected(name, "email-plain-text", "text", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["syyskuu 2025", "tammikuu 2026"], [("2025-03-17", "KH")], None,
             "E-mail text with CRLF line endings, hard-wrapped at 72 characters (Outlook style) - long goal titles and "
             "indicators continue on the next line WITHOUT indentation; join them. '*' line is a remark, not a goal.")


@reg
def f34():
    name, org = "f34-caps-themes-cp1252-kivela", "Kivelän kunta"
    spec = [("ELINVOIMA", "Elinvoima", pick("elinvoima:0", "elinvoima:3")),
            ("HYVINVOINTI", "Hyvinvointi", pick("hyvinvointi:1")),
            ("TALOUS JA HENKILÖSTÖ", "Talous ja henkilöstö", pick("talous:0", "henkilosto:2"))]
    for _, _, gl in spec:
        for x in gl:
            x["indicators"] = [i.replace("≥", ">=") for i in x["indicators"]]
    lines = ["KIVELÄN KUNTA                                   LIITE 4", "Kunnanhallitus 26.1.2026 § 10", "",
             "Kunnanjohtajan tavoitteet 2026", "==============================", "", "Tavoitekausi 1.1.–31.12.2026", ""]
    goals = []
    for caps, area, gl in spec:
        lines += [caps, ""]
        for x in gl:
            x["area"] = caps
            goals.append(x)
            lines.append("  " + x["title"])
            lines += ["      * " + i for i in x["indicators"]]
            lines.append("")
    lines += ["Arviointi tammikuussa 2027.", "", "Kivelässä 26.1.2026", "Kunnanhallitus"]
    write_text(P(name, "txt"), "\n".join(lines) + "\n", encoding="cp1252")
    expected(name, "caps-theme-lines", "text", "fi", org, "Kunnanjohtajan tavoitteet 2026", goals,
             ["tammikuu 2027"], [("2026-01-26", "Kunnanhallitus")], ("2026-01-01", "2026-12-31"),
             "cp1252-encoded text; ALL CAPS theme lines are areas (expected area as written, in capitals); "
             "goals indented 2 spaces, indicators '*' indented 6; organisation line is in caps too (not a theme).")


@reg
def f42b():
    name, org = "f42-inverted-markers-text-kalmari", "Kalmarinrannan kunta"
    goals = pick("yhteistyo:0", "ymparisto:0", "hyvinvointi:0")
    lines = ["Kalmarinrannan kunta / Kunnanhallitus 18.11.2024 § 160", "", "KUNNANJOHTAJAN TAVOITTEET 2025", ""]
    for x in goals:
        lines.append("• " + x["title"])
        lines += ["   – " + i for i in x["indicators"]]
    lines += ["", "Tavoitteiden toteutuminen arvioidaan tammikuussa 2026."]
    write_text(P(name, "txt"), "\n".join(lines) + "\n")
    expected(name, "inverted-markers", "text", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["tammikuu 2026"], [("2024-11-18", "Kunnanhallitus")], None,
             "Plain text: '•' marks goals, en-dash '–' marks indicators. Title line in caps.")


@reg
def f02c():
    name, org = "f02-lettered-subitems-text-vanhala", "Vanhalan kunta"
    goals = pick("talous:2", "henkilosto:2", "elinvoima:2")
    lines = ["VANHALAN KUNTA", "Kunnanhallitus 6.2.2025 § 19 / Liite 1", "",
             "Kunnanjohtajan tavoitteet 2025", "", "Tavoitekausi 1.1.–31.12.2025", ""]
    for n, x in enumerate(goals, 1):
        lines.append("%d. %s" % (n, x["title"]))
        lines += ["   %s) %s" % ("abcdef"[k], i) for k, i in enumerate(x["indicators"])]
        lines.append("")
    lines += ["Väliarvio elokuussa 2025, loppuarvio tammikuussa 2026.", "", "Vanhalassa 6.2.2025"]
    write_text(P(name, "txt"), "\n".join(lines) + "\n")
    expected(name, "lettered-subitems", "text", "fi", org, "Kunnanjohtajan tavoitteet 2025", goals,
             ["elokuu 2025", "tammikuu 2026"], [("2025-02-06", "Kunnanhallitus")], ("2025-01-01", "2025-12-31"),
             "Plain text with typed '1.' goals and 'a)' indicators.")


@reg
def f12b():
    name, org = "f12-xlsx-weight-column-kotiranta", "Kotirannan kaupunki"
    goals = pick("talous:1", "elinvoima:1", "hyvinvointi:4", "yhteistyo:4")
    wb = Workbook(); ws = wb.active; ws.title = "KJ tavoitteet"
    ws["B1"] = "Kaupunginjohtajan tavoitteet 2027"; ws["B1"].font = Font(bold=True, size=13)
    ws["B2"] = "Kaupunginhallitus 22.2.2027 § 30"
    header(ws, 4, ["Paino", "Tavoite", "Mittari", "Tavoitetaso"])
    r = 5
    for x, w in zip(goals, (0.3, 0.3, 0.2, 0.2)):
        x["weight"] = int(w * 100)
        for j, i in enumerate(x["indicators"]):
            if j == 0:
                c = ws.cell(row=r, column=1, value=w); c.number_format = "0 %"
                ws.cell(row=r, column=2, value=x["title"])
            ws.cell(row=r, column=3, value=i); ws.cell(row=r, column=4, value="toteutuu"); r += 1
    ws.cell(row=r, column=1, value=1).number_format = "0 %"; ws.cell(row=r, column=2, value="Yhteensä")
    ws.cell(row=r + 2, column=2, value="Seuranta elokuu 2027 ja tammikuu 2028.")
    for col, w in zip("ABCD", (8, 45, 60, 14)):
        ws.column_dimensions[col].width = w
    wb.save(P(name, "xlsx"))
    expected(name, "table-other-column-order", "xlsx", "fi", org, "Kaupunginjohtajan tavoitteet 2027", goals,
             ["elokuu 2027", "tammikuu 2028"], [("2027-02-22", "Kaupunginhallitus")], None,
             "Weight column first stored as fraction 0.3 with '0 %' number format (shown 30 %); 'Yhteensä' total row "
             "is not a goal; title in B1 (column A empty above header).")


@reg
def f33b():
    name, org = "f33-email-plain-text-sv-lillby", "Lillby kommun"
    goals = [copy.deepcopy(SV[i]) for i in (5, 6)]
    lines = ["Från: Kommunkansliet", "Skickat: den 12 mars 2026 14:05", "Ämne: Kommundirektörens mål 2026", "",
             "Hej,", "", "kommunstyrelsen godkände målen på sitt möte 9.3.2026 (§ 33):", ""]
    for n, x in enumerate(goals, 1):
        lines.append("%d) %s" % (n, x["title"]))
        lines += ["   * " + i for i in x["indicators"]]
        lines.append("")
    lines += ["Uppföljning i september 2026.", "", "Hälsningar", "Kommunkansliet"]
    write_text(P(name, "txt"), "\n".join(lines) + "\n")
    expected(name, "email-plain-text", "text", "sv", org, "Kommundirektörens mål 2026", goals,
             ["september 2026"], [("2026-03-09", "Kommunstyrelsen")], None,
             "Swedish e-mail text; title only in the subject line; '*' indicators.")
