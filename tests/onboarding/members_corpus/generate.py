"""Generate the body-member upload corpus (see README.md).

Run from the repository root:

    .venv/bin/python tests/onboarding/members_corpus/generate.py

Writes every input file, expected.json and README.md into this directory,
then re-reads the generated tables (csv module / openpyxl) and checks them
against the expectations.  Uses only the standard library and openpyxl.

All people, e-mail addresses and most municipalities are invented; e-mail
domains use the reserved ``.example`` TLD.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
import zipfile
import zlib
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
OWN_FILES = {"generate.py", "expected.json", "README.md", "__pycache__"}

ROLES = {
    "chair", "first_vice_chair", "second_vice_chair", "vice_chair", "member",
    "deputy_member", "mayor", "deputy_mayor", "secretary", "presenter",
}
ERROR_CODES = {"no_name", "bad_date", "bad_role", "ends_before_start"}
REFUSAL_CODES = {"no_header", "not_a_table", "empty"}

# name -> entry.  Entry: {"expected": {...}, "check": {...} | None, "family", "notes"}
CORPUS: dict[str, dict] = {}


def R(name, body, role, starts_on=None, ends_on=None, email="", substitute_for=""):
    """One expected member row."""
    return {
        "name": name,
        "body": body,
        "role": role,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "email": email,
        "substitute_for": substitute_for,
    }


def register(fname, *, family, notes, rows, errors=(), check):
    assert fname not in CORPUS, fname
    CORPUS[fname] = {
        "expected": {
            "rows": rows,
            "errors": [list(e) for e in errors],
            "family": family,
            "notes": notes,
        },
        "check": check,
        "family": family,
        "notes": notes,
    }


def register_refused(fname, code, *, family, notes):
    assert fname not in CORPUS, fname
    CORPUS[fname] = {
        "expected": {"refused": code},
        "check": None,
        "family": family,
        "notes": notes,
    }


# --------------------------------------------------------------------------
# writers


def write_csv(fname, table, *, delimiter=";", encoding="utf-8", bom=False,
              newline="\r\n", quoting=csv.QUOTE_MINIMAL, raw_prefix="",
              header_row, carry_body=False):
    """Write ``table`` (list of lists of str) as a CSV file.

    ``header_row`` is the 1-based physical row number of the header, used by
    the self-check only.  ``raw_prefix`` is written verbatim before the rows
    (e.g. Excel's ``sep=;`` line) and must end with ``newline``.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=newline,
                        quoting=quoting)
    writer.writerows(table)
    text = raw_prefix + buf.getvalue()
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    (HERE / fname).write_bytes(data)
    return {
        "kind": "csv",
        "encoding": "utf-8-sig" if bom else encoding,
        "delimiter": delimiter,
        "header_row": header_row,
        "carry_body": carry_body,
        "bom": bom,
        "newline": newline,
    }


