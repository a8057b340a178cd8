"""DOCX of the board's papers with python-docx: real Word headings, lists and tables, so a
secretary can attach the file to the meeting system (CloudNC, Dynasty, Tweb) or paste from it.

Every function lays out one model of `suunta.reports.document`; none reads the database.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from suunta.goals.presentation import Text

from .document import AgendaItem, FollowUpReport, GoalDocument

LANG_TAGS = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
ACCENT = RGBColor(0x1A, 0x4D, 0x7A)


def new_document(lang: str, title: str, organisation: str, subject: str) -> Any:
    doc = Document()
    props = doc.core_properties
    props.title = title
    props.author = organisation
    props.subject = subject
    props.language = LANG_TAGS.get(lang, "fi-FI")
    props.comments = "Suunta"
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    _set_language(normal.element.get_or_add_rPr(), lang)
    doc.styles["Table Grid"].font.size = Pt(9)
    for level in (1, 2, 3):
        style = doc.styles[f"Heading {level}"]
        style.font.name = "Arial"
        style.font.color.rgb = ACCENT if level > 1 else RGBColor(0x11, 0x11, 0x11)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(18)
    return doc


def _set_language(rpr: Any, lang: str) -> None:
    tag = LANG_TAGS.get(lang, "fi-FI")
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    element.set(qn("w:val"), tag)


def _run(paragraph: Any, value: Any, *, bold: bool = False, lang: str | None = None) -> Any:
    run = paragraph.add_run(str(value))
    run.bold = bold
    if lang:
        _set_language(run._r.get_or_add_rPr(), lang)
    return run


def _text(container: Any, value: Text, style: str | None = None) -> None:
    """Paragraphs and bullet lists of a content text, each run tagged with its language."""
    for kind, block in value.blocks:
        if kind == "ul":
            for item in block:
                _run(container.add_paragraph(style="List Bullet"), item, lang=value.lang)
        else:
            _run(container.add_paragraph(style=style), block, lang=value.lang)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, placeholder, end):
        run._r.append(element)


def _header_footer(
    doc: Any, left: str, right: str, page_label: str, logo: tuple[bytes, str] | None
) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    if logo and logo[1] in ("image/png", "image/jpeg"):
        header.add_run().add_picture(io.BytesIO(logo[0]), height=Mm(10))
        header.add_run("  ")
    _run(header, left, bold=True)
    _run(header, f"  ·  {right}")
    footer = section.footer.paragraphs[0]
    _run(footer, f"{page_label} ")
    _field(footer, "PAGE")
    _run(footer, " / ")
    _field(footer, "NUMPAGES")


def _repeat_header(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    trpr.append(element)


def _keep_row(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def _shade(cell: Any, fill: str = "E4ECF4") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


def add_table(doc: Any, headings: list[str], widths: list[float]) -> Any:
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)  # the grid LibreOffice lays out by
    head = table.rows[0]
    _repeat_header(head)
    for cell, heading, width in zip(head.cells, headings, widths, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].text = ""
        _run(cell.paragraphs[0], heading, bold=True)
        _shade(cell)
    return table


TEXT_WIDTH = 180.0  # A4 less 15 mm margins


def _widths(columns: int, total: float = TEXT_WIDTH) -> list[float]:
    """Column widths: wide enough for long Finnish compounds ("Johtoryhmätyöskentelyn")."""
    if columns == 0:
        return [60.0, total - 60.0]
    goal, indicator = 46.0, 50.0 if columns < 3 else 42.0
    rest = (total - goal - indicator) / columns
    return [goal, indicator] + [rest] * columns


def to_bytes(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def goal_document_docx(doc: GoalDocument, logo: tuple[bytes, str] | None = None) -> bytes:
    labels = doc.labels
    word = new_document(doc.lang, f"{doc.title} {doc.period}", doc.organisation, labels["appendix"])
    _header_footer(word, doc.organisation, labels["appendix"], labels["page"], logo)
    if doc.note:
        _run(word.add_paragraph(), doc.note, bold=True)
    if doc.draft:
        _run(word.add_paragraph(), labels["draft"], bold=True)
    heading = word.add_heading(level=1)
    _run(heading, doc.title, lang=doc.title.lang)
    _run(heading, f" {doc.period}")
    word.add_paragraph(doc.subtitle)
    for line in (doc.handling, doc.prepared_by):
        if line:
            word.add_paragraph(line)
    # The version's state and its content hash are the file's properties and its last small
    # line, not its body.
    word.core_properties.keywords = ", ".join(
        part
        for part in (
            f"{labels['version']} {doc.version}",
            doc.status,
            f"SHA-256 {doc.content_hash}" if doc.content_hash else "",
        )
        if part
    )
    facts = [
        (labels["period"], doc.period),
        (labels["version"], doc.version + (f" – {labels['public']}" if doc.public else "")),
    ]
    for label, value in facts:
        paragraph = word.add_paragraph()
        _run(paragraph, f"{label}: ", bold=True)
        _run(paragraph, value)
    if doc.content_language_note:
        word.add_paragraph(doc.content_language_note)
    for key in ("basis", "purpose"):
        value = getattr(doc, key)
        if value:
            word.add_heading(labels[key], level=2)
            _text(word, value)
    word.add_heading(labels["goals"], level=2)
    table = add_table(
        word,
        [labels["goal"], labels["indicator"], *doc.checkpoints],
        _widths(len(doc.checkpoints)),
    )
    for goal in doc.goals:
        row = table.add_row()
        _keep_row(row)
        cells = row.cells
        first = cells[0].paragraphs[0]
        if goal.area:
            _run(first, goal.area, lang=goal.area.lang)
            first = cells[0].add_paragraph()
        _run(first, f"{goal.number}. ", bold=True)
        _run(first, goal.title, bold=True, lang=goal.title.lang)
        if goal.weight:
            cells[0].add_paragraph(f"{labels['weight']} {goal.weight} %")
        if goal.development:
            cells[0].add_paragraph(labels["development"])
        if goal.description:
            _text(cells[0], goal.description)
        for n, indicator in enumerate(goal.indicators):
            paragraph = (
                cells[1].paragraphs[0] if n == 0 else cells[1].add_paragraph(style="List Bullet")
            )
            if n == 0:
                paragraph.style = word.styles["List Bullet"]
            _run(paragraph, indicator.line, lang=indicator.lang)
        for cell, column in zip(cells[2:], goal.cells, strict=True):
            paragraph = cell.paragraphs[0]
            for n, entry in enumerate(column.entries):
                if n:
                    paragraph = cell.add_paragraph()
                if entry.rating:
                    _run(paragraph, f"{entry.rating} ", bold=True)
                _run(paragraph, entry.text, lang=entry.text.lang)
            if not column.entries and not column.reported:
                _run(paragraph, labels["not_reported"]).italic = True
    if doc.evaluation:
        word.add_heading(labels["evaluation"], level=2)
        _text(word, doc.evaluation)
    _decisions(word, doc)
    _seal(word, doc)
    return to_bytes(word)


def _decisions(word: Any, doc: GoalDocument) -> None:
    if not doc.decisions:
        return
    labels = doc.labels
    word.add_heading(labels["decisions"], level=2)
    for d in doc.decisions:
        paragraph = word.add_paragraph(style="List Bullet")
        _run(paragraph, d.reference, bold=True)
        _run(paragraph, f": {d.kind}")
        if d.presenter:
            _run(paragraph, f". {labels['presenter']}: {d.presenter}")
        if d.disqualified:
            _run(paragraph, f". {labels['disqualified']}: {', '.join(d.disqualified)}")
        _run(paragraph, ".")
        if d.summary:
            _run(paragraph, f" {d.summary}", lang=d.summary.lang)


def _seal(word: Any, doc: GoalDocument) -> None:
    labels = doc.labels
    paragraph = word.add_paragraph()
    run = paragraph.add_run(
        f"{labels['generated']} {doc.generated}. {labels['hash']}: "
        f"{doc.content_hash or labels['hash_missing']}"
    )
    run.font.size = Pt(7)


def follow_up_report_docx(report: FollowUpReport, logo: tuple[bytes, str] | None = None) -> bytes:
    doc = report.document
    labels = report.labels
    title = f"{labels['report']} {report.checkpoint}"
    word = new_document(doc.lang, title, doc.organisation, f"{doc.title} {doc.period}")
    _header_footer(word, doc.organisation, title, labels["page"], logo)
    if doc.note:
        _run(word.add_paragraph(), doc.note, bold=True)
    heading = word.add_heading(level=1)
    _run(heading, title)
    paragraph = word.add_paragraph()
    _run(paragraph, doc.title, lang=doc.title.lang)
    _run(paragraph, f" {doc.period} · {doc.subtitle}")
    word.add_paragraph(f"{labels['window']}: {report.window}")
    if report.counts:
        word.add_paragraph(
            f"{labels['summary']}: " + ", ".join(f"{label} {n}" for label, n in report.counts)
        )
    headings = [labels["goal"]]
    if report.previous_checkpoint:
        headings.append(report.previous_checkpoint)
    headings.append(report.checkpoint)
    if report.previous_checkpoint:
        headings.append(labels["change"])
    widths = [50.0, 55.0, 50.0, 25.0] if report.previous_checkpoint else [60.0, 120.0]
    table = add_table(word, headings, widths)
    for row in report.rows:
        cells = table.add_row().cells
        _run(cells[0].paragraphs[0], row.goal.heading, bold=True, lang=row.goal.title.lang)
        for indicator in row.goal.indicators:
            _run(cells[0].add_paragraph(style="List Bullet"), indicator.line, lang=indicator.lang)
        current = cells[2] if report.previous_checkpoint else cells[1]
        columns = [(current, row.current)]
        if report.previous_checkpoint:
            columns.append((cells[1], row.previous))
        for cell, entries in columns:
            paragraph = cell.paragraphs[0]
            for n, entry in enumerate(entries):
                if n:
                    paragraph = cell.add_paragraph()
                if entry.rating:
                    _run(paragraph, f"{entry.rating} ", bold=True)
                _run(paragraph, entry.text, lang=entry.text.lang)
            if not entries:
                _run(paragraph, labels["no_follow_up"]).italic = True
        for indicator, now, before in row.values:
            line = current.add_paragraph()
            _run(line, f"{indicator}: ", lang=indicator.lang)
            _run(line, now)
            if report.previous_checkpoint:
                _run(cells[1].add_paragraph(), f"{indicator}: {before}", lang=indicator.lang)
        if report.previous_checkpoint:
            cells[3].paragraphs[0].text = row.change_label
    _seal(word, doc)
    return to_bytes(word)


def agenda_item_docx(item: AgendaItem) -> bytes:
    labels = item.labels
    word = new_document(item.lang, item.title, item.organisation, item.body)
    _header_footer(word, item.organisation, item.body, labels["page"], None)
    if item.note:
        _run(word.add_paragraph(), item.note, bold=True)
    word.add_heading(item.title, level=1)
    people = ((labels["preparer"], item.preparer), (labels["presenter"], item.presenter))
    for label, value in people:
        if value:
            paragraph = word.add_paragraph()
            _run(paragraph, f"{label}: ", bold=True)
            _run(paragraph, value)
    word.add_heading(labels["disqualification"], level=2)
    word.add_paragraph(item.disqualification)
    word.add_heading(labels["background"], level=2)
    for paragraph in item.background:
        word.add_paragraph(paragraph)
    word.add_heading(labels["proposal"], level=2)
    word.add_paragraph(item.proposal)
    word.add_heading(labels["appendices"], level=2)
    for appendix in item.appendices:
        word.add_paragraph(appendix, style="List Number")
    word.add_heading(labels["decision"], level=2)
    word.add_paragraph("")
    return to_bytes(word)
