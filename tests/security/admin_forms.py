"""Submitting a Django admin page as a browser would: the fields of the page's own form (inlines
and management forms included), with some values changed. A read-only page has no fields to
send; the changed values are sent anyway, so that what the admin accepts is what is tested."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _FormFields(HTMLParser):
    """The name=value pairs a browser would send for the page's forms (submit buttons and
    unchecked boxes left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: dict[str, Any] = {}
        self._select: str | None = None
        self._select_multiple = False
        self._first_option: str | None = None
        self._selected = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields[name] = a.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            self._select, self._select_multiple = name, "multiple" in a
            self._first_option, self._selected = None, False
            if self._select_multiple:
                self.fields[name] = []
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self._selected = True
                if self._select_multiple:
                    self.fields[self._select].append(value)
                else:
                    self.fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select:
            if not self._selected and not self._select_multiple:
                self.fields[self._select] = self._first_option or ""
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(html: str) -> dict[str, Any]:
    parser = _FormFields()
    parser.feed(html)
    return parser.fields


def submit(client: Any, url: str, changes: dict[str, Any]) -> Any:
    """GET the admin page, then POST its form with `changes` applied. A key ending in
    `-0-<field>` without its prefix (`"*-0-role"`) changes that field of the first row of
    every inline that has it."""
    page = client.get(url)
    data = form_fields(page.content.decode()) if page.status_code == 200 else {}
    data.pop("csrfmiddlewaretoken", None)
    for key, value in changes.items():
        if key.startswith("*"):
            matched = [name for name in data if name.endswith(key[1:])]
            for name in matched:
                data[name] = value
            if not matched:
                data[key[1:].lstrip("-")] = value
        else:
            data[key] = value
    return client.post(url, data)
