"""Hostile and broken files are refused before any parser is at risk, with a clear message in
the user's language, and nothing is saved; the preview endpoint's access and answer."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files import File
from django.test import Client
from django.utils import translation

from suunta.accounts.models import Role
from suunta.imports import reading, safety
from suunta.uploads import limits, prechecks
from tests import imports_corpus as corpus
from tests.api.test_api_write import token_for
from tests.conftest import make_user
from tests.imports_corpus import in_finnish

# --- Hostile files, generated here ------------------------------------------------------------


def docx_with(document_xml: bytes) -> bytes:
    """A real DOCX whose word/document.xml is replaced."""
    source = zipfile.ZipFile(io.BytesIO(corpus.as_docx(corpus.numbered(corpus.NUMBERED))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "word/document.xml":
                data = document_xml
            archive.writestr(entry.filename, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A DOCX-looking zip whose document part unpacks from about 50 kB to 60 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(60):
                part.write(chunk)
    return out.getvalue()


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    return docx_with(
        (
            '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(entities) + "]>"
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        ).encode()
    )


def empty_paragraphs(count: int = 100_000) -> bytes:
    return docx_with(
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + b"<w:p/>" * count + b"</w:body></w:document>"
    )


def truncated_pdf() -> bytes:
    data = corpus.as_pdf(corpus.numbered(corpus.NUMBERED))
    return data[: len(data) // 3]


def executable() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64


HOSTILE = {
    "bomb.docx": (zip_bomb, "the archive is packed suspiciously tightly."),
    "laughs.docx": (billion_laughs, "it declares XML entities, which are not allowed."),
    "cut.pdf": (truncated_pdf, None),  # damaged, or without text: either is a clear refusal
    "program.pdf": (executable, "it is a program, not a document."),
    "empty.docx": (
        empty_paragraphs,
        "it has more paragraphs, rows or cells than a goal document can have (at most %(limit)s).",
    ),
}
PDF_PROBLEMS = (
    "the PDF is damaged or not readable.",
    "the PDF has no text (a scanned image cannot be read).",
)


def message(name: str, problem: str, finnish: bool = False) -> str:
    limit = {"limit": "20\u00a0000"}
    if finnish:
        outer, inner = (
            in_finnish("The file %(name)s cannot be read: %(problem)s"),
            in_finnish(problem),
        )
    else:
        outer, inner = "The file %(name)s cannot be read: %(problem)s", problem
    return outer % {"name": name, "problem": inner % limit if "%(limit)s" in inner else inner}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_with_a_clear_message_in_english_and_finnish(name):
    make, problem = HOSTILE[name]
    data = make()
    problems = [problem] if problem else list(PDF_PROBLEMS)
    started = time.monotonic()
    with translation.override("en"), pytest.raises(ValidationError) as english:
        reading.read_document(data, name)
    assert time.monotonic() - started < 10
    assert english.value.messages[0] in [message(name, p) for p in problems]
    with translation.override("fi"), pytest.raises(ValidationError) as finnish:
        reading.read_document(data, name)
    assert finnish.value.messages[0] in [message(name, p, finnish=True) for p in problems]


def test_a_docx_with_100_000_empty_paragraphs_is_refused_quickly():
    data = empty_paragraphs()
    started = time.monotonic()
    with pytest.raises(ValidationError):
        reading.read_document(data, "empty.docx")
    assert time.monotonic() - started < 1.5
    # The same document with a few paragraphs is read: the limit is what refused it.
    assert reading.read_document(empty_paragraphs(50), "small.docx").goals == []


def test_the_zip_bomb_is_refused_from_its_directory_before_it_is_unpacked(monkeypatch):
    def no_reading(*args, **kwargs):
        raise AssertionError("an entry was read")

    monkeypatch.setattr(prechecks, "read_part", no_reading)
    with pytest.raises(ValidationError):
        safety.detect_type(zip_bomb(), "bomb.docx")


def test_a_200_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as sparse:
        sparse.seek(200 * 1024 * 1024 - 1)
        sparse.write(b"\0")

    class Watched(File):
        reads = 0

        def read(self, *args, **kwargs):
            Watched.reads += 1
            return super().read(*args, **kwargs)

    with open(path, "rb") as handle:
        upload = Watched(handle, name="huge.pdf")
        assert upload.size == 200 * 1024 * 1024
        with translation.override("en"), pytest.raises(ValidationError) as english:
            reading.read_upload(upload)
        with translation.override("fi"), pytest.raises(ValidationError) as finnish:
            reading.read_upload(upload)
    assert Watched.reads == 0
    size = {"size": "200,0", "limit": 10}
    assert english.value.messages == [
        "The file huge.pdf cannot be read: it is 200,0 MB; the limit is 10 MB."
    ]
    finnish_problem = in_finnish("it is %(size)s MB; the limit is %(limit)s MB.") % size
    assert finnish.value.messages == [
        in_finnish("The file %(name)s cannot be read: %(problem)s")
        % {"name": "huge.pdf", "problem": finnish_problem}
    ]


def test_the_type_comes_from_the_content_not_the_name():
    docx = corpus.as_docx(corpus.numbered(corpus.NUMBERED))
    assert safety.detect_type(docx, "tavoitteet.pdf") == "docx"
    assert safety.detect_type(b"%PDF-1.7\n...", "tavoitteet.docx") == "pdf"
    assert safety.detect_type(b"Tavoitteet\n", "tavoitteet.xlsx") == "text"
    for data in (b"MZ\x90\x00" + b"\0" * 100, b"\x89PNG\r\n\x1a\n\0\0\0"):
        with pytest.raises(ValidationError):
            safety.detect_type(data, "x.pdf")
    other_zip = io.BytesIO()
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with translation.override("en"), pytest.raises(ValidationError, match="not a document"):
        safety.detect_type(other_zip.getvalue(), "x.docx")


def test_a_zip_with_too_many_entries_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for i in range(safety.MAX_ZIP_ENTRIES + 1):
            archive.writestr(f"word/media/{i}.txt", "")
    with translation.override("en"), pytest.raises(ValidationError, match="too many parts"):
        safety.detect_type(out.getvalue(), "many.docx")


# --- The preview endpoint ---------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def preview(client: Client, data: bytes, name: str, **headers):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post("/api/v1/imports/preview", {"file": upload}, **headers)


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}


@pytest.fixture
def coordinator_headers(demo):
    return bearer(make_user("importer", demo["tuusula"]))


def test_the_preview_returns_the_structure_found_as_json_and_saves_nothing(
    demo, coordinator_headers
):
    data = corpus.as_docx(corpus.table(corpus.WEIGHTED))
    before = row_counts()
    response = preview(Client(), data, "tavoitteet.docx", **coordinator_headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["file_type"] == "docx"
    assert [g["title"] for g in body["goals"]] == [t for _, t, _, _ in corpus.WEIGHTED.goals]
    assert body["goals"][0]["weight"] == "40"
    assert body["goals"][0]["indicators"][0]["text"] == "Tilikauden tulos on ylijäämäinen"
    assert body["goals"][0]["follow_ups"] == ["Edennyt suunnitellusti.", ""]
    assert [c["label"] for c in body["checkpoints"]] == ["kesäkuu 2026", "joulukuu 2026"]
    assert row_counts() == before


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_through_the_preview_is_a_422_in_the_users_language_and_saves_nothing(
    demo, coordinator_headers, name
):
    make, problem = HOSTILE[name]
    data = make()
    problems = [problem] if problem else list(PDF_PROBLEMS)
    before = row_counts()
    english = preview(Client(), data, name, HTTP_ACCEPT_LANGUAGE="en", **coordinator_headers)
    finnish = preview(Client(), data, name, HTTP_ACCEPT_LANGUAGE="fi", **coordinator_headers)
    assert english.status_code == finnish.status_code == 422
    assert english.json()["detail"] in [message(name, p) for p in problems]
    with translation.override("fi"):
        assert finnish.json()["detail"] in [message(name, p, finnish=True) for p in problems]
    assert row_counts() == before


def test_a_file_over_the_size_limit_through_the_preview_is_a_422(demo, coordinator_headers):
    data = b"Tavoitteet\n" + b"x" * safety.MAX_BYTES
    response = preview(Client(), data, "big.txt", HTTP_ACCEPT_LANGUAGE="en", **coordinator_headers)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("The file big.txt cannot be read: it is 10,0 MB")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (Role.Kind.COORDINATOR, 200),
        (Role.Kind.ADMIN, 200),
        (Role.Kind.DISCUSSION_PARTNER, 200),
        (Role.Kind.BOARD_MEMBER, 403),
        (Role.Kind.AUDIT_COMMITTEE, 403),
        (Role.Kind.EXECUTIVE, 403),
    ],
)
def test_the_preview_is_for_those_who_may_create_plans(demo, kind, expected):
    user = make_user(f"u-{kind}", demo["tuusula"], kind=kind)
    data = corpus.as_text(corpus.numbered(corpus.NUMBERED)).encode()
    assert preview(Client(), data, "t.txt", **bearer(user)).status_code == expected


def test_the_preview_is_401_anonymous_and_403_without_a_role_or_csrf(demo):
    data = b"Tavoitteet\n1. Talous\n- Tulos\n"
    assert preview(Client(), data, "t.txt").status_code == 401
    assert preview(Client(enforce_csrf_checks=True), data, "t.txt").status_code == 401
    nobody = make_user("nobody")
    assert preview(Client(), data, "t.txt", **bearer(nobody)).status_code == 403
    session = Client(enforce_csrf_checks=True)
    session.force_login(make_user("session-coordinator", demo["tuusula"]))
    assert preview(session, data, "t.txt").status_code == 403  # no CSRF token
    session.get("/fi/")
    token = session.cookies["csrftoken"].value
    assert preview(session, data, "t.txt", HTTP_X_CSRFTOKEN=token).status_code == 200


def test_the_preview_is_in_the_openapi_document(demo):
    schema = Client().get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/imports/preview"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert {"200", "401", "403", "422"} <= set(operation["responses"])


def test_the_previews_queries_do_not_grow_with_the_document(demo, coordinator_headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    preview(Client(), b"Tavoitteet\n", "warm.txt", **coordinator_headers)  # the token's first use
    for content in (corpus.NUMBERED, corpus.tuusula_content()):
        data = corpus.as_docx(corpus.numbered(content))
        with CaptureQueriesContext(connection) as queries:
            assert preview(Client(), data, "t.docx", **coordinator_headers).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6


def test_pdf_reading_runs_in_a_child_process_under_a_time_limit(monkeypatch):
    from suunta.imports import extract

    data = corpus.as_pdf(corpus.numbered(corpus.NUMBERED))
    assert reading.read_document(data, "t.pdf").goals
    monkeypatch.setattr(extract, "PDF_SECONDS", 0.01)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(data, "slow.pdf")
    assert refused.value.messages == [message("slow.pdf", "reading the PDF took too long.")]


def test_pdf_reading_runs_under_a_memory_limit(monkeypatch):
    from suunta.imports import extract

    monkeypatch.setattr(extract, "PDF_MEMORY", 20 * 1024 * 1024)  # too little to load pypdf
    data = corpus.as_pdf(corpus.numbered(corpus.NUMBERED))
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(data, "t.pdf")
    assert refused.value.messages == [message("t.pdf", "the PDF is damaged or not readable.")]


@pytest.mark.parametrize(
    "text",
    [
        "Johtajasopimus\n" + ("jatkuu rikottuna rivinä " * 20 + "\n") * 19_000,
        "1.1.2025 KH  " * 5_000 + "!",
        "Tavoite Mittari Seuranta\nTalous " + "• a " * 200_000,
        "1. " + " " * 5_000_000 + "x",
        "Tavoitteet\n"
        + "".join(f"{n % 90 + 1}. Tavoite {n}\nSeuranta kohta {n}: teksti\n" for n in range(9_000)),
    ],
    ids=["broken lines", "handling pairs", "inline bullets", "spaces", "checkpoints"],
)
def test_a_long_hostile_text_just_under_the_limits_is_read_quickly(text):
    data = text.encode()
    assert len(data) < safety.MAX_BYTES
    started = time.monotonic()
    reading.read_document(data, "long.txt")
    assert time.monotonic() - started < 5


# --- Found in review: counts under any prefix and in every part, UTF-16 entities, old formats --

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_parts(extra: dict[str, bytes] | None = None) -> bytes:
    """A real DOCX with parts added or replaced."""
    source = zipfile.ZipFile(io.BytesIO(corpus.as_docx(corpus.numbered(corpus.NUMBERED))))
    extra = extra or {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            if entry.filename not in extra:
                archive.writestr(entry.filename, source.read(entry.filename))
        for name, data in extra.items():
            archive.writestr(name, data)
    return out.getvalue()


def too_many(name: str) -> str:
    return message(
        name,
        "it has more paragraphs, rows or cells than a goal document can have (at most %(limit)s).",
    )


def test_paragraphs_are_counted_under_any_namespace_prefix():
    body = b"<x:p/>" * 25_000
    data = docx_with(
        f'<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="{W_NS}"><x:body>'.encode()
        + body
        + b"</x:body></x:document>"
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(data, "prefix.docx")
    assert refused.value.messages == [too_many("prefix.docx")]
    default_namespace = docx_with(
        f'<?xml version="1.0"?><document xmlns="{W_NS}"><body>'.encode()
        + b"<p/>" * 25_000
        + b"</body></document>"
    )
    with pytest.raises(ValidationError):
        reading.read_document(default_namespace, "default.docx")


def test_paragraphs_in_any_part_of_the_archive_count_not_only_the_document():
    header = (
        f'<?xml version="1.0"?><w:hdr xmlns:w="{W_NS}">'.encode() + b"<w:p/>" * 25_000 + b"</w:hdr>"
    )
    data = docx_with_parts({"word/header9": header})  # named without .xml: still XML
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(data, "header.docx")
    assert refused.value.messages == [too_many("header.docx")]


def test_the_element_limit_applies_to_every_part_together(monkeypatch):
    plain = docx_with_parts()
    archive = zipfile.ZipFile(io.BytesIO(plain))
    counted = 0
    for entry in archive.infolist():
        xml = archive.read(entry)
        counted += xml.count(b"<") - xml.count(b"</") - xml.count(b"<!") - xml.count(b"<?")
    monkeypatch.setattr(limits, "MAX_ELEMENTS", counted + 100)
    assert reading.read_document(plain, "plain.docx").goals
    junk = b'<?xml version="1.0"?><root>' + b"<item/>" * 200 + b"</root>"
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(docx_with_parts({"customXml/item1.xml": junk}), "junk.docx")
    assert refused.value.messages == [too_many("junk.docx")]


def laughs_xml() -> str:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document ['
        + "".join(entities)
        + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_entities_declared_in_utf_16_or_utf_32_xml_are_refused(codec):
    for data in (
        docx_with(laughs_xml().encode(codec)),
        docx_with_parts({"word/styles.xml": laughs_xml().encode(codec)}),
    ):
        with translation.override("en"), pytest.raises(ValidationError) as refused:
            reading.read_document(data, "laughs.docx")
        assert refused.value.messages == [
            message("laughs.docx", "it declares XML entities, which are not allowed.")
        ]


def test_xml_in_an_encoding_a_scan_cannot_read_is_refused():
    utf7 = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<x/>'
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(docx_with_parts({"word/extra.xml": utf7}), "utf7.docx")
    assert refused.value.messages == [
        message("utf7.docx", "its XML uses a character encoding that is not allowed.")
    ]
    with translation.override("fi"), pytest.raises(ValidationError) as finnish:
        reading.read_document(docx_with_parts({"word/extra.xml": utf7}), "utf7.docx")
    assert finnish.value.messages == [
        message("utf7.docx", "its XML uses a character encoding that is not allowed.", True)
    ]


def ole(*streams: str) -> bytes:
    """An OLE compound file's first sector and a directory naming its streams (UTF-16)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = b"".join(s.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for s in streams)
    return header + directory + b"\x00" * 2048


