"""A generated corpus of goal documents for the importer, and its precision and recall.

Every document is built here from known content (goals with their indicators) in a layout
(numbered, heading + bullets, a table with checkpoint columns, one goal per slide-like page,
the Tuusula seed's flattened table) and written as text, DOCX, ODT, PDF, XLSX or ODS; reading
it back and comparing the goals and indicators found with those written gives precision and
recall.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils import translation


def in_finnish(msgid: str) -> str:
    """A message as the Finnish interface shows it; the catalogue must translate it."""
    with translation.override("fi"):
        shown = translation.gettext(msgid)
    assert shown != msgid, f"{msgid!r} has no Finnish translation"
    return shown


# --- Content ------------------------------------------------------------------------------------


@dataclass
class Content:
    name: str
    language: str
    title: str
    goals: list[tuple[str, str, int | None, list[str]]]  # (area, title, weight, indicators)
    checkpoints: list[str]
    purpose: list[str] = field(default_factory=list)
    evaluation: list[str] = field(default_factory=list)

    @property
    def words(self) -> dict[str, str]:
        if self.language == "sv":
            return {
                "goals": "Mål",
                "goal": "Mål",
                "indicator": "Mätare",
                "indicators": "Mätare",
                "weight": "Vikt",
                "area": "Område",
                "checkpoint": "Uppföljning",
                "purpose": "Syftet med målsamtalet",
                "evaluation": "Utvärdering av målen",
            }
        return {
            "goals": "Tavoitteet",
            "goal": "Tavoite",
            "indicator": "Mittari",
            "indicators": "Mittarit",
            "weight": "Paino",
            "area": "Painopistealue",
            "checkpoint": "Seuranta",
            "purpose": "Tavoitekeskustelun tarkoitus",
            "evaluation": "Tavoitteiden arviointi",
        }


def tuusula_content() -> Content:
    from suunta.demo import seed

    return Content(
        name="tuusula",
        language="fi",
        title="Kansliapäällikön tavoitteet",
        goals=[("", title, None, list(indicators)) for title, indicators in seed.TUUSULA_GOALS],
        checkpoints=["elokuu 2025", "tammikuu/helmikuu 2026"],
        purpose=[line.removeprefix("• ") for line in seed.TUUSULA_PURPOSE.splitlines()],
        evaluation=[line.removeprefix("• ") for line in seed.TUUSULA_EVALUATION.splitlines()],
    )


WEIGHTED = Content(
    name="weighted",
    language="fi",
    title="Kunnanjohtajan tavoitteet 2026",
    goals=[
        (
            "Talous",
            "Talouden tasapainottaminen",
            40,
            [
                "Tilikauden tulos on ylijäämäinen",
                "Lainakanta asukasta kohden ei kasva",
                "Investointiohjelma toteutuu aikataulussa",
            ],
        ),
        (
            "Elinvoima",
            "Elinvoiman vahvistaminen",
            30,
            ["Uusia yrityksiä vähintään 120", "Asemakaavoja valmistuu kolme"],
        ),
        (
            "Henkilöstö",
            "Henkilöstön hyvinvointi",
            20,
            ["Sairauspoissaolot vähenevät 10 prosenttia", "Kuntapulssin johtamisindeksi paranee"],
        ),
        (
            "Henkilöstö",
            "Johtamisjärjestelmän uudistus",
            10,
            ["Johtamisen periaatteet hyväksytään", "Esihenkilövalmennus käynnistyy"],
        ),
    ],
    checkpoints=["kesäkuu 2026", "joulukuu 2026"],
    purpose=["Tavoitteet tukevat kuntastrategian toteutumista"],
    evaluation=["Tavoitteiden toteutumista arvioidaan kahdesti vuodessa."],
)

SWEDISH = Content(
    name="swedish",
    language="sv",
    title="Kommundirektörens mål 2025",
    goals=[
        (
            "Ekonomi",
            "Balanserad ekonomi",
            35,
            ["Årsbidraget täcker avskrivningarna", "Besparingsprogrammet genomförs"],
        ),
        (
            "Livskraft",
            "Stärkt livskraft",
            25,
            ["Antalet arbetsplatser ökar", "Detaljplanerna blir klara enligt planen"],
        ),
        (
            "Personal",
            "Gott ledarskap",
            25,
            [
                "Personalenkätens ledarskapsindex förbättras",
                "Chefsutbildningen genomförs för alla chefer",
                "Sjukfrånvaron minskar",
            ],
        ),
        (
            "Personal",
            "Samarbete med de förtroendevalda",
            15,
            ["Ärendena bereds i god tid", "Informationen till fullmäktige är regelbunden"],
        ),
    ],
    checkpoints=["augusti 2025", "januari 2026"],
    purpose=["Målsamtalet stöder direktörens arbete"],
    evaluation=["Målen utvärderas i kommunstyrelsen."],
)

NUMBERED = Content(
    name="numbered",
    language="fi",
    title="Kaupunginjohtajan tavoitteet 2025–2026",
    goals=[
        (
            "",
            "Kaupunkistrategian toimeenpano",
            None,
            [
                "Strategian toimenpideohjelma hyväksytään",
                "Strategiamittarit raportoidaan valtuustolle",
            ],
        ),
        (
            "",
            "Palveluverkon uudistaminen",
            None,
            [
                "Kouluverkkoselvitys valmistuu",
                "Kirjastojen aukiolo turvataan",
                "Palveluverkon säästöt toteutuvat",
            ],
        ),
        (
            "",
            "Digitalisaation edistäminen",
            None,
            ["Sähköinen asiointi laajenee", "Tekoälyn käytön periaatteet laaditaan"],
        ),
        (
            "",
            "Asukasosallisuuden lisääminen",
            None,
            ["Osallistuva budjetointi toteutetaan", "Asukaskyselyn vastausaste nousee"],
        ),
    ],
    checkpoints=["syyskuu 2025"],
)

CONTENTS = [WEIGHTED, SWEDISH, NUMBERED]
FOLLOW_UP = {"fi": "Edennyt suunnitellusti.", "sv": "Framskrider enligt planen."}

# --- Layouts: a document as elements -----------------------------------------------------------
# ("title", text) ("heading", level, text) ("para", text) ("bullet", level, text)
# ("table", rows) ("page",)


def _weight_text(c: Content, weight: int | None, style: str) -> str:
    if weight is None:
        return ""
    if style == "paren":
        return f" ({c.words['weight'].lower()} {weight} %)"
    return f" – {weight} %"


def _sections_before(c: Content) -> list[tuple]:
    if not c.purpose:
        return [("title", c.title)]
    return [
        ("title", c.title),
        ("heading", 1, c.words["purpose"]),
        *[("bullet", 0, line) for line in c.purpose],
    ]


def _sections_after(c: Content) -> list[tuple]:
    if not c.evaluation:
        return []
    return [("heading", 1, c.words["evaluation"]), *[("bullet", 0, x) for x in c.evaluation]]


def numbered(c: Content) -> list[tuple]:
    out = [*_sections_before(c), ("heading", 1, c.words["goals"])]
    for i, (_area, title, weight, indicators) in enumerate(c.goals, start=1):
        out.append(("para", f"{i}. {title}{_weight_text(c, weight, 'paren')}"))
        out.extend(("para", f"{i}.{j} {text}") for j, text in enumerate(indicators, start=1))
    return out + _sections_after(c)


def bullets(c: Content) -> list[tuple]:
    out = [*_sections_before(c), ("heading", 1, c.words["goals"])]
    area = None
    for goal_area, title, weight, indicators in c.goals:
        if goal_area and goal_area != area:
            out.append(("para", f"{c.words['area']}: {goal_area}"))
            area = goal_area
        out.append(("heading", 2, title + _weight_text(c, weight, "dash")))
        out.extend(("bullet", 0, text) for text in indicators)
    return out + _sections_after(c)


def table(c: Content) -> list[tuple]:
    header = [c.words["goal"], c.words["indicators"]]
    if any(w is not None for _, _, w, _ in c.goals):
        header.append(c.words["weight"])
    header += [f"{c.words['checkpoint']} {label}" for label in c.checkpoints]
    rows = [header]
    for index, (_area, title, weight, indicators) in enumerate(c.goals):
        cells = "\n".join(("• " if index % 2 else "") + text for text in indicators)
        row = [title, cells]
        if len(header) > 2 + len(c.checkpoints):
            row.append(f"{weight} %" if weight is not None else "")
        row += [
            FOLLOW_UP[c.language] if index == 0 and n == 0 else ""
            for n in range(len(c.checkpoints))
        ]
        rows.append(row)
    return [*_sections_before(c), ("table", rows), *_sections_after(c)]


def outline(c: Content) -> list[tuple]:
    """Goals as a list, their indicators as the list's second level."""
    out = [*_sections_before(c), ("heading", 1, c.words["goals"])]
    for _area, title, weight, indicators in c.goals:
        out.append(("bullet", 0, title + _weight_text(c, weight, "paren")))
        out.extend(("bullet", 1, text) for text in indicators)
    return out + _sections_after(c)


