"""The path converters the apps' URLs share, registered once (a second registration of the same
name is deprecated in Django): `docfmt` (pdf, docx), `textfmt` (docx, txt) and `direction`
(up, down)."""

from django.urls import register_converter


class Choice:
    regex = ""

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class DocumentFormat(Choice):
    regex = "pdf|docx"


class TextFormat(Choice):
    regex = "docx|txt"


class Direction(Choice):
    regex = "up|down"


register_converter(DocumentFormat, "docfmt")
register_converter(TextFormat, "textfmt")
register_converter(Direction, "direction")