def write_xlsx(fname, table, *, header_row, sheet_title="Jäsenet",
               first_col=1, merges=(), date_format="d.m.yyyy",
               carry_body=False, widths=None):
    """Write ``table`` to the first sheet; None / "" cells stay empty.

    ``header_row`` is the sheet row number of the header (self-check and
    bold styling).  ``first_col`` shifts the table right (1 = column A).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title
    for r_idx, row in enumerate(table, start=1):
        for c_off, value in enumerate(row):
            if value is None or value == "":
                continue
            cell = ws.cell(row=r_idx, column=first_col + c_off, value=value)
            if isinstance(value, (date, datetime)):
                cell.number_format = date_format
            if r_idx == header_row:
                cell.font = Font(bold=True)
    for rng in merges:
        ws.merge_cells(rng)
    for col, width in (widths or {}).items():
        ws.column_dimensions[col].width = width
    fixed = datetime(2025, 6, 14, 8, 0, 0)
    wb.properties.creator = "members_corpus/generate.py"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    _save_deterministic(wb, HERE / fname)
    return {"kind": "xlsx", "header_row": header_row, "carry_body": carry_body}


def _save_deterministic(wb, path):
    """Save ``wb`` so that regenerating gives byte-identical files:
    fixed ZIP entry timestamps and a fixed dcterms:modified."""
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2025-06-14T08:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 6, 14, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    path.write_bytes(out.getvalue())


def pad(row, width):
    return list(row) + [""] * (width - len(row))


D = date  # short alias for XLSX date cells

KH = ("2025-06-01", "2027-05-31")      # kunnanhallitus / lautakunta half term
VT = ("2025-06-01", "2029-05-31")      # full council term 2025–2029


# --------------------------------------------------------------------------
# 1. Dynasty: semicolon, UTF-8 BOM, CRLF, title + timestamp + blank row


def f_dynasty_kunnanhallitus():
    fn = "dynasty_kunnanhallitus.csv"
    w = 8
    dom = "hamekoski.example"
    table = [
        pad(["Dynasty 4 – Toimielimen jäsenet: Kunnanhallitus"], w),
        pad(["Tulostettu 12.06.2025 klo 9.14"], w),
        pad([], w),
        ["Toimielin", "Sukunimi", "Etunimi", "Rooli", "Alkaa", "Päättyy", "Sähköposti", "Puolue"],
        ["Kunnanhallitus", "Kettunen", "Maija", "puheenjohtaja", "1.6.2025", "31.5.2027", f"maija.kettunen@{dom}", "Kok."],
        ["Kunnanhallitus", "Rantala", "Jouni", "I varapuheenjohtaja", "1.6.2025", "31.5.2027", f"jouni.rantala@{dom}", "SDP"],
        ["Kunnanhallitus", "Heikkilä", "Tuula", "II varapuheenjohtaja", "1.6.2025", "31.5.2027", f"tuula.heikkila@{dom}", "Kesk."],
        ["Kunnanhallitus", "Lähteenmäki", "Eero", "jäsen", "1.6.2025", "31.5.2027", f"eero.lahteenmaki@{dom}", "PS"],
        ["Kunnanhallitus", "Saarinen", "Aino", "jäsen", "1.6.2025", "31.5.2027", f"aino.saarinen@{dom}", "Vihr."],
        ["Kunnanhallitus", "Koskela", "Pertti", "jäsen", "1.6.2025", "31.5.2027", f"pertti.koskela@{dom}", "Kesk."],
        ["Kunnanhallitus", "Mäkelä-Nieminen", "Sari", "jäsen", "1.6.2025", "31.5.2027", f"sari.makela-nieminen@{dom}", "SDP"],
        ["Kunnanhallitus", "Björklund", "Henrik", "varajäsen", "1.6.2025", "31.5.2027", f"henrik.bjorklund@{dom}", "RKP"],
        ["Kunnanhallitus", "Ahonen", "Kaisa", "varajäsen", "1.6.2025", "31.5.2027", "", "Kok."],
        ["Kunnanhallitus", "Hirvonen", "Juha-Pekka", "esittelijä", "", "", f"kunnanjohtaja@{dom}", ""],
        ["Kunnanhallitus", "Leinonen", "Marjut", "pöytäkirjanpitäjä", "", "", f"marjut.leinonen@{dom}", ""],
    ]
    b = "Kunnanhallitus"
    rows = [
        R("Maija Kettunen", b, "chair", *KH, f"maija.kettunen@{dom}"),
        R("Jouni Rantala", b, "first_vice_chair", *KH, f"jouni.rantala@{dom}"),
        R("Tuula Heikkilä", b, "second_vice_chair", *KH, f"tuula.heikkila@{dom}"),
        R("Eero Lähteenmäki", b, "member", *KH, f"eero.lahteenmaki@{dom}"),
        R("Aino Saarinen", b, "member", *KH, f"aino.saarinen@{dom}"),
        R("Pertti Koskela", b, "member", *KH, f"pertti.koskela@{dom}"),
        R("Sari Mäkelä-Nieminen", b, "member", *KH, f"sari.makela-nieminen@{dom}"),
        R("Henrik Björklund", b, "deputy_member", *KH, f"henrik.bjorklund@{dom}"),
        R("Kaisa Ahonen", b, "deputy_member", *KH, ""),
        R("Juha-Pekka Hirvonen", b, "presenter", None, None, f"kunnanjohtaja@{dom}"),
        R("Marjut Leinonen", b, "secretary", None, None, f"marjut.leinonen@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=4)
    register(fn, family="dynasty", rows=rows, check=check, notes=(
        "Dynasty-style export: semicolon, UTF-8 with BOM, CRLF. Title row, export "
        "timestamp row and an all-separators empty row above the header (header on "
        "row 4). Separate Sukunimi/Etunimi columns (surname first) joined as "
        "'Etunimi Sukunimi'; double surname and hyphenated first name. Dates d.m.yyyy. "
        "Presenter and minute-taker (pöytäkirjanpitäjä) rows have no dates. Puolue ignored."))


# --------------------------------------------------------------------------
# 2. Dynasty, Windows-1252, term column with an en dash (0x96 in cp1252)


def f_dynasty_lautakunnat_cp1252():
    fn = "dynasty_lautakunnat_cp1252.csv"
    dom = "jarvela.example"
    w = 6
    t_tark = "1.6.2025–31.5.2029"
    t_siv = "1.6.2025–31.5.2027"
    table = [
        pad(["Lautakuntien jäsenet 2025–2029"], w),
        ["Nimi", "Toimielin", "Rooli", "Toimikausi", "Sähköposti", "Puhelin"],
        ["Päivi Östman", "Tarkastuslautakunta", "Puheenjohtaja", t_tark, f"paivi.ostman@{dom}", "040 512 3301"],
        ["Åsa Grönroos", "Tarkastuslautakunta", "Varapuheenjohtaja", t_tark, f"asa.gronroos@{dom}", "050 441 2090"],
        ["Mikko Järvinen", "Tarkastuslautakunta", "Jäsen", t_tark, f"mikko.jarvinen@{dom}", ""],
        ["Sirpa Väänänen", "Tarkastuslautakunta", "Varajäsen", t_tark, "", "044 300 1122"],
        ["Hannele Pöyhönen", "Sivistyslautakunta", "Puheenjohtaja", t_siv, f"hannele.poyhonen@{dom}", ""],
        ["Ville Törmänen", "Sivistyslautakunta", "1. varapuheenjohtaja", t_siv, f"ville.tormanen@{dom}", ""],
        ["Riitta Kärkkäinen", "Sivistyslautakunta", "2. vpj", t_siv, f"riitta.karkkainen@{dom}", ""],
        ["Ari Hämäläinen", "Sivistyslautakunta", "Jäsen", t_siv, f"ari.hamalainen@{dom}", ""],
        ["Jaana Söderholm", "Sivistyslautakunta", "Varajäsen", t_siv, f"jaana.soderholm@{dom}", ""],
        ["Tapio Äijälä", "Sivistyslautakunta", "Sihteeri", "", f"tapio.aijala@{dom}", "040 998 0101"],
    ]
    T, S = "Tarkastuslautakunta", "Sivistyslautakunta"
    rows = [
        R("Päivi Östman", T, "chair", *VT, f"paivi.ostman@{dom}"),
        R("Åsa Grönroos", T, "vice_chair", *VT, f"asa.gronroos@{dom}"),
        R("Mikko Järvinen", T, "member", *VT, f"mikko.jarvinen@{dom}"),
        R("Sirpa Väänänen", T, "deputy_member", *VT, ""),
        R("Hannele Pöyhönen", S, "chair", *KH, f"hannele.poyhonen@{dom}"),
        R("Ville Törmänen", S, "first_vice_chair", *KH, f"ville.tormanen@{dom}"),
        R("Riitta Kärkkäinen", S, "second_vice_chair", *KH, f"riitta.karkkainen@{dom}"),
        R("Ari Hämäläinen", S, "member", *KH, f"ari.hamalainen@{dom}"),
        R("Jaana Söderholm", S, "deputy_member", *KH, f"jaana.soderholm@{dom}"),
        R("Tapio Äijälä", S, "secretary", None, None, f"tapio.aijala@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", encoding="cp1252", newline="\r\n", header_row=2)
    register(fn, family="dynasty", rows=rows, check=check, notes=(
        "Windows-1252 (ANSI) bytes, semicolon, CRLF; ä/ö/å/Å/Ö and the en dash (0x96) "
        "are single cp1252 bytes. One title row above the header. Term in one "
        "'Toimikausi' column as '1.6.2025–31.5.2027' (en dash). Single 'Etunimi "
        "Sukunimi' name column kept as written. Roles '1. varapuheenjohtaja', '2. vpj'. "
        "Puhelin ignored; secretary row has an empty term."))


# --------------------------------------------------------------------------
# 3. CaseM: comma, every field quoted, "Sukunimi, Etunimi", ISO dates, LF


def f_casem_valtuusto():
    fn = "casem_valtuusto.csv"
    dom = "kuusimaki.example"
    s, e = "2025-06-01", "2029-05-31"
    b = "Kunnanvaltuusto"
    table = [
        ["Nimi", "Toimielin", "Tehtävä", "Alkupäivä", "Loppupäivä", "Sähköposti"],
        ["Virtakangas, Leena", b, "puheenjohtaja", s, e, f"leena.virtakangas@{dom}"],
        ["Kinnunen, Jari Tapani", b, "I varapuheenjohtaja", s, e, f"jari.kinnunen@{dom}"],
        ["Laaksonen, Anna-Kaisa", b, "II varapuheenjohtaja", s, e, f"anna-kaisa.laaksonen@{dom}"],
        ["Öhman, Tor-Erik", b, "jäsen", s, e, f"tor-erik.ohman@{dom}"],
        ["Pitkänen, Oskari", b, "jäsen", s, e, f"oskari.pitkanen@{dom}"],
        ["Manninen, Helmi", b, "jäsen", s, e, f"helmi.manninen@{dom}"],
        ["Huttunen, Reijo", b, "jäsen", s, e, f"reijo.huttunen@{dom}"],
        ["Salo, Minna", b, "jäsen", s, e, "Minna.Salo@Kuusimaki.example"],
        ["Tuominen, Kalle", b, "varajäsen", s, e, f"kalle.tuominen@{dom}"],
        ["Rautio, Elina", b, "varajäsen", s, e, ""],
    ]
    rows = [
        R("Leena Virtakangas", b, "chair", *VT, f"leena.virtakangas@{dom}"),
        R("Jari Tapani Kinnunen", b, "first_vice_chair", *VT, f"jari.kinnunen@{dom}"),
        R("Anna-Kaisa Laaksonen", b, "second_vice_chair", *VT, f"anna-kaisa.laaksonen@{dom}"),
        R("Tor-Erik Öhman", b, "member", *VT, f"tor-erik.ohman@{dom}"),
        R("Oskari Pitkänen", b, "member", *VT, f"oskari.pitkanen@{dom}"),
        R("Helmi Manninen", b, "member", *VT, f"helmi.manninen@{dom}"),
        R("Reijo Huttunen", b, "member", *VT, f"reijo.huttunen@{dom}"),
        R("Minna Salo", b, "member", *VT, f"minna.salo@{dom}"),
        R("Kalle Tuominen", b, "deputy_member", *VT, f"kalle.tuominen@{dom}"),
        R("Elina Rautio", b, "deputy_member", *VT, ""),
    ]
    check = write_csv(fn, table, delimiter=",", newline="\n", quoting=csv.QUOTE_ALL, header_row=1)
    register(fn, family="casem", rows=rows, check=check, notes=(
        "Comma-separated, UTF-8 without BOM, LF, every field double-quoted. Names "
        "'Sukunimi, Etunimi' contain the separator inside quotes and become "
        "'Etunimi Sukunimi' (middle name kept: 'Kinnunen, Jari Tapani' -> 'Jari "
        "Tapani Kinnunen'). ISO dates. Role header 'Tehtävä'. One mixed-case e-mail "
        "is lower-cased."))


# --------------------------------------------------------------------------
# 4. CaseM XLSX: header on row 1, real date cells, "Sukunimi, Etunimi"


def f_casem_kaupunginhallitus():
    fn = "casem_kaupunginhallitus.xlsx"
    dom = "pohjoisranta.example"
    b = "Kaupunginhallitus"
    s, e = D(2025, 6, 1), D(2027, 5, 31)
    table = [
        ["Nimi", "Toimielin", "Tehtävä", "Alkaa", "Päättyy", "Sähköposti"],
        ["Lindfors, Kristiina", b, "Puheenjohtaja", s, e, f"kristiina.lindfors@{dom}"],
        ["Koivisto, Antti", b, "I varapuheenjohtaja", s, e, f"antti.koivisto@{dom}"],
        ["Hakala, Merja", b, "II varapuheenjohtaja", s, e, f"merja.hakala@{dom}"],
        ["Nurmi, Petri", b, "Jäsen", s, e, f"petri.nurmi@{dom}"],
        ["Vainio, Tiina", b, "Jäsen", s, e, f"tiina.vainio@{dom}"],
        ["Karjalainen, Matias", b, "Jäsen", s, e, f"matias.karjalainen@{dom}"],
        ["Kivelä, Outi", b, "Varajäsen", s, e, f"outi.kivela@{dom}"],
        ["Seppälä, Janne", b, "Varajäsen", s, e, None],
        ["Lehtonen, Risto", b, "Esittelijä", None, None, f"kaupunginjohtaja@{dom}"],
        ["Peltonen, Sanna", b, "Sihteeri", None, None, f"sanna.peltonen@{dom}"],
    ]
    rows = [
        R("Kristiina Lindfors", b, "chair", *KH, f"kristiina.lindfors@{dom}"),
        R("Antti Koivisto", b, "first_vice_chair", *KH, f"antti.koivisto@{dom}"),
        R("Merja Hakala", b, "second_vice_chair", *KH, f"merja.hakala@{dom}"),
        R("Petri Nurmi", b, "member", *KH, f"petri.nurmi@{dom}"),
        R("Tiina Vainio", b, "member", *KH, f"tiina.vainio@{dom}"),
        R("Matias Karjalainen", b, "member", *KH, f"matias.karjalainen@{dom}"),
        R("Outi Kivelä", b, "deputy_member", *KH, f"outi.kivela@{dom}"),
        R("Janne Seppälä", b, "deputy_member", *KH, ""),
        R("Risto Lehtonen", b, "presenter", None, None, f"kaupunginjohtaja@{dom}"),
        R("Sanna Peltonen", b, "secretary", None, None, f"sanna.peltonen@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=1, sheet_title="Kokoonpano",
                       widths={"A": 24, "B": 20, "C": 22, "D": 12, "E": 12, "F": 36})
    register(fn, family="casem", rows=rows, check=check, notes=(
        "XLSX with the header on row 1, Alkaa/Päättyy as real date cells (format "
        "d.m.yyyy). Single name column 'Sukunimi, Etunimi'. Capitalised role words. "
        "Presenter and secretary have empty date cells (null)."))


# --------------------------------------------------------------------------
# 5. Tweb: tab-separated, columns in unusual order, term with hyphen


def f_tweb_tab():
    fn = "tweb_toimielimet_tab.csv"
    dom = "lounaskyla.example"
    TL, TA = "Tekninen lautakunta", "Tarkastuslautakunta"
    t1 = "1.6.2025-31.5.2027"
    t2 = "01.06.2025-31.05.2029"
    table = [
        ["Sähköposti", "Rooli", "Nimi", "Toimielin", "Toimikausi"],
        [f"jukka.harju@{dom}", "puheenjohtaja", "Jukka Harju", TL, t1],
        ["", "varapuheenjohtaja", "Satu Lampinen", TL, t1],
        [f"marko.aaltonen@{dom}", "jäsen", "Marko Aaltonen", TL, t1],
        [f"niina.ojala@{dom}", "jäsen", "Niina Ojala", TL, t1],
        ["", "varajäsen", "Timo Repo", TL, t1],
        [f"irja.kauppinen@{dom}", "puheenjohtaja", "Irja Kauppinen", TA, t2],
        [f"lasse.turunen@{dom}", "varapuheenjohtaja", "Lasse Turunen", TA, t2],
        [f"helena.ruuska@{dom}", "jäsen", "Helena Ruuska", TA, t2],
        ["", "varajäsen", "Olli Markkanen", TA, t2],
    ]
    rows = [
        R("Jukka Harju", TL, "chair", *KH, f"jukka.harju@{dom}"),
        R("Satu Lampinen", TL, "vice_chair", *KH, ""),
        R("Marko Aaltonen", TL, "member", *KH, f"marko.aaltonen@{dom}"),
        R("Niina Ojala", TL, "member", *KH, f"niina.ojala@{dom}"),
        R("Timo Repo", TL, "deputy_member", *KH, ""),
        R("Irja Kauppinen", TA, "chair", *VT, f"irja.kauppinen@{dom}"),
        R("Lasse Turunen", TA, "vice_chair", *VT, f"lasse.turunen@{dom}"),
        R("Helena Ruuska", TA, "member", *VT, f"helena.ruuska@{dom}"),
        R("Olli Markkanen", TA, "deputy_member", *VT, ""),
    ]
    check = write_csv(fn, table, delimiter="\t", newline="\n", header_row=1)
    register(fn, family="tweb", rows=rows, check=check, notes=(
        "Tab-separated with a .csv name, UTF-8 without BOM, LF. Unusual column order "
        "(Sähköposti first, Nimi third); several rows start with an empty e-mail "
        "field. Term column with a plain hyphen: '1.6.2025-31.5.2027' and "
        "'01.06.2025-31.05.2029' (leading zeros)."))


# --------------------------------------------------------------------------
# 6. Innofactor XLSX: title, run timestamp, blank row, header on row 4


def f_innofactor():
    fn = "innofactor_luottamushenkilot.xlsx"
    dom = "ylasalmi.example"
    V, H = "Kunnanvaltuusto", "Kunnanhallitus"
    vs, ve = D(2025, 6, 1), D(2029, 5, 31)
    hs, he = D(2025, 6, 1), D(2027, 5, 31)
    table = [
        ["Luottamushenkilörekisteri – toimielinten jäsenet"],
        ["Raportti ajettu 14.06.2025 08:02"],
        [],
        ["Toimielin", "Sukunimi", "Etunimi", "Tehtävä", "Alkupäivä", "Loppupäivä", "Puolue", "Kotikunta", "Sähköposti"],
        [V, "Haapala", "Marketta", "Puheenjohtaja", vs, ve, "Kesk.", "Ylä-Salmi", f"marketta.haapala@{dom}"],
        [V, "Kujala", "Tero", "I varapuheenjohtaja", vs, ve, "Kok.", "Ylä-Salmi", f"tero.kujala@{dom}"],
        [V, "Nyberg", "Sofia", "II varapuheenjohtaja", vs, ve, "SDP", "Ylä-Salmi", f"sofia.nyberg@{dom}"],
        [V, "Ketola", "Arto", "Jäsen", vs, ve, "PS", "Ylä-Salmi", f"arto.ketola@{dom}"],
        [V, "Savolainen", "Pirjo", "Jäsen", vs, ve, "Vas.", "Ylä-Salmi", f"pirjo.savolainen@{dom}"],
        [H, "Kujala", "Tero", "Puheenjohtaja", hs, he, "Kok.", "Ylä-Salmi", f"tero.kujala@{dom}"],
        [H, "Lammi", "Heikki", "Varapuheenjohtaja", hs, he, "Kesk.", "Ylä-Salmi", f"heikki.lammi@{dom}"],
        [H, "Savolainen", "Pirjo", "Jäsen", hs, he, "Vas.", "Ylä-Salmi", f"pirjo.savolainen@{dom}"],
        [H, "Forsman", "Kim", "Jäsen", hs, he, "RKP", "Ylä-Salmi", None],
        [H, "Väisänen", "Anu", "Varajäsen", hs, he, "SDP", "Ylä-Salmi", f"anu.vaisanen@{dom}"],
        [H, "Hirvelä", "Mauri", "Esittelijä", None, None, None, None, f"mauri.hirvela@{dom}"],
    ]
    rows = [
        R("Marketta Haapala", V, "chair", *VT, f"marketta.haapala@{dom}"),
        R("Tero Kujala", V, "first_vice_chair", *VT, f"tero.kujala@{dom}"),
        R("Sofia Nyberg", V, "second_vice_chair", *VT, f"sofia.nyberg@{dom}"),
        R("Arto Ketola", V, "member", *VT, f"arto.ketola@{dom}"),
        R("Pirjo Savolainen", V, "member", *VT, f"pirjo.savolainen@{dom}"),
        R("Tero Kujala", H, "chair", *KH, f"tero.kujala@{dom}"),
        R("Heikki Lammi", H, "vice_chair", *KH, f"heikki.lammi@{dom}"),
        R("Pirjo Savolainen", H, "member", *KH, f"pirjo.savolainen@{dom}"),
        R("Kim Forsman", H, "member", *KH, ""),
        R("Anu Väisänen", H, "deputy_member", *KH, f"anu.vaisanen@{dom}"),
        R("Mauri Hirvelä", H, "presenter", None, None, f"mauri.hirvela@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=4, sheet_title="Raportti")
    register(fn, family="innofactor", rows=rows, check=check, notes=(
        "XLSX report: title row, 'Raportti ajettu …' timestamp row and an empty row "
        "above the header (header on sheet row 4, data rows 5–15). Date cells. "
        "Separate Sukunimi/Etunimi columns. Two bodies; the same people appear in "
        "both (one row per membership). Puolue and Kotikunta ignored."))


# --------------------------------------------------------------------------
# 7. Cloudia CSV: BOM, CRLF, ISO dates, extra columns, all-separator empty rows


def f_cloudia_csv():
    fn = "cloudia_export.csv"
    dom = "mantyvaara.example"
    HY, RY = "Hyvinvointilautakunta", "Rakennus- ja ympäristölautakunta"
    s, e = "2025-06-01", "2027-05-31"
    w = 9
    table = [
        ["Etunimi", "Sukunimi", "Syntymävuosi", "Toimielin", "Tehtävä", "Alkaa", "Päättyy", "Puhelin", "Sähköposti"],
        ["Kirsi", "Luoma", "1968", HY, "Puheenjohtaja", s, e, "040 111 2233", f"kirsi.luoma@{dom}"],
        ["Veli-Matti", "Rissanen", "1975", HY, "Varapuheenjohtaja", s, e, "", f"veli-matti.rissanen@{dom}"],
        ["Noora", "Lehtinen", "1990", HY, "Jäsen", s, e, "050 222 3344", f"noora.lehtinen@{dom}"],
        ["Esa", "Kokkonen", "1959", HY, "Jäsen", s, e, "", f"esa.kokkonen@{dom}"],
        pad([], w),
        ["Sanni", "Ylönen", "1986", HY, "Varajäsen", s, e, "", ""],
        ["Raimo", "Jokela", "1962", RY, "Puheenjohtaja", s, e, "", f"raimo.jokela@{dom}"],
        ["Anneli", "Sundqvist", "1971", RY, "Jäsen", s, e, "", f"anneli.sundqvist@{dom}"],
        ["Toni", "Paananen", "1983", RY, "Jäsen", s, e, "045 777 1200", f"toni.paananen@{dom}"],
        ["Katja", "Huhtala", "1979", RY, "Varajäsen", s, e, "", f"katja.huhtala@{dom}"],
        pad([], w),
        pad([], w),
    ]
    rows = [
        R("Kirsi Luoma", HY, "chair", *KH, f"kirsi.luoma@{dom}"),
        R("Veli-Matti Rissanen", HY, "vice_chair", *KH, f"veli-matti.rissanen@{dom}"),
        R("Noora Lehtinen", HY, "member", *KH, f"noora.lehtinen@{dom}"),
        R("Esa Kokkonen", HY, "member", *KH, f"esa.kokkonen@{dom}"),
        R("Sanni Ylönen", HY, "deputy_member", *KH, ""),
        R("Raimo Jokela", RY, "chair", *KH, f"raimo.jokela@{dom}"),
        R("Anneli Sundqvist", RY, "member", *KH, f"anneli.sundqvist@{dom}"),
        R("Toni Paananen", RY, "member", *KH, f"toni.paananen@{dom}"),
        R("Katja Huhtala", RY, "deputy_member", *KH, f"katja.huhtala@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=1)
    register(fn, family="cloudia", rows=rows, check=check, notes=(
        "Semicolon, UTF-8 with BOM, CRLF, header on row 1. Etunimi before Sukunimi. "
        "ISO dates. Syntymävuosi and Puhelin ignored. One all-separator row "
        "(';;;;;;;;') in the middle and two at the end must be skipped."))


# --------------------------------------------------------------------------
# 8. Blocks: body only on the first row of each block (cells below blank)


def f_cloudia_blocks():
    fn = "cloudia_lohkot.xlsx"
    dom = "rautalahti.example"
    H, T, S = "Kunnanhallitus", "Tarkastuslautakunta", "Sivistyslautakunta"
    a, k, v = "1.6.2025", "31.5.2027", "31.5.2029"
    table = [
        ["Toimielin", "Nimi", "Rooli", "Sähköposti", "Alkaa", "Päättyy"],
        [H, "Pekka Nousiainen", "puheenjohtaja", f"pekka.nousiainen@{dom}", a, k],
        [None, "Leila Kantola", "varapuheenjohtaja", f"leila.kantola@{dom}", a, k],
        [None, "Jari Mustonen", "jäsen", f"jari.mustonen@{dom}", a, k],
        [None, "Eija Tervo", "jäsen", None, a, k],
        [None, "Sami Pulkkinen", "varajäsen", f"sami.pulkkinen@{dom}", a, k],
        [],
        [T, "Arja Honkanen", "puheenjohtaja", f"arja.honkanen@{dom}", a, v],
        [None, "Kari Suominen", "jäsen", f"kari.suominen@{dom}", a, v],
        [None, "Marja-Liisa Eskola", "varajäsen", None, a, v],
        [],
        [S, "Tuomo Leppänen", "puheenjohtaja", f"tuomo.leppanen@{dom}", a, k],
        [None, "Hanna Rytkönen", "varapuheenjohtaja", f"hanna.rytkonen@{dom}", a, k],
        [None, "Ilkka Koponen", "jäsen", f"ilkka.koponen@{dom}", a, k],
        [None, "Elisa Granström", "jäsen", f"elisa.granstrom@{dom}", a, k],
    ]
    rows = [
        R("Pekka Nousiainen", H, "chair", *KH, f"pekka.nousiainen@{dom}"),
        R("Leila Kantola", H, "vice_chair", *KH, f"leila.kantola@{dom}"),
        R("Jari Mustonen", H, "member", *KH, f"jari.mustonen@{dom}"),
        R("Eija Tervo", H, "member", *KH, ""),
        R("Sami Pulkkinen", H, "deputy_member", *KH, f"sami.pulkkinen@{dom}"),
        R("Arja Honkanen", T, "chair", *VT, f"arja.honkanen@{dom}"),
        R("Kari Suominen", T, "member", *VT, f"kari.suominen@{dom}"),
        R("Marja-Liisa Eskola", T, "deputy_member", *VT, ""),
        R("Tuomo Leppänen", S, "chair", *KH, f"tuomo.leppanen@{dom}"),
        R("Hanna Rytkönen", S, "vice_chair", *KH, f"hanna.rytkonen@{dom}"),
        R("Ilkka Koponen", S, "member", *KH, f"ilkka.koponen@{dom}"),
        R("Elisa Granström", S, "member", *KH, f"elisa.granstrom@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=1, carry_body=True, sheet_title="Toimielimet")
    register(fn, family="blocks", rows=rows, check=check, notes=(
        "BLOCK LAYOUT: the Toimielin cell is filled only on the first row of each "
        "body's block and left blank below; the body applies to the following rows "
        "until a new body name appears. An empty row separates the blocks (skipped). "
        "Dates are text cells 'd.m.yyyy' in XLSX, not date cells."))


# --------------------------------------------------------------------------
# 9. Hand-made XLSX with real merged cells in the body column, starts at column B


def f_hand_merged():
    fn = "kasin_yhdistetyt_solut.xlsx"
    dom = "kalliojoki.example"
    V, H, T = "Kunnanvaltuusto", "Kunnanhallitus", "Tarkastuslautakunta"
    table = [
        ["Kalliojoen kunta – toimielinten kokoonpanot"],                      # row 1 (B1, merged B1:F1)
        [],                                                                     # row 2
        ["Toimielin", "Nimi", "Tehtävä", "Toimikausi", "Sähköposti"],          # row 3
        [V, "Aila Mikkola", "puheenjohtaja", "2025–2029", f"aila.mikkola@{dom}"],
        [None, "Sakari Pesonen", "I varapuheenjohtaja", "2025–2029", f"sakari.pesonen@{dom}"],
        [None, "Tarja Kuusela", "jäsen", "2025–2029", None],
        [None, "Veikko Hyvönen", "jäsen", "2025–2029", f"veikko.hyvonen@{dom}"],
        [H, "Sakari Pesonen", "puheenjohtaja", "1.6.2025–31.5.2027", f"sakari.pesonen@{dom}"],
        [None, "Minna Rajala", "varapuheenjohtaja", "1.6.2025–31.5.2027", f"minna.rajala@{dom}"],
        [None, "Jouko Ikonen", "jäsen", "1.6.2025–31.5.2027", f"jouko.ikonen@{dom}"],
        [None, "Sointu Lahti", "varajäsen", "1.6.2025–31.5.2027", None],
        [T, "Erkki Vesterinen", "puheenjohtaja", "2025–2029", f"erkki.vesterinen@{dom}"],
        [None, "Pauliina Kallio", "jäsen", "2025–2029", f"pauliina.kallio@{dom}"],
    ]
    rows = [
        R("Aila Mikkola", V, "chair", *VT, f"aila.mikkola@{dom}"),
        R("Sakari Pesonen", V, "first_vice_chair", *VT, f"sakari.pesonen@{dom}"),
        R("Tarja Kuusela", V, "member", *VT, ""),
        R("Veikko Hyvönen", V, "member", *VT, f"veikko.hyvonen@{dom}"),
        R("Sakari Pesonen", H, "chair", *KH, f"sakari.pesonen@{dom}"),
        R("Minna Rajala", H, "vice_chair", *KH, f"minna.rajala@{dom}"),
        R("Jouko Ikonen", H, "member", *KH, f"jouko.ikonen@{dom}"),
        R("Sointu Lahti", H, "deputy_member", *KH, ""),
        R("Erkki Vesterinen", T, "chair", *VT, f"erkki.vesterinen@{dom}"),
        R("Pauliina Kallio", T, "member", *VT, f"pauliina.kallio@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=3, first_col=2, carry_body=True,
                       merges=("B1:F1", "B4:B7", "B8:B11", "B12:B13"),
                       sheet_title="Taul1")
    register(fn, family="blocks", rows=rows, check=check, notes=(
        "Hand-typed XLSX, table starts in column B (column A empty). Title merged "
        "over B1:F1, empty row 2, header on row 3. The Toimielin column uses real "
        "merged cells (B4:B7, B8:B11, B12:B13): only the top cell holds the body, "
        "which applies to the following rows until the next body. 'Toimikausi' mixes "
        "council term '2025–2029' (-> 2025-06-01..2029-05-31) and "
        "'1.6.2025–31.5.2027'."))


# --------------------------------------------------------------------------
# 10. Hand-typed Excel CSV in cp1252 with a 'sep=;' line, messy roles/emails


def f_hand_cp1252():
    fn = "kasin_excel_cp1252.csv"
    dom = "narhila.example"
    b = "Ympäristölautakunta"
    w = 7
    table = [
        ["Nimi", "Puolue", "Rooli", "Toimielin", "Sähköposti", "Alkaa", "Päättyy"],
        ["Matti Ylinen", "Kesk.", " PJ", b, "Matti.Ylinen@Narhila.example ", "1.6.2025", "31.5.2027"],
        ["Päivi Kärnä", "SDP", "vpj", b, f"paivi.karna@{dom}", "1.6.2025", "31.5.2027"],
        ["Pöllänen Heikki", "PS", " jäsen ", b, "", "1.6.2025", "31.5.2027"],
        pad([], w),
        ["Ritva Häkkinen", "Vihr.", "JÄSEN", b, "RITVA.HAKKINEN@NARHILA.EXAMPLE", "1.6.2025", "31.5.2027"],
        ["Jyrki Östberg", "RKP", "Varajäsen", b, "", "1.6.2025", ""],
        ["Sinikka Mäenpää", "Kok.", "henkilökohtainen varajäsen", b, f"sinikka.maenpaa@{dom}", "1.1.2026", "31.5.2027"],
        pad([], w),
    ]
    rows = [
        R("Matti Ylinen", b, "chair", *KH, f"matti.ylinen@{dom}"),
        R("Päivi Kärnä", b, "vice_chair", *KH, f"paivi.karna@{dom}"),
        R("Pöllänen Heikki", b, "member", *KH, ""),
        R("Ritva Häkkinen", b, "member", *KH, f"ritva.hakkinen@{dom}"),
        R("Jyrki Östberg", b, "deputy_member", "2025-06-01", None, ""),
        R("Sinikka Mäenpää", b, "deputy_member", "2026-01-01", "2027-05-31", f"sinikka.maenpaa@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", encoding="cp1252", newline="\r\n",
                      raw_prefix="sep=;\r\n", header_row=2)
    register(fn, family="hand_excel", rows=rows, check=check, notes=(
        "Typed by hand in Excel and saved as 'CSV (semicolon)': Windows-1252, CRLF, "
        "first physical line is Excel's 'sep=;' hint, header on row 2. Roles with "
        "odd case and spaces (' PJ', 'vpj', ' jäsen ', 'JÄSEN'); e-mails in upper/mixed "
        "case with a trailing space are lower-cased and trimmed. 'Pöllänen Heikki' "
        "has no comma so it is kept as written. Empty rows ';;;;;;' skipped. One "
        "missing end date (null); one deputy starting mid-term."))


# --------------------------------------------------------------------------
# 11. Porvoo / Borgå: Swedish headers and roles, CSV


def f_porvoo():
    fn = "porvoo_stadsfullmaktige.csv"
    dom = "borga.example"
    b = "Stadsfullmäktige"
    s, e = "1.6.2025", "31.5.2029"
    w = 8
    table = [
        pad(["Borgå stad – Stadsfullmäktige 2025–2029"], w),
        ["Förnamn", "Efternamn", "Parti", "Organ", "Uppdrag", "Börjar", "Slutar", "E-post"],
        ["Karl-Johan", "Lindroos", "SFP", b, "Ordförande", s, e, f"karl-johan.lindroos@{dom}"],
        ["Ulrika", "Westerlund", "SDP", b, "Första vice ordförande", s, e, f"ulrika.westerlund@{dom}"],
        ["Tuomas", "Niskanen", "Saml.", b, "Andra vice ordförande", s, e, f"tuomas.niskanen@{dom}"],
        ["Birgitta", "Holmström", "SFP", b, "Ledamot", s, e, f"birgitta.holmstrom@{dom}"],
        ["Mats", "Sjöblom", "Gröna", b, "Ledamot", s, e, f"mats.sjoblom@{dom}"],
        ["Linnea", "Wikström", "VF", b, "ledamot", s, e, f"linnea.wikstrom@{dom}"],
        ["Fredrik", "Ekholm", "SFP", b, "Ledamot", s, e, ""],
        ["Camilla", "Enqvist", "SFP", b, "Ersättare", s, e, f"camilla.enqvist@{dom}"],
        ["Johan", "Fagerström", "SDP", b, "Ersättare", s, e, f"johan.fagerstrom@{dom}"],
    ]
    rows = [
        R("Karl-Johan Lindroos", b, "chair", *VT, f"karl-johan.lindroos@{dom}"),
        R("Ulrika Westerlund", b, "first_vice_chair", *VT, f"ulrika.westerlund@{dom}"),
        R("Tuomas Niskanen", b, "second_vice_chair", *VT, f"tuomas.niskanen@{dom}"),
        R("Birgitta Holmström", b, "member", *VT, f"birgitta.holmstrom@{dom}"),
        R("Mats Sjöblom", b, "member", *VT, f"mats.sjoblom@{dom}"),
        R("Linnea Wikström", b, "member", *VT, f"linnea.wikstrom@{dom}"),
        R("Fredrik Ekholm", b, "member", *VT, ""),
        R("Camilla Enqvist", b, "deputy_member", *VT, f"camilla.enqvist@{dom}"),
        R("Johan Fagerström", b, "deputy_member", *VT, f"johan.fagerstrom@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=2)
    register(fn, family="swedish", rows=rows, check=check, notes=(
        "Bilingual city (Porvoo/Borgå) export with Swedish headers: Förnamn, "
        "Efternamn, Parti, Organ, Uppdrag, Börjar, Slutar, E-post. Semicolon, UTF-8 "
        "BOM, CRLF, title row above the header. Roles Ordförande, Första/Andra vice "
        "ordförande, Ledamot, Ersättare."))


# --------------------------------------------------------------------------
# 12. Raasepori / Raseborg: Swedish XLSX with 'Ersättare för'


def f_raseborg():
    fn = "raseborg_stadsstyrelsen.xlsx"
    dom = "raseborg.example"
    b = "Stadsstyrelsen"
    s, e = D(2025, 6, 1), D(2027, 5, 31)
    table = [
        ["Raseborgs stad"],
        ["Förtroendevalda – utskrift 3.6.2025"],
        [],
        ["Organ", "Namn", "Roll", "Ersättare för", "Börjar", "Slutar", "E-post"],
        [b, "Sjöholm, Gunilla", "ordf.", None, s, e, f"gunilla.sjoholm@{dom}"],
        [b, "Kronqvist, Patrik", "vice ordförande", None, s, e, f"patrik.kronqvist@{dom}"],
        [b, "Åberg, Elin", "ledamot", None, s, e, f"elin.aberg@{dom}"],
        [b, "Lönnqvist, Mikael", "ledamot", None, s, e, f"mikael.lonnqvist@{dom}"],
        [b, "Heinonen, Satu", "ledamot", None, s, e, f"satu.heinonen@{dom}"],
        [b, "Nordling, Axel", "ersättare", "Sjöholm, Gunilla", s, e, f"axel.nordling@{dom}"],
        [b, "Grönqvist, Maria", "ersättare", "Kronqvist, Patrik", s, e, None],
        [b, "Wiklund, Jonas", "ersättare", "Åberg, Elin", s, e, f"jonas.wiklund@{dom}"],
        [b, "Hägg, Petra", "sekreterare", None, None, None, f"petra.hagg@{dom}"],
    ]
    rows = [
        R("Gunilla Sjöholm", b, "chair", *KH, f"gunilla.sjoholm@{dom}"),
        R("Patrik Kronqvist", b, "vice_chair", *KH, f"patrik.kronqvist@{dom}"),
        R("Elin Åberg", b, "member", *KH, f"elin.aberg@{dom}"),
        R("Mikael Lönnqvist", b, "member", *KH, f"mikael.lonnqvist@{dom}"),
        R("Satu Heinonen", b, "member", *KH, f"satu.heinonen@{dom}"),
        R("Axel Nordling", b, "deputy_member", *KH, f"axel.nordling@{dom}", "Gunilla Sjöholm"),
        R("Maria Grönqvist", b, "deputy_member", *KH, "", "Patrik Kronqvist"),
        R("Jonas Wiklund", b, "deputy_member", *KH, f"jonas.wiklund@{dom}", "Elin Åberg"),
        R("Petra Hägg", b, "secretary", None, None, f"petra.hagg@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=4, sheet_title="Förtroendevalda")
    register(fn, family="swedish", rows=rows, check=check, notes=(
        "Bilingual town (Raasepori/Raseborg), Swedish XLSX: two title rows and an "
        "empty row, header on row 4. 'Namn' as 'Efternamn, Förnamn'. 'Ersättare för' "
        "holds the member a personal deputy stands in for, also 'Efternamn, "
        "Förnamn' and normalised the same way. Roles 'ordf.', 'vice ordförande', "
        "'ledamot', 'ersättare', 'sekreterare'. Date cells; secretary without dates."))


# --------------------------------------------------------------------------
# 13. Swedish mayor model (invented Norrvik kommun), no date columns


def f_norrvik():
    fn = "norrvik_kommunstyrelsen.xlsx"
    dom = "norrvik.example"
    KS, KF = "Kommunstyrelsen", "Kommunfullmäktige"
    table = [
        ["Namn", "Organ", "Roll", "E-post"],
        ["Bengt Strömberg", KS, "Borgmästare", f"bengt.stromberg@{dom}"],
        ["Anna-Lena Blomqvist", KS, "Biträdande borgmästare", f"anna-lena.blomqvist@{dom}"],
        ["Rasmus Lindell", KS, "Ledamot", f"rasmus.lindell@{dom}"],
        ["Eeva Koskinen", KS, "Ledamot", None],
        ["Henrika Dahlström", KS, "Ersättare", f"henrika.dahlstrom@{dom}"],
        ["Kenneth Sandell", KS, "Föredragande", f"kenneth.sandell@{dom}"],
        ["Josefin Ahlberg", KS, "Sekreterare", f"josefin.ahlberg@{dom}"],
        ["Stig Holmén", KF, "Ordförande", f"stig.holmen@{dom}"],
        ["Ingegerd Lax", KF, "Vice ordförande", None],
    ]
    rows = [
        R("Bengt Strömberg", KS, "mayor", email=f"bengt.stromberg@{dom}"),
        R("Anna-Lena Blomqvist", KS, "deputy_mayor", email=f"anna-lena.blomqvist@{dom}"),
        R("Rasmus Lindell", KS, "member", email=f"rasmus.lindell@{dom}"),
        R("Eeva Koskinen", KS, "member"),
        R("Henrika Dahlström", KS, "deputy_member", email=f"henrika.dahlstrom@{dom}"),
        R("Kenneth Sandell", KS, "presenter", email=f"kenneth.sandell@{dom}"),
        R("Josefin Ahlberg", KS, "secretary", email=f"josefin.ahlberg@{dom}"),
        R("Stig Holmén", KF, "chair", email=f"stig.holmen@{dom}"),
        R("Ingegerd Lax", KF, "vice_chair"),
    ]
    check = write_xlsx(fn, table, header_row=1, sheet_title="Blad1")
    register(fn, family="swedish", rows=rows, check=check, notes=(
        "Swedish-language municipality (invented) with the mayor model: Borgmästare, "
        "Biträdande borgmästare, Föredragande, Sekreterare. No date columns at all, "
        "so starts_on/ends_on are null. Header on row 1."))


# --------------------------------------------------------------------------
# 14. English headers, CSV with separate first/last name


def f_english_csv():
    fn = "english_committee.csv"
    dom = "hamekoski.example"
    T, H = "Tarkastuslautakunta", "Kunnanhallitus"
    table = [
        ["First name", "Last name", "Body", "Role", "Start date", "End date", "Email"],
        ["Laura", "Kivimäki", T, "Chair", "2025-06-01", "2029-05-31", f"laura.kivimaki@{dom}"],
        ["Daniel", "Forsberg", T, "Member", "2025-06-01", "2029-05-31", f"daniel.forsberg@{dom}"],
        ["Emma", "Rasila", T, "Member", "2025-06-01", "2029-05-31", ""],
        ["Joonas", "Keränen", T, "Deputy member", "2025-06-01", "2029-05-31", f"joonas.keranen@{dom}"],
        ["Petra", "Lindgren", T, "Substitute", "2025-06-01", "2029-05-31", f"petra.lindgren@{dom}"],
        ["Oskar", "Nieminen", H, "Chair", "2025-06-01", "2027-05-31", f"oskar.nieminen@{dom}"],
        ["Aleksi", "Hietala", H, "Member", "2025-06-01", "2027-05-31", f"aleksi.hietala@{dom}"],
        ["Iida", "Vuorinen", H, "member", "2025-06-01", "2027-05-31", f"iida.vuorinen@{dom}"],
    ]
    rows = [
        R("Laura Kivimäki", T, "chair", *VT, f"laura.kivimaki@{dom}"),
        R("Daniel Forsberg", T, "member", *VT, f"daniel.forsberg@{dom}"),
        R("Emma Rasila", T, "member", *VT, ""),
        R("Joonas Keränen", T, "deputy_member", *VT, f"joonas.keranen@{dom}"),
        R("Petra Lindgren", T, "deputy_member", *VT, f"petra.lindgren@{dom}"),
        R("Oskar Nieminen", H, "chair", *KH, f"oskar.nieminen@{dom}"),
        R("Aleksi Hietala", H, "member", *KH, f"aleksi.hietala@{dom}"),
        R("Iida Vuorinen", H, "member", *KH, f"iida.vuorinen@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=",", newline="\r\n", header_row=1)
    register(fn, family="english", rows=rows, check=check, notes=(
        "English headers (First name, Last name, Body, Role, Start date, End date, "
        "Email), comma-separated, UTF-8 without BOM, CRLF. Body names stay Finnish as "
        "written. Roles Chair, Member, Deputy member, Substitute."))


# --------------------------------------------------------------------------
# 15. English XLSX: single name column 'Last, First', term column with ' - '


def f_english_xlsx():
    fn = "english_board.xlsx"
    dom = "pohjoisranta.example"
    S, T = "Sivistyslautakunta", "Tekninen lautakunta"
    term = "1.6.2025 - 31.5.2027"
    table = [
        ["Members of municipal bodies – export"],
        ["Name", "Role", "Body", "Term", "Email", "Party"],
        ["Salminen, Roosa", "Chair", S, term, f"roosa.salminen@{dom}", "Kesk."],
        ["Harju-Mäkinen, Ville", "Member", S, term, f"ville.harju-makinen@{dom}", "SDP"],
        ["Strand, Erik", "Member", S, term, None, "RKP"],
        ["Tanskanen, Mirja", "Deputy member", S, term, f"mirja.tanskanen@{dom}", "Kok."],
        ["Backman, Lotta", "Substitute", S, term, f"lotta.backman@{dom}", "Vihr."],
        ["Rönkä, Ismo", "Chair", T, term, f"ismo.ronka@{dom}", "PS"],
        ["Alanko, Jenni", "Member", T, term, f"jenni.alanko@{dom}", "Vas."],
    ]
    rows = [
        R("Roosa Salminen", S, "chair", *KH, f"roosa.salminen@{dom}"),
        R("Ville Harju-Mäkinen", S, "member", *KH, f"ville.harju-makinen@{dom}"),
        R("Erik Strand", S, "member", *KH, ""),
        R("Mirja Tanskanen", S, "deputy_member", *KH, f"mirja.tanskanen@{dom}"),
        R("Lotta Backman", S, "deputy_member", *KH, f"lotta.backman@{dom}"),
        R("Ismo Rönkä", T, "chair", *KH, f"ismo.ronka@{dom}"),
        R("Jenni Alanko", T, "member", *KH, f"jenni.alanko@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=2, sheet_title="Members")
    register(fn, family="english", rows=rows, check=check, notes=(
        "English XLSX: title row, header on row 2 (Name, Role, Body, Term, Email, "
        "Party). Name as 'Last, First'. Term as text '1.6.2025 - 31.5.2027' (space, "
        "hyphen, space). Party ignored."))


# --------------------------------------------------------------------------
# 16. One body, no body column, no dates


def f_single_body():
    fn = "tarkastuslautakunta_yksi_toimielin.csv"
    dom = "lounaspaa.example"
    table = [
        ["Nimi", "Rooli", "Sähköposti"],
        ["Marjatta Kivinen", "puheenjohtaja", f"marjatta.kivinen@{dom}"],
        ["Pasi Uotila", "varapuheenjohtaja", f"pasi.uotila@{dom}"],
        ["Leea Tolonen", "jäsen", f"leea.tolonen@{dom}"],
        ["Kimmo Rautiainen", "jäsen", ""],
        ["Heli Anttila", "jäsen", f"heli.anttila@{dom}"],
        ["Juho Laitinen", "varajäsen", ""],
        ["Maria Sjöberg", "varajäsen", f"maria.sjoberg@{dom}"],
    ]
    rows = [
        R("Marjatta Kivinen", None, "chair", email=f"marjatta.kivinen@{dom}"),
        R("Pasi Uotila", None, "vice_chair", email=f"pasi.uotila@{dom}"),
        R("Leea Tolonen", None, "member", email=f"leea.tolonen@{dom}"),
        R("Kimmo Rautiainen", None, "member"),
        R("Heli Anttila", None, "member", email=f"heli.anttila@{dom}"),
        R("Juho Laitinen", None, "deputy_member"),
        R("Maria Sjöberg", None, "deputy_member", email=f"maria.sjoberg@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", newline="\n", header_row=1)
    register(fn, family="single_body", rows=rows, check=check, notes=(
        "File for one body (Tarkastuslautakunta, chosen in the upload form): no body "
        "column, so body is null. Only Nimi, Rooli, Sähköposti; no dates (null). "
        "Semicolon, UTF-8 without BOM, LF."))


# --------------------------------------------------------------------------
# 17. No role column and no body column; council term column


def f_no_role():
    fn = "valtuusto_ei_roolia.csv"
    dom = "kuusimaki.example"
    people = [
        ("Aalto", "Jaakko", "Kok."), ("Blomberg", "Sara", "RKP"), ("Eronen", "Kari", "PS"),
        ("Haverinen", "Tuija", "Kesk."), ("Jääskeläinen", "Markku", "SDP"),
        ("Kemppainen", "Ella", "Vihr."), ("Lindström", "Niklas", "RKP"),
        ("Moilanen", "Raili", "Kesk."), ("Nurminen", "Juuso", "Vas."),
        ("Partanen", "Anja", "SDP"), ("Rämö", "Tuomas", "PS"), ("Ukkonen", "Hilkka", "KD"),
    ]
    table = [["Sukunimi", "Etunimi", "Puolue", "Valtuustokausi", "Sähköposti"]]
    rows = []
    for i, (sn, fn_, party) in enumerate(people):
        email = "" if i in (4, 9) else f"{ascii_fold(fn_)}.{ascii_fold(sn)}@{dom}"
        table.append([sn, fn_, party, "2025–2029", email])
        rows.append(R(f"{fn_} {sn}", None, "member", *VT, email))
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=1)
    register(fn, family="no_role", rows=rows, check=check, notes=(
        "Council list with no role column and no body column: every row is 'member' "
        "and body is null. Separate Sukunimi/Etunimi columns. 'Valtuustokausi' "
        "column '2025–2029' (en dash) means 2025-06-01..2029-05-31. Semicolon, "
        "UTF-8 BOM, CRLF."))


# --------------------------------------------------------------------------
# 18. Personal deputies with a 'Henkilökohtainen varajäsen kenelle' column


def f_kenelle():
    fn = "varajasenet_kenelle.csv"
    dom = "ylasalmi.example"
    b = "Tarkastuslautakunta"
    s, e = "1.6.2025", "31.5.2029"
    table = [
        ["Nimi", "Toimielin", "Rooli", "Henkilökohtainen varajäsen kenelle", "Alkaa", "Päättyy", "Sähköposti"],
        ["Korpela, Anneli", b, "puheenjohtaja", "", s, e, f"anneli.korpela@{dom}"],
        ["Miettinen, Harri", b, "varapuheenjohtaja", "", s, e, f"harri.miettinen@{dom}"],
        ["Sjögren, Nina", b, "jäsen", "", s, e, f"nina.sjogren@{dom}"],
        ["Toivonen, Lauri", b, "jäsen", "", s, e, ""],
        ["Kallio-Ahonen, Pia", b, "jäsen", "", s, e, f"pia.kallio-ahonen@{dom}"],
        ["Haapanen, Veera", b, "henkilökohtainen varajäsen", "Korpela, Anneli", s, e, f"veera.haapanen@{dom}"],
        ["Lindroth, Mikael", b, "henkilökohtainen varajäsen", "Miettinen, Harri", s, e, ""],
        ["Pesola, Aino-Maria", b, "henkilökohtainen varajäsen", "Sjögren, Nina", s, e, f"aino-maria.pesola@{dom}"],
        ["Uusitalo, Jere", b, "henkilökohtainen varajäsen", "Toivonen, Lauri", s, e, f"jere.uusitalo@{dom}"],
        ["Ranta, Eveliina", b, "henkilökohtainen varajäsen", "Kallio-Ahonen, Pia", s, e, f"eveliina.ranta@{dom}"],
    ]
    rows = [
        R("Anneli Korpela", b, "chair", *VT, f"anneli.korpela@{dom}"),
        R("Harri Miettinen", b, "vice_chair", *VT, f"harri.miettinen@{dom}"),
        R("Nina Sjögren", b, "member", *VT, f"nina.sjogren@{dom}"),
        R("Lauri Toivonen", b, "member", *VT, ""),
        R("Pia Kallio-Ahonen", b, "member", *VT, f"pia.kallio-ahonen@{dom}"),
        R("Veera Haapanen", b, "deputy_member", *VT, f"veera.haapanen@{dom}", "Anneli Korpela"),
        R("Mikael Lindroth", b, "deputy_member", *VT, "", "Harri Miettinen"),
        R("Aino-Maria Pesola", b, "deputy_member", *VT, f"aino-maria.pesola@{dom}", "Nina Sjögren"),
        R("Jere Uusitalo", b, "deputy_member", *VT, f"jere.uusitalo@{dom}", "Lauri Toivonen"),
        R("Eveliina Ranta", b, "deputy_member", *VT, f"eveliina.ranta@{dom}", "Pia Kallio-Ahonen"),
    ]
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=1)
    register(fn, family="personal_deputies", rows=rows, check=check, notes=(
        "Personal deputies: 'Henkilökohtainen varajäsen kenelle' column names the "
        "member as 'Sukunimi, Etunimi', normalised to 'Etunimi Sukunimi' like the "
        "name column (unquoted commas are fine in a semicolon file). Members first, "
        "then their deputies. Role 'henkilökohtainen varajäsen'."))


# --------------------------------------------------------------------------
# 19. Personal deputies, XLSX, 'Varajäsen jäsenelle', no body column


def f_jasenelle():
    fn = "varajasen_jasenelle.xlsx"
    dom = "rautalahti.example"
    term = "1.6.2025–31.5.2027"
    table = [
        ["Sivistyslautakunta 2025–2027 – jäsenet ja henkilökohtaiset varajäsenet"],
        ["Etunimi", "Sukunimi", "Rooli", "Varajäsen jäsenelle", "Sähköposti", "Toimikausi"],
        ["Outi", "Parviainen", "puheenjohtaja", None, f"outi.parviainen@{dom}", term],
        ["Sebastian", "Holmberg", "henkilökohtainen varajäsen", "Outi Parviainen", f"sebastian.holmberg@{dom}", term],
        ["Jenna", "Karppinen", "I varapuheenjohtaja", None, f"jenna.karppinen@{dom}", term],
        ["Aleksanteri", "Niemelä", "henkilökohtainen varajäsen", "Jenna Karppinen", None, term],
        ["Raija", "Tikkanen", "varsinainen jäsen", None, f"raija.tikkanen@{dom}", term],
        ["Mirva", "Hautala", "henkilökohtainen varajäsen", "Raija Tikkanen", f"mirva.hautala@{dom}", term],
        ["Pentti", "Saukko", "varsinainen jäsen", None, f"pentti.saukko@{dom}", term],
        ["Ronja", "Lehikoinen", "henkilökohtainen varajäsen", "Pentti Saukko", f"ronja.lehikoinen@{dom}", term],
    ]
    rows = [
        R("Outi Parviainen", None, "chair", *KH, f"outi.parviainen@{dom}"),
        R("Sebastian Holmberg", None, "deputy_member", *KH, f"sebastian.holmberg@{dom}", "Outi Parviainen"),
        R("Jenna Karppinen", None, "first_vice_chair", *KH, f"jenna.karppinen@{dom}"),
        R("Aleksanteri Niemelä", None, "deputy_member", *KH, "", "Jenna Karppinen"),
        R("Raija Tikkanen", None, "member", *KH, f"raija.tikkanen@{dom}"),
        R("Mirva Hautala", None, "deputy_member", *KH, f"mirva.hautala@{dom}", "Raija Tikkanen"),
        R("Pentti Saukko", None, "member", *KH, f"pentti.saukko@{dom}"),
        R("Ronja Lehikoinen", None, "deputy_member", *KH, f"ronja.lehikoinen@{dom}", "Pentti Saukko"),
    ]
    check = write_xlsx(fn, table, header_row=2, sheet_title="Sivistyslautakunta")
    register(fn, family="personal_deputies", rows=rows, check=check, notes=(
        "XLSX for one body (named only in the title row, no body column, so body is "
        "null). Each member is followed by their personal deputy; 'Varajäsen "
        "jäsenelle' holds 'Etunimi Sukunimi' (no comma, kept as written). Separate "
        "Etunimi/Sukunimi columns. Roles 'varsinainen jäsen', 'henkilökohtainen "
        "varajäsen', 'I varapuheenjohtaja'. Term text '1.6.2025–31.5.2027'."))


# --------------------------------------------------------------------------
# 20. Mayor model, Finnish


def f_mayor():
    fn = "pormestari_johtoryhma.csv"
    dom = "lounaspaa.example"
    P, K = "Poliittinen johtoryhmä", "Kaupunginhallitus"
    v0, v1 = "2025-06-01", "2029-05-31"
    k1 = "2027-05-31"
    table = [
        ["Toimielin", "Nimi", "Rooli", "Alkaa", "Päättyy", "Sähköposti"],
        [P, "Antero Vesala", "pormestari", v0, v1, f"pormestari@{dom}"],
        [P, "Kaija Honkala", "apulaispormestari", v0, v1, f"kaija.honkala@{dom}"],
        [P, "Lauri Sirviö", "apulaispormestari", v0, v1, f"lauri.sirvio@{dom}"],
        [P, "Mervi Räty", "jäsen", v0, v1, f"mervi.raty@{dom}"],
        [P, "Niko Heinämäki", "jäsen", v0, v1, ""],
        [P, "Susanna Kolehmainen", "sihteeri", "", "", f"susanna.kolehmainen@{dom}"],
        [K, "Antero Vesala", "Pormestari", v0, k1, f"pormestari@{dom}"],
        [K, "Kaija Honkala", "Apulaispormestari", v0, k1, f"kaija.honkala@{dom}"],
        [K, "Teemu Kari", "Jäsen", v0, k1, f"teemu.kari@{dom}"],
        [K, "Minna-Liisa Ahola", "Varajäsen", v0, k1, f"minna-liisa.ahola@{dom}"],
        [K, "Jarmo Lindqvist", "Esittelijä", "", "", f"jarmo.lindqvist@{dom}"],
        [K, "Henna Virolainen", "Pöytäkirjanpitäjä", "", "", f"henna.virolainen@{dom}"],
    ]
    rows = [
        R("Antero Vesala", P, "mayor", *VT, f"pormestari@{dom}"),
        R("Kaija Honkala", P, "deputy_mayor", *VT, f"kaija.honkala@{dom}"),
        R("Lauri Sirviö", P, "deputy_mayor", *VT, f"lauri.sirvio@{dom}"),
        R("Mervi Räty", P, "member", *VT, f"mervi.raty@{dom}"),
        R("Niko Heinämäki", P, "member", *VT, ""),
        R("Susanna Kolehmainen", P, "secretary", None, None, f"susanna.kolehmainen@{dom}"),
        R("Antero Vesala", K, "mayor", *KH, f"pormestari@{dom}"),
        R("Kaija Honkala", K, "deputy_mayor", *KH, f"kaija.honkala@{dom}"),
        R("Teemu Kari", K, "member", *KH, f"teemu.kari@{dom}"),
        R("Minna-Liisa Ahola", K, "deputy_member", *KH, f"minna-liisa.ahola@{dom}"),
        R("Jarmo Lindqvist", K, "presenter", None, None, f"jarmo.lindqvist@{dom}"),
        R("Henna Virolainen", K, "secretary", None, None, f"henna.virolainen@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=1)
    register(fn, family="mayor_model", rows=rows, check=check, notes=(
        "City with the mayor model: Poliittinen johtoryhmä and Kaupunginhallitus with "
        "pormestari, apulaispormestari, sihteeri, esittelijä, pöytäkirjanpitäjä. The "
        "mayor and a deputy mayor appear in both bodies. ISO dates; staff rows have "
        "no dates. A role-based e-mail (pormestari@…) is kept as is."))


# --------------------------------------------------------------------------
# 21. Term column in many spellings


def f_term_forms():
    fn = "toimikausi_muodot.csv"
    dom = "kalliojoki.example"
    H, V, T = "Kunnanhallitus", "Kunnanvaltuusto", "Tarkastuslautakunta"
    table = [
        ["Nimi", "Toimielin", "Rooli", "Toimikausi", "Sähköposti"],
        ["Reetta Kauppila", H, "puheenjohtaja", "1.6.2025–31.5.2027", f"reetta.kauppila@{dom}"],
        ["Mauno Hyttinen", H, "jäsen", "1.6.2025-31.5.2027", ""],
        ["Sini Peltola", H, "jäsen", "1.6.2025 - 31.5.2027", f"sini.peltola@{dom}"],
        ["Tommi Ruotsalainen", H, "varajäsen", "01.06.2025–31.12.2026", ""],
        ["Elina Lax", H, "varajäsen", "1.1.2027 - 31.5.2027", f"elina.lax@{dom}"],
        ["Arvo Pietilä", V, "puheenjohtaja", "2025–2029", f"arvo.pietila@{dom}"],
        ["Ulla Mattila", V, "jäsen", "2025-2029", f"ulla.mattila@{dom}"],
        ["Kalevi Nykänen", V, "jäsen", "2025-06-01–2029-05-31", ""],
        ["Sanna-Mari Aho", V, "varajäsen", "", f"sanna-mari.aho@{dom}"],
        ["Onni Rauhala", T, "puheenjohtaja", "1.6.2025 – 31.5.2029", f"onni.rauhala@{dom}"],
    ]
    rows = [
        R("Reetta Kauppila", H, "chair", *KH, f"reetta.kauppila@{dom}"),
        R("Mauno Hyttinen", H, "member", *KH, ""),
        R("Sini Peltola", H, "member", *KH, f"sini.peltola@{dom}"),
        R("Tommi Ruotsalainen", H, "deputy_member", "2025-06-01", "2026-12-31", ""),
        R("Elina Lax", H, "deputy_member", "2027-01-01", "2027-05-31", f"elina.lax@{dom}"),
        R("Arvo Pietilä", V, "chair", *VT, f"arvo.pietila@{dom}"),
        R("Ulla Mattila", V, "member", *VT, f"ulla.mattila@{dom}"),
        R("Kalevi Nykänen", V, "member", *VT, ""),
        R("Sanna-Mari Aho", V, "deputy_member", None, None, f"sanna-mari.aho@{dom}"),
        R("Onni Rauhala", T, "chair", *VT, f"onni.rauhala@{dom}"),
    ]
    check = write_csv(fn, table, delimiter=";", newline="\n", header_row=1)
    register(fn, family="term_column", rows=rows, check=check, notes=(
        "One 'Toimikausi' column in every spelling: en dash, hyphen, ' - ', leading "
        "zeros, a short mid-term period, council term '2025–2029' and '2025-2029' "
        "(both -> 2025-06-01..2029-05-31), ISO dates joined by an en dash, en dash "
        "with spaces (' – '), and an empty term (null/null). Semicolon, UTF-8, LF."))


# --------------------------------------------------------------------------
# 22. Mixed date formats in separate columns, no e-mail column


def f_date_formats():
    fn = "paivamuodot_sekaisin.csv"
    b = "Ympäristölautakunta"
    table = [
        ["Nimi", "Toimielin", "Rooli", "Alkaa", "Päättyy"],
        ["Harri Lappalainen", b, "puheenjohtaja", "1.6.2025", "31.5.2027"],
        ["Anu Kärki", b, "varapuheenjohtaja", "01.06.2025", "31.05.2027"],
        ["Jussi Vuorela", b, "jäsen", "2025-06-01", "2027-05-31"],
        ["Tiia Lehto", b, "jäsen", "1.6.2025", "31.12.2025"],
        ["Kaarlo Hurme", b, "jäsen", "1.1.2026", "31.5.2027"],
        ["Elsa Wahlroos", b, "varajäsen", "2025-06-01", ""],
        ["Reino Kettula", b, "varajäsen", "", ""],
    ]
    rows = [
        R("Harri Lappalainen", b, "chair", *KH),
        R("Anu Kärki", b, "vice_chair", *KH),
        R("Jussi Vuorela", b, "member", *KH),
        R("Tiia Lehto", b, "member", "2025-06-01", "2025-12-31"),
        R("Kaarlo Hurme", b, "member", "2026-01-01", "2027-05-31"),
        R("Elsa Wahlroos", b, "deputy_member", "2025-06-01", None),
        R("Reino Kettula", b, "deputy_member", None, None),
    ]
    check = write_csv(fn, table, delimiter=",", newline="\n", header_row=1)
    register(fn, family="date_formats", rows=rows, check=check, notes=(
        "Comma-separated, UTF-8, LF, no e-mail column (email ''). Start/end dates mix "
        "'1.6.2025', '01.06.2025' and '2025-06-01' in the same columns; a resigned "
        "member and their replacement; missing end date and missing both dates give "
        "null."))


# --------------------------------------------------------------------------
# 23. Many extra columns, unusual order, quoted separators and quotes


def f_extra_columns():
    fn = "ylimaaraiset_sarakkeet.csv"
    b = "Tekninen lautakunta"
    s, e = "1.6.2025", "31.5.2027"
    table = [
        ["Puhelin", "Osoite", "Postinumero", "Postitoimipaikka", "Sähköposti", "Syntymävuosi",
         "Kotikunta", "Nimi", "Puolue", "Ryhmä", "Rooli", "Toimielin", "Alkaa", "Päättyy"],
        ["040 765 4321", "Koulutie 3; B 12", "12345", "Hämekoski", " Eila.Kantonen@Example.com ", "1957",
         "Hämekoski", "Eila Kantonen", "Kesk.", "Keskustan valtuustoryhmä", "puheenjohtaja", b, s, e],
        ["", "Rantatie 14", "12340", "Hämekoski", "risto.vaara@example.net", "1966",
         "Hämekoski", "Risto Vaara", "Sit.", 'Valtuustoryhmä "Yhteislista"', "varapuheenjohtaja", b, s, e],
        ["050 123 9876", "Myllytie 2 A; 3. krs", "12350", "Hämekoski", "", "1988",
         "Hämekoski", "Johanna Linna", "SDP", "SDP:n valtuustoryhmä", "jäsen", b, s, e],
        ["", "", "", "", "m.ahlqvist@example.org", "1979",
         "Naapurila", "Mikaela Ahlqvist", "RKP", "RKP; Vihreät (yhteisryhmä)", "jäsen", b, s, e],
        ["044 555 0000", "Kirkkotie 5", "12345", "Hämekoski", "TAUNO.KORHONEN@EXAMPLE.COM", "1950",
         "Hämekoski", "Tauno Korhonen", "PS", "", "varajäsen", b, s, e],
    ]
    rows = [
        R("Eila Kantonen", b, "chair", *KH, "eila.kantonen@example.com"),
        R("Risto Vaara", b, "vice_chair", *KH, "risto.vaara@example.net"),
        R("Johanna Linna", b, "member", *KH, ""),
        R("Mikaela Ahlqvist", b, "member", *KH, "m.ahlqvist@example.org"),
        R("Tauno Korhonen", b, "deputy_member", *KH, "tauno.korhonen@example.com"),
    ]
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=1)
    register(fn, family="extra_columns", rows=rows, check=check, notes=(
        "14 columns of which only Sähköposti, Nimi, Rooli, Toimielin, Alkaa, Päättyy "
        "matter; name column in the middle. Quoted fields contain the separator "
        "('Koulutie 3; B 12') and doubled quotes ('Valtuustoryhmä \"Yhteislista\"'). "
        "E-mails with surrounding spaces / upper case are trimmed and lower-cased. "
        "Semicolon, UTF-8 BOM, CRLF."))


# --------------------------------------------------------------------------
# 24. Upper-case headers with stray spaces, surname column first, text dates


def f_header_case():
    fn = "otsikot_isoilla.xlsx"
    dom = "mantyvaara.example"
    b = "Tekninen lautakunta"
    s, e = "01.06.2025", "31.05.2027"
    table = [
        ["SUKUNIMI ", " ETUNIMI", "TOIMIELIN", "ROOLI", "ALKAA", "PÄÄTTYY", "SÄHKÖPOSTI"],
        ["Kuula", "Petra", b, "PUHEENJOHTAJA", s, e, f"petra.kuula@{dom}"],
        ["Heikkinen", "Oskar", b, "VARAPUHEENJOHTAJA", s, e, f"oskar.heikkinen@{dom}"],
        ["Ström", "Maja", b, "JÄSEN", s, e, f"maja.strom@{dom}"],
        ["Tirkkonen", "Valtteri", b, "JÄSEN", s, e, None],
        ["Aarnio", "Helinä", b, "VARAJÄSEN", s, e, f"helina.aarnio@{dom}"],
    ]
    rows = [
        R("Petra Kuula", b, "chair", *KH, f"petra.kuula@{dom}"),
        R("Oskar Heikkinen", b, "vice_chair", *KH, f"oskar.heikkinen@{dom}"),
        R("Maja Ström", b, "member", *KH, f"maja.strom@{dom}"),
        R("Valtteri Tirkkonen", b, "member", *KH, ""),
        R("Helinä Aarnio", b, "deputy_member", *KH, f"helina.aarnio@{dom}"),
    ]
    check = write_xlsx(fn, table, header_row=1, sheet_title="Taul1")
    register(fn, family="header_case", rows=rows, check=check, notes=(
        "XLSX whose header cells are upper case with stray spaces ('SUKUNIMI ', "
        "' ETUNIMI'); surname column before first-name column. Upper-case role words. "
        "Dates are text cells '01.06.2025' rather than date cells."))


# --------------------------------------------------------------------------
# 25. Full-size council (43 rows)


FIRST = [
    "Aapo", "Anni", "Eetu", "Elli", "Hannu", "Heidi", "Ismo", "Jaana", "Jarkko", "Johanna",
    "Kaarina", "Keijo", "Kristian", "Laila", "Lassi", "Maarit", "Markus", "Mirja", "Nea",
    "Olavi", "Paula", "Pekka", "Pia", "Raimo", "Riikka-Liisa", "Sakari", "Seija", "Tapani",
    "Terhi", "Tuukka", "Ulla-Maija", "Vesa", "Viivi", "Ylva", "Åke", "Emilia", "Joel",
    "Kerttu", "Leevi", "Martta", "Niilo", "Oona", "Rasmus",
]
LAST = [
    "Ahlgren", "Auvinen", "Backström", "Ekman", "Hakkarainen", "Hyvärinen", "Ijäs", "Jokinen",
    "Kaartinen", "Kangas", "Kervinen", "Kolari", "Kumpulainen", "Lagerström", "Lehmusvaara",
    "Lundell", "Meriläinen", "Mäntylä", "Naakka", "Oinonen", "Parkkinen", "Pihlaja",
    "Pöntinen", "Rajaniemi", "Sahlberg", "Sievänen", "Suutari", "Taipale", "Tervonen",
    "Tuovinen", "Ukkola", "Vartiainen", "Vesterlund", "Wallin", "Ylitalo", "Åström",
    "Ämmälä", "Örn", "Heikura", "Kuosmanen", "Lötjönen", "Nisula", "Rinta-Jouppi",
]


def ascii_fold(s):
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "a", "Ö": "o", "Å": "a", "é": "e"})
    return s.translate(table).lower()


def f_volume():
    fn = "valtuusto_43_jasenta.csv"
    dom = "narhila.example"
    b = "Kunnanvaltuusto"
    assert len(FIRST) == len(LAST) == 43
    parties = ["Kesk.", "Kok.", "SDP", "PS", "Vihr.", "Vas.", "RKP", "KD"]
    table = [["Nimi", "Toimielin", "Rooli", "Valtuustokausi", "Puolue", "Sähköposti"]]
    rows = []
    for i, (f, l) in enumerate(zip(FIRST, LAST)):
        if i == 0:
            raw_role, role = "puheenjohtaja", "chair"
        elif i == 1:
            raw_role, role = "I varapuheenjohtaja", "first_vice_chair"
        elif i == 2:
            raw_role, role = "II varapuheenjohtaja", "second_vice_chair"
        elif i < 35:
            raw_role, role = "jäsen", "member"
        else:
            raw_role, role = "varajäsen", "deputy_member"
        email = "" if i % 7 == 6 else f"{ascii_fold(f)}.{ascii_fold(l)}@{dom}"
        table.append([f"{l}, {f}", b, raw_role, "2025–2029", parties[i % len(parties)], email])
        rows.append(R(f"{f} {l}", b, role, *VT, email))
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=1)
    register(fn, family="volume", rows=rows, check=check, notes=(
        "Full council of 35 members and 8 deputies (43 rows). Names 'Sukunimi, "
        "Etunimi' (including Å/Ä/Ö-initial surnames and hyphenated names), "
        "council-term column '2025–2029', every seventh e-mail missing. Semicolon, "
        "UTF-8 BOM, CRLF."))


# --------------------------------------------------------------------------
# Bad input


def f_bad_one_of_ten():
    fn = "virhe_yksi_rivi_kymmenesta.csv"
    dom = "kuusimaki.example"
    b = "Rakennuslautakunta"
    w = 6
    people = [
        ("Pirkko Lahtela", "puheenjohtaja", "chair"),
        ("Seppo Karvonen", "varapuheenjohtaja", "vice_chair"),
        ("Anna Huovinen", "jäsen", "member"),
        ("Mikael Ström", "jäsen", "member"),
        ("Tiina Kontio", "jäsen", "member"),
        ("Jaakko Männistö", "jäsen", "member"),       # row 8: bad date
        ("Liisa Rönnqvist", "jäsen", "member"),
        ("Erno Salmela", "varajäsen", "deputy_member"),
        ("Kaija Viitala", "varajäsen", "deputy_member"),
        ("Henri Ojanen", "varajäsen", "deputy_member"),
    ]
    table = [pad(["Rakennuslautakunta 2025–2027"], w),
             ["Nimi", "Toimielin", "Rooli", "Alkaa", "Päättyy", "Sähköposti"]]
    rows = []
    bad_row = 8
    for i, (name, raw_role, role) in enumerate(people):
        physical = 3 + i
        first, last = name.split(" ")
        email = f"{ascii_fold(first)}.{ascii_fold(last)}@{dom}"
        start = "31.6.2025" if physical == bad_row else "1.6.2025"
        table.append([name, b, raw_role, start, "31.5.2027", email])
        if physical != bad_row:
            rows.append(R(name, b, role, *KH, email))
    assert len(rows) == 9
    check = write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=2)
    register(fn, family="bad_rows", rows=rows, errors=[(bad_row, "bad_date")], check=check, notes=(
        "Ten member rows, one bad: physical row 8 (title row 1, header row 2) has "
        "start date '31.6.2025' (June has 30 days) -> bad_date; that row is left out "
        "and the other nine rows are read normally. Semicolon, UTF-8 BOM, CRLF."))


def f_bad_several_xlsx():
    fn = "virhe_useita_riveja.xlsx"
    dom = "jarvela.example"
    b = "Kunnanhallitus"
    s, e = D(2025, 6, 1), D(2027, 5, 31)
    table = [
        ["Kunnanhallituksen jäsenet"],                                                    # 1
        [],                                                                              # 2
        ["Toimielin", "Nimi", "Rooli", "Alkaa", "Päättyy", "Sähköposti"],               # 3
        [b, "Eveliina Vuori", "puheenjohtaja", s, e, f"eveliina.vuori@{dom}"],          # 4
        [b, "Harri Kiiskinen", "varapuheenjohtaja", s, e, f"harri.kiiskinen@{dom}"],    # 5
        [b, None, "jäsen", s, e, f"tuntematon@{dom}"],                                  # 6 no_name
        [b, "Sari Laakso", "jäsen", s, e, f"sari.laakso@{dom}"],                        # 7
        [b, "Petteri Ojala", "rahastonhoitaja", s, e, f"petteri.ojala@{dom}"],          # 8 bad_role
        [b, "Kirsi Nygård", "jäsen", s, e, None],                                       # 9
        [b, "Tomi Rauta", "jäsen", s, D(2024, 5, 31), f"tomi.rauta@{dom}"],             # 10 ends_before_start
        [b, "Annukka Perälä", "varajäsen", "kesäkuu 2025", e, f"annukka.perala@{dom}"], # 11 bad_date
        [],                                                                              # 12 empty, skipped
        [b, "Joni Virta", "varajäsen", s, e, f"joni.virta@{dom}"],                      # 13
    ]
    rows = [
        R("Eveliina Vuori", b, "chair", *KH, f"eveliina.vuori@{dom}"),
        R("Harri Kiiskinen", b, "vice_chair", *KH, f"harri.kiiskinen@{dom}"),
        R("Sari Laakso", b, "member", *KH, f"sari.laakso@{dom}"),
        R("Kirsi Nygård", b, "member", *KH, ""),
        R("Joni Virta", b, "deputy_member", *KH, f"joni.virta@{dom}"),
    ]
    errors = [(6, "no_name"), (8, "bad_role"), (10, "ends_before_start"), (11, "bad_date")]
    check = write_xlsx(fn, table, header_row=3, sheet_title="Kunnanhallitus")
    register(fn, family="bad_rows", rows=rows, errors=errors, check=check, notes=(
        "XLSX with title row and empty row above the header (header on sheet row 3). "
        "Four bad rows, one error each: row 6 has body/role/dates/e-mail but no name "
        "(no_name); row 8 role 'rahastonhoitaja' (bad_role); row 10 ends 31.5.2024 "
        "before it starts 1.6.2025 (ends_before_start, date cells); row 11 start "
        "'kesäkuu 2025' (bad_date). Sheet row 12 is empty and skipped; row 13 is good."))


def f_bad_no_header():
    fn = "virhe_ei_otsikkoa.csv"
    dom = "hamekoski.example"
    table = [
        ["Kettunen Maija", "Kunnanhallitus", "puheenjohtaja", "1.6.2025", "31.5.2027", f"maija.kettunen@{dom}"],
        ["Rantala Jouni", "Kunnanhallitus", "jäsen", "1.6.2025", "31.5.2027", f"jouni.rantala@{dom}"],
        ["Heikkilä Tuula", "Kunnanhallitus", "jäsen", "1.6.2025", "31.5.2027", ""],
        ["Koskela Pertti", "Kunnanhallitus", "varajäsen", "1.6.2025", "31.5.2027", f"pertti.koskela@{dom}"],
    ]
    write_csv(fn, table, delimiter=";", bom=True, newline="\r\n", header_row=0)
    register_refused(fn, "no_header", family="bad_file", notes=(
        "Semicolon CSV with data rows only; the header row was deleted, so no row "
        "can be recognised as a header -> refused as a whole (no_header)."))


def f_bad_pdf():
    fn = "virhe_pdf_nimetty.csv"
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Toimielimen jasenet) Tj ET\n" * 4)
    objs = [
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n",
        b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content + b"\nendstream\nendobj\n",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for o in objs:
        offsets.append(len(out))
        out += o
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    (HERE / fn).write_bytes(bytes(out))
    register_refused(fn, "not_a_table", family="bad_file", notes=(
        "A small PDF document (with a compressed binary stream) renamed to .csv "
        "-> not_a_table."))


def f_bad_empty():
    fn = "virhe_tyhja.csv"
    (HERE / fn).write_bytes(b"")
    register_refused(fn, "empty", family="bad_file", notes="Zero-byte file -> empty.")


def f_bad_binary():
    fn = "virhe_binaari.xlsx"
    rng = random.Random(20250601)
    blob = bytes([0x00, 0x01, 0xFE, 0xED]) + bytes(rng.randrange(256) for _ in range(4092))
    (HERE / fn).write_bytes(blob)
    register_refused(fn, "not_a_table", family="bad_file", notes=(
        "4 KiB of deterministic random bytes named .xlsx (not a ZIP/OOXML file) "
        "-> not_a_table."))


GENERATORS = [
    f_dynasty_kunnanhallitus, f_dynasty_lautakunnat_cp1252, f_casem_valtuusto,
    f_casem_kaupunginhallitus, f_tweb_tab, f_innofactor, f_cloudia_csv, f_cloudia_blocks,
    f_hand_merged, f_hand_cp1252, f_porvoo, f_raseborg, f_norrvik, f_english_csv,
    f_english_xlsx, f_single_body, f_no_role, f_kenelle, f_jasenelle, f_mayor,
    f_term_forms, f_date_formats, f_extra_columns, f_header_case, f_volume,
    f_bad_one_of_ten, f_bad_several_xlsx, f_bad_no_header, f_bad_pdf, f_bad_empty,
    f_bad_binary,
]


# --------------------------------------------------------------------------
# expected.json and README.md


def write_expected():
    data = {name: CORPUS[name]["expected"] for name in sorted(CORPUS)}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (HERE / "expected.json").write_text(text, encoding="utf-8")


README_HEAD = """\
# Body-member upload corpus