OLD_FORMATS = {
    "vanha.doc": (
        ole("Root Entry", "WordDocument", "1Table"),
        "it is an old Word document (.doc). Save it as DOCX or PDF in Word and try again.",
    ),
    "vanha.xls": (
        ole("Root Entry", "Workbook"),
        "it is an old Excel workbook (.xls). Save it as XLSX or PDF in Excel and try again.",
    ),
    "vanha.ppt": (
        ole("Root Entry", "PowerPoint Document"),
        "it is an old Office file. Save it as DOCX, XLSX or PDF and try again.",
    ),
    "suojattu.docx": (
        ole("Root Entry", "EncryptionInfo", "EncryptedPackage"),
        "it is protected with a password. Remove the password, save the file again and try again.",
    ),
    "tavoitteet.rtf": (
        b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Tavoitteet\\par 1. Talous\\par}",
        "it is an RTF document. Save it as DOCX or PDF and try again.",
    ),
}


@pytest.mark.parametrize("name", list(OLD_FORMATS))
def test_old_word_and_excel_files_and_rtf_are_refused_by_content_naming_the_format(name):
    data, problem = OLD_FORMATS[name]
    for shown_as in (name, "tavoitteet.txt"):  # the name does not matter
        with translation.override("en"), pytest.raises(ValidationError) as english:
            reading.read_document(data, shown_as)
        assert english.value.messages == [message(shown_as, problem)]
        with translation.override("fi"), pytest.raises(ValidationError) as finnish:
            reading.read_document(data, shown_as)
        assert finnish.value.messages == [message(shown_as, problem, finnish=True)]