def labelled(c: Content) -> list[tuple]:
    """Each goal as labelled lines: "Tavoite 1. …", "Paino: 40 %", "Mittarit: a; b",
    "Seuranta kesäkuu 2026: …"."""
    w = c.words
    out = [*_sections_before(c)]
    for i, (_area, title, weight, indicators) in enumerate(c.goals, start=1):
        out.append(("para", f"{w['goal']} {i}. {title}"))
        if weight is not None:
            out.append(("para", f"{w['weight']}: {weight} %"))
        out.append(("para", f"{w['indicators']}: " + "; ".join(indicators)))
        if i == 1:
            out.append(("para", f"{w['checkpoint']} {c.checkpoints[0]}: {FOLLOW_UP[c.language]}"))
    return out + _sections_after(c)


def slides(c: Content) -> list[tuple]:
    out = [*_sections_before(c)]
    for i, (_area, title, weight, indicators) in enumerate(c.goals, start=1):
        out.append(("page",))
        out.append(("heading", 1, f"{c.words['goal']} {i}: {title}"))
        if weight is not None:
            out.append(("para", f"{c.words['weight']} {weight} %"))
        out.append(("para", c.words["indicators"]))
        out.extend(("bullet", 0, text) for text in indicators)
    out.append(("page",))
    return out + _sections_after(c)