Test inputs for the reader that imports the members of a municipality's bodies
(kunnanvaltuusto, kunnanhallitus, lautakunnat, poliittinen johtoryhmä …) from a
file exported from a meeting/case-management system or typed in Excel.

## Provenance

* Written from a brief describing the expected behaviour of the reader; no
  real export files and no project code were consulted.  The "Dynasty",
  "CaseM", "Tweb", "Innofactor" and "Cloudia" files imitate the *kind* of
  layout such systems produce (title rows, timestamps, BOM, encodings); they are
  not copies of real exports.
* Every person is invented.  Names are common Finnish and Finland-Swedish
  first names and surnames combined at random; none is meant to be a real
  politician.  E-mail domains use the reserved `.example` TLD (plus
  `example.com/.net/.org`).  Municipalities are invented except that the
  Swedish-language files are set in the bilingual towns Porvoo/Borgå and
  Raasepori/Raseborg.
* All files are produced by `generate.py` (standard library + openpyxl);
  `expected.json` and this README are generated too.  Regenerate with

      .venv/bin/python tests/onboarding/members_corpus/generate.py

  The script ends with a self-check that re-reads every CSV with the `csv`
  module and every XLSX with openpyxl and compares row counts, error rows,
  names and e-mails with `expected.json`.  Output is deterministic
  (fixed XLSX timestamps, seeded random blob), so regenerating gives
  byte-identical files.