@pytest.mark.slow
def test_real_doc_and_xls_files_saved_by_libreoffice_are_refused_naming_their_format(tmp_path):
    from tests.document_tools import office_convert, require_tools

    require_tools("docx", "doc", "xlsx", "xls")
    (tmp_path / "t.docx").write_bytes(corpus.as_docx(corpus.numbered(corpus.NUMBERED)))
    (tmp_path / "t.xlsx").write_bytes(corpus.as_xlsx([["Tavoite", "Mittari"], ["Talous", "T"]]))
    for source, target in (("t.docx", "doc"), ("t.xlsx", "xls")):
        office_convert(tmp_path / source, target)
    for target, key in (("doc", "vanha.doc"), ("xls", "vanha.xls")):
        with translation.override("en"), pytest.raises(ValidationError) as refused:
            reading.read_document((tmp_path / f"t.{target}").read_bytes(), f"t.{target}")
        assert refused.value.messages == [message(f"t.{target}", OLD_FORMATS[key][1])]


def test_a_parser_failure_on_an_accepted_file_is_a_clear_refusal_not_an_error():
    deep = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        "<office:text><text:p>" + "<text:span>" * 5_000 + "x" + "</text:span>" * 5_000 + ""
        "</text:p></office:text></office:body></office:document-content>"
    )
    data = corpus._odf_zip("application/vnd.oasis.opendocument.text", "")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            body = deep.encode() if entry.filename == "content.xml" else source.read(entry)
            archive.writestr(entry.filename, body)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        reading.read_document(out.getvalue(), "deep.odt")
    assert refused.value.messages == [
        message("deep.odt", "the document's content cannot be parsed.")
    ]