def flat_text(c: Content) -> str:
    """The goal table flattened as a PDF's text gives it (the Tuusula seed's way)."""
    w = c.words
    lines = [c.title, ""]
    if c.purpose:
        lines += [w["purpose"], *["• " + x for x in c.purpose], ""]
    head = f"{w['goal']} {w['indicator']} {w['checkpoint']}\n{c.checkpoints[0]}"
    for label in c.checkpoints[1:]:
        head += f"\n\n{w['checkpoint']} \n" + label.replace("/", "/\n").replace(" ", " \n", 1)
    lines += [head, ""]
    for _area, title, _weight, indicators in c.goals:
        first, *rest = indicators
        lines.append(f"{title} • {_break(first)}")
        lines += ["• " + _break(text) for text in rest]
        lines.append("")
    if c.evaluation:
        lines += [w["evaluation"], *["• " + x for x in c.evaluation]]
    return "\n".join(lines) + "\n"


def _break(text: str) -> str:
    """A long line broken as a narrow PDF column breaks it."""
    words = text.split(" ")
    if len(text) < 50 or len(words) < 4:
        return text
    middle = len(words) * 2 // 3
    return " ".join(words[:middle]) + " \n\n" + " ".join(words[middle:])


# --- Writers ------------------------------------------------------------------------------------