## expected.json

Keyed by file name.  Either `{"refused": "no_header" | "not_a_table" | "empty"}`
or `{"rows": [...], "errors": [[row, code], ...], "family": ..., "notes": ...}`.
Each row has `name`, `body`, `role`, `starts_on`, `ends_on`, `email`,
`substitute_for`, in file order.  Error rows are 1-based physical rows (CSV:
every line, including title, `sep=;` and empty lines; XLSX: sheet row number)
and are not included in `rows`.

Conventions encoded in the expectations:

* separate first/last-name columns -> "Etunimi Sukunimi"; a single column
  "Sukunimi, Etunimi" -> "Etunimi Sukunimi"; a single column without a comma
  is kept as written (see `kasin_excel_cp1252.csv`, "Pöllänen Heikki");
* `body` is null when there is no body column; in block layouts
  (`cloudia_lohkot.xlsx`, `kasin_yhdistetyt_solut.xlsx`) a blank or merged body
  cell inherits the body above it;
* no role column -> every row `member`;
* a council term "2025–2029" (or "2025-2029") -> 2025-06-01 .. 2029-05-31;
* e-mails are trimmed and lower-cased, "" when absent.

## Files
"""


def write_readme():
    fams = {}
    for name in CORPUS:
        fams.setdefault(CORPUS[name]["family"], []).append(name)
    lines = [README_HEAD]
    lines.append(f"{len(CORPUS)} input files in {len(fams)} families.\n")
    lines.append("| file | family | expected | notes |")
    lines.append("|---|---|---|---|")
    for name in sorted(CORPUS):
        ent = CORPUS[name]
        exp = ent["expected"]
        if "refused" in exp:
            what = f"refused: {exp['refused']}"
        else:
            what = f"{len(exp['rows'])} rows"
            if exp["errors"]:
                what += ", errors " + ", ".join(f"{r}:{c}" for r, c in exp["errors"])
        notes = ent["notes"].replace("|", "\\|")
        lines.append(f"| `{name}` | {ent['family']} | {what} | {notes} |")
    (HERE / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------
# self-check


ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EMAIL_RE = re.compile(r"^[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]+$")


def _cell_text(v):
    if v is None:
        return ""
    if isinstance(v, datetime):
        v = v.date()
    if isinstance(v, date):
        return f"{v.isoformat()} {v.day}.{v.month}.{v.year}"
    return str(v)


def _read_csv_rows(path, chk):
    raw = path.read_bytes()
    if chk["bom"]:
        assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: BOM missing"
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: unexpected BOM"
    text = raw.decode(chk["encoding"])
    if chk["encoding"] == "cp1252":
        # really cp1252 and not UTF-8
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError(f"{path.name}: cp1252 file also decodes as UTF-8")
    nl = chk["newline"]
    if nl == "\r\n":
        assert "\n" not in text.replace("\r\n", ""), f"{path.name}: mixed line endings"
    else:
        assert "\r" not in text, f"{path.name}: CR in LF file"
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=chk["delimiter"]))
    physical_lines = text.count("\n")
    assert len(rows) == physical_lines, (
        f"{path.name}: {len(rows)} csv records vs {physical_lines} physical lines")
    return [[c for c in r] for r in rows]


def _read_xlsx_rows(path):
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert len(wb.worksheets) == 1
    return [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]


def _check_row_values(fname, rownum, cells, exp):
    text = " ".join(cells)
    low = text.lower()
    for token in exp["name"].split():
        assert token in text, f"{fname} row {rownum}: name part {token!r} not in {cells}"
    if exp["email"]:
        assert exp["email"] in low, f"{fname} row {rownum}: {exp['email']!r} not in {cells}"
    else:
        assert "@" not in text, f"{fname} row {rownum}: e-mail present but expected ''"
    if exp["substitute_for"]:
        for token in exp["substitute_for"].split():
            assert token in text, f"{fname} row {rownum}: substitute part {token!r} missing"
    for key in ("starts_on", "ends_on"):
        if exp[key]:
            assert exp[key][:4] in text, f"{fname} row {rownum}: year of {key} not in row"


def self_check():
    problems = []
    present = {p.name for p in HERE.iterdir()} - OWN_FILES
    if present != set(CORPUS):
        problems.append(f"directory/corpus mismatch: extra={sorted(present - set(CORPUS))} "
                        f"missing={sorted(set(CORPUS) - present)}")
    assert len(CORPUS) >= 24
    with open(HERE / "expected.json", encoding="utf-8") as fh:
        expected = json.load(fh)
    assert set(expected) == set(CORPUS)

    for fname, ent in CORPUS.items():
        exp = expected[fname]
        path = HERE / fname
        try:
            if "refused" in exp:
                assert set(exp) == {"refused"}
                code = exp["refused"]
                assert code in REFUSAL_CODES
                raw = path.read_bytes()
                if code == "empty":
                    assert raw == b""
                elif code == "not_a_table":
                    assert raw and not raw.startswith(b"PK")
                    assert b"\x00" in raw or raw.startswith(b"%PDF")
                elif code == "no_header":
                    assert raw.strip()
                continue

            assert set(exp) == {"rows", "errors", "family", "notes"}
            for r in exp["rows"]:
                assert list(r) == ["name", "body", "role", "starts_on", "ends_on",
                                   "email", "substitute_for"], r
                assert r["role"] in ROLES, r
                assert r["name"] and r["name"] == r["name"].strip()
                assert "," not in r["name"]
                for k in ("starts_on", "ends_on"):
                    if r[k] is not None:
                        assert ISO_RE.match(r[k]), r
                        date.fromisoformat(r[k])
                if r["starts_on"] and r["ends_on"]:
                    assert r["starts_on"] <= r["ends_on"], r
                assert r["email"] == "" or EMAIL_RE.match(r["email"]), r
                assert r["email"] == r["email"].lower()
                if r["substitute_for"]:
                    assert r["role"] == "deputy_member", r
            for row_no, code in exp["errors"]:
                assert code in ERROR_CODES

            chk = ent["check"]
            table = (_read_csv_rows(path, chk) if chk["kind"] == "csv"
                     else _read_xlsx_rows(path))
            hdr = chk["header_row"]
            assert any(c.strip() for c in table[hdr - 1]), f"{fname}: header row empty"
            data = [(i, r) for i, r in enumerate(table, start=1)
                    if i > hdr and any(c.strip() for c in r)]
            error_rows = [r for r, _ in exp["errors"]]
            data_nums = [i for i, _ in data]
            for er in error_rows:
                assert er in data_nums, f"{fname}: error row {er} is not a data row"
            good = [(i, r) for i, r in data if i not in error_rows]
            assert len(good) == len(exp["rows"]), (
                f"{fname}: {len(good)} good data rows in file, "
                f"{len(exp['rows'])} expected")
            for (i, cells), r in zip(good, exp["rows"]):
                _check_row_values(fname, i, cells, r)
            # a body named in expected must occur in the file
            for r in exp["rows"]:
                if r["body"] is not None:
                    assert any(r["body"] in c for row in table for c in row), (
                        f"{fname}: body {r['body']!r} not in file")
            # every row of a file without a body column has body null
            header_text = " ".join(table[hdr - 1]).lower()
            has_body_col = any(w in header_text for w in ("toimielin", "organ", "body"))
            assert has_body_col == any(r["body"] is not None for r in exp["rows"]), fname
        except AssertionError as exc:
            problems.append(f"{fname}: {exc}")

    if problems:
        print("SELF-CHECK FAILED:", *problems, sep="\n  ")
        sys.exit(1)
    n_rows = sum(len(e["expected"].get("rows", [])) for e in CORPUS.values())
    fams = sorted({e["family"] for e in CORPUS.values()})
    print(f"ok: {len(CORPUS)} input files, {n_rows} expected rows, "
          f"{len(fams)} families: {', '.join(fams)}")


def main():
    for gen in GENERATORS:
        gen()
    write_expected()
    write_readme()
    self_check()


if __name__ == "__main__":
    main()