# --- Through the upload page: every hostile file refused in the user's language -------------


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("name", [*HOSTILE, "vanha.doc", "tavoitteet.rtf"])
def test_a_hostile_or_old_file_uploaded_on_the_page_is_refused_and_nothing_is_saved(
    demo, name, language
):
    from django.utils.html import escape

    from suunta.organisations.models import ExecutivePost
    from tests.conftest import client_for

    if name in HOSTILE:
        make, problem = HOSTILE[name]
        data = make()
        problems = [problem] if problem else list(PDF_PROBLEMS)
    else:
        data, problem = OLD_FORMATS[name]
        problems = [problem]
    post = ExecutivePost.objects.get(organisation=demo["tuusula"])
    client = client_for(make_user("importer", demo["tuusula"]))
    before = row_counts()
    upload = io.BytesIO(data)
    upload.name = name
    response = client.post(f"/{language}/posts/{post.pk}/import/", {"file": upload})
    assert response.status_code == 422
    html = response.content.decode()
    with translation.override(language):
        shown = []
        for p in problems:
            inner = translation.gettext(p)
            if "%(limit)s" in inner:
                inner = inner % {"limit": "20\u00a0000"}
            outer = translation.gettext("The file %(name)s cannot be read: %(problem)s")
            shown.append(escape(outer % {"name": name, "problem": inner}))
    assert any(s in html for s in shown), html[:3000]
    assert row_counts() == before