def as_text(elements: list[tuple], broken: bool = False) -> str:
    """Plain text; `broken`: long lines broken as text copied from a PDF has them."""
    lines: list[str] = []
    for element in elements:
        kind = element[0]
        if kind in ("title", "para"):
            lines += [element[-1], ""] if kind == "title" else [element[-1]]
        elif kind == "heading":
            lines += ["", element[2]]
        elif kind == "bullet":
            text = _break(element[2]) if broken else element[2]
            lines.append("  " * element[1] + "• " + text)
        elif kind == "page":
            lines.append("\f")
        elif kind == "table":
            raise ValueError("a table is written as flat_text for text")
    return "\n".join(lines).replace("\n\f\n", "\f") + "\n"


def as_docx(elements: list[tuple]) -> bytes:
    import docx

    document = docx.Document()
    for element in elements:
        kind = element[0]
        if kind == "title":
            document.add_heading(element[1], level=0)
        elif kind == "heading":
            document.add_heading(element[2], level=element[1])
        elif kind == "para":
            document.add_paragraph(element[1])
        elif kind == "bullet":
            style = "List Bullet" if element[1] == 0 else "List Bullet 2"
            document.add_paragraph(element[2], style=style)
        elif kind == "page":
            document.add_page_break()
        elif kind == "table":
            rows = element[1]
            grid = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for col, text in enumerate(row):
                    cell = grid.cell(r, col)
                    lines = text.split("\n")
                    cell.paragraphs[0].text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"'
)


def _odf_zip(mimetype: str, body: str) -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{mimetype}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _odf_rows(rows: list[list[str]]) -> str:
    return "".join(
        "<table:table-row>"
        + "".join(
            "<table:table-cell>"
            + "".join(f"<text:p>{escape(line)}</text:p>" for line in cell.split("\n"))
            + "</table:table-cell>"
            for cell in row
        )
        + "</table:table-row>"
        for row in rows
    )


def _odf_list(items: list[tuple[int, str]]) -> str:
    """Bullets (level, text) as nested ODF lists: a level-1 item inside the item before."""
    out = ""
    for index, (level, text) in enumerate(items):
        if level:
            continue
        children = []
        for deeper_level, deeper in items[index + 1 :]:
            if not deeper_level:
                break
            children.append(f"<text:list-item><text:p>{escape(deeper)}</text:p></text:list-item>")
        nested = f"<text:list>{''.join(children)}</text:list>" if children else ""
        out += f"<text:list-item><text:p>{escape(text)}</text:p>{nested}</text:list-item>"
    return f"<text:list>{out}</text:list>"


def as_odt(elements: list[tuple]) -> bytes:
    parts: list = []
    for element in elements:
        kind = element[0]
        if kind == "title":
            parts.append(f'<text:h text:outline-level="1">{escape(element[1])}</text:h>')
        elif kind == "heading":
            level = element[1] + 1
            parts.append(f'<text:h text:outline-level="{level}">{escape(element[2])}</text:h>')
        elif kind == "para":
            parts.append(f"<text:p>{escape(element[1])}</text:p>")
        elif kind == "bullet":
            if not (parts and isinstance(parts[-1], list)):
                parts.append([])
            parts[-1].append((element[1], element[2]))
        elif kind == "table":
            parts.append(f'<table:table table:name="T">{_odf_rows(element[1])}</table:table>')
    body = "".join(p if isinstance(p, str) else _odf_list(p) for p in parts)
    return _odf_zip("application/vnd.oasis.opendocument.text", f"<office:text>{body}</office:text>")


def as_ods(rows: list[list[str]]) -> bytes:
    sheet = f'<table:table table:name="Tavoitteet">{_odf_rows(rows)}</table:table>'
    body = f"<office:spreadsheet>{sheet}</office:spreadsheet>"
    return _odf_zip("application/vnd.oasis.opendocument.spreadsheet", body)


def as_xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def as_html(elements: list[tuple]) -> str:
    # Bullets are written into the text, as a word processor's PDF export has them: pypdf
    # reads WeasyPrint's CSS list markers at the end of the page, apart from their items.
    # Goal tables are printed wide enough for a goal's title to fit on one line.
    style = (
        "@page{size:A4 landscape;margin:1cm}.page{break-before:page}ul{list-style:none}"
        "td{vertical-align:top;padding:2pt 8pt}table{font-size:9pt}"
    )
    parts = [f"<html><head><meta charset='utf-8'><style>{style}</style></head><body>"]
    open_list = False
    for element in elements:
        kind = element[0]
        if kind != "bullet" and open_list:
            parts.append("</ul>")
            open_list = False
        if kind == "title":
            parts.append(f"<h1>{escape(element[1])}</h1>")
        elif kind == "heading":
            parts.append(f"<h{element[1] + 1}>{escape(element[2])}</h{element[1] + 1}>")
        elif kind == "para":
            parts.append(f"<p>{escape(element[1])}</p>")
        elif kind == "bullet":
            if not open_list:
                parts.append("<ul>")
                open_list = True
            parts.append(f"<li>• {escape(element[2])}</li>")
        elif kind == "page":
            parts.append("<div class='page'></div>")
        elif kind == "table":
            rows = [
                [cell if c != 1 or r == 0 else _bulleted(cell) for c, cell in enumerate(row)]
                for r, row in enumerate(element[1])
            ]
            checkpoint_at = len(rows[0]) - sum(
                1 for x in rows[0] if x.startswith(("Seuranta", "Uppf"))
            )
            rows = [
                row[:checkpoint_at]
                + ([""] * (len(row) - checkpoint_at) if r else row[checkpoint_at:])
                for r, row in enumerate(rows)
            ]
            parts.append("<table>")
            for row in rows:
                cells = "".join(
                    "<td>" + "<br>".join(escape(x) for x in cell.split("\n")) + "</td>"
                    for cell in row
                )
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table>")
    if open_list:
        parts.append("</ul>")
    return "".join(parts) + "</body></html>"


def _bulleted(cell: str) -> str:
    return "\n".join(line if line.startswith("• ") else "• " + line for line in cell.split("\n"))


def as_pdf(elements: list[tuple]) -> bytes:
    from weasyprint import HTML

    return HTML(string=as_html(elements)).write_pdf()


# --- The corpus and its figures -----------------------------------------------------------------


@dataclass
class Sample:
    name: str  # content/layout.format
    data: bytes
    expected: Content


def corpus(contents: list[Content] | None = None) -> list[Sample]:
    samples: list[Sample] = []
    for c in contents if contents is not None else [tuusula_content(), *CONTENTS]:
        for layout in (numbered, bullets, slides):
            elements = layout(c)
            name = f"{c.name}/{layout.__name__}"
            samples.append(Sample(f"{name}.txt", as_text(elements).encode(), c))
            samples.append(Sample(f"{name}.broken.txt", as_text(elements, True).encode(), c))
            samples.append(Sample(f"{name}.docx", as_docx(elements), c))
            samples.append(Sample(f"{name}.odt", as_odt(elements), c))
            samples.append(Sample(f"{name}.pdf", as_pdf(elements), c))
        elements = labelled(c)
        name = f"{c.name}/labelled"
        samples.append(Sample(f"{name}.txt", as_text(elements).encode(), c))
        samples.append(Sample(f"{name}.docx", as_docx(elements), c))
        elements = outline(c)
        name = f"{c.name}/outline"
        samples.append(Sample(f"{name}.txt", as_text(elements).encode(), c))
        samples.append(Sample(f"{name}.docx", as_docx(elements), c))
        samples.append(Sample(f"{name}.odt", as_odt(elements), c))
        elements = table(c)
        rows = next(e[1] for e in elements if e[0] == "table")
        name = f"{c.name}/table"
        samples.append(Sample(f"{name}.docx", as_docx(elements), c))
        samples.append(Sample(f"{name}.odt", as_odt(elements), c))
        samples.append(Sample(f"{name}.pdf", as_pdf(elements), c))
        samples.append(Sample(f"{name}.xlsx", as_xlsx([[c.title], *rows]), c))
        samples.append(Sample(f"{name}.ods", as_ods([[c.title], *rows]), c))
        samples.append(Sample(f"{c.name}/flat.txt", flat_text(c).encode(), c))
    return samples


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class Figures:
    goals_found: int = 0
    goals_expected: int = 0
    goals_right: int = 0
    indicators_found: int = 0
    indicators_expected: int = 0
    indicators_right: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self, right: int, total: int) -> float:
        return right / total if total else 1.0

    @property
    def goal_precision(self) -> float:
        return self.ratio(self.goals_right, self.goals_found)

    @property
    def goal_recall(self) -> float:
        return self.ratio(self.goals_right, self.goals_expected)

    @property
    def indicator_precision(self) -> float:
        return self.ratio(self.indicators_right, self.indicators_found)

    @property
    def indicator_recall(self) -> float:
        return self.ratio(self.indicators_right, self.indicators_expected)

    def summary(self) -> str:
        return (
            f"goals: precision {self.goal_precision:.1%}, recall {self.goal_recall:.1%} "
            f"({self.goals_right}/{self.goals_found} found, {self.goals_expected} expected); "
            f"indicators: precision {self.indicator_precision:.1%}, recall "
            f"{self.indicator_recall:.1%} ({self.indicators_right}/{self.indicators_found} found, "
            f"{self.indicators_expected} expected)"
        )


def measure(samples: list[Sample]) -> Figures:
    """Goals compared by title, indicators by (goal title, text), per document."""
    from suunta.imports.reading import read_document

    figures = Figures()
    for sample in samples:
        found = read_document(sample.data, sample.name)
        expected_goals = {_norm(title) for _, title, _, _ in sample.expected.goals}
        expected_indicators = {
            (_norm(title), _norm(text))
            for _, title, _, indicators in sample.expected.goals
            for text in indicators
        }
        found_goals = [_norm(g.title) for g in found.goals]
        found_indicators = [
            (_norm(g.title), _norm(i.text)) for g in found.goals for i in g.indicators
        ]
        right_goals = set(found_goals) & expected_goals
        right_indicators = set(found_indicators) & expected_indicators
        figures.goals_found += len(found_goals)
        figures.goals_expected += len(expected_goals)
        figures.goals_right += len(right_goals)
        figures.indicators_found += len(found_indicators)
        figures.indicators_expected += len(expected_indicators)
        figures.indicators_right += len(right_indicators)
        wrong = [g for g in found_goals if g not in expected_goals]
        missing = sorted(expected_goals - set(found_goals))
        wrong_i = [i for i in found_indicators if i not in expected_indicators]
        missing_i = sorted(expected_indicators - set(found_indicators))
        if wrong or missing or wrong_i or missing_i:
            figures.misses.append(
                f"{sample.name}: extra goals {wrong[:3]} missing {missing[:3]} "
                f"extra indicators {wrong_i[:3]} missing {missing_i[:3]}"
            )
    return figures


def main() -> None:
    """`python -m tests.imports_corpus`: the corpus's precision and recall (for `make bench`)."""
    import os
    import time

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    started = time.monotonic()
    samples = corpus()
    figures = measure(samples)
    print(f"import corpus: {len(samples)} documents, {time.monotonic() - started:.1f} s")
    print(figures.summary())
    for miss in figures.misses:
        print("  " + miss)


if __name__ == "__main__":
    main()
