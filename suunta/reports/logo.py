"""Checking an uploaded logo: a small PNG, JPEG or SVG, recognised from its content, not its
name. Raster images are decoded and written again (dropping metadata and anything appended);
an SVG is parsed without entities or external references and rebuilt from an allow-list of
elements and attributes, so no script, event handler, style sheet or outside link survives.

An SVG's cost is bounded before it is stored (the limits are in `suunta.uploads.limits`): its
elements are counted on the bytes before parsing, its nesting after, and the elements a
renderer would draw – each `<use>` or `url(#…)` counted as what it repeats – on the cleaned
tree. A logo is drawn on every document of its organisation, the public ones included: a few
`<use>` levels deep it would make each of them take minutes, so an SVG with `<use>` or with a
reference to anything outside itself is refused at upload. `drawable` applies the cost bound
to a logo stored before these checks existed."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from suunta.uploads import limits
from suunta.uploads.prechecks import depth, start_tags, svg_drawn

MAX_BYTES = limits.LOGO_MAX_BYTES
MAX_SIDE = limits.LOGO_MAX_SIDE

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
SVG_ELEMENTS = {
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
    "tspan", "title", "desc", "defs", "lineargradient", "radialgradient", "stop", "clippath",
    "symbol",
}  # fmt: skip
SVG_ATTRIBUTES = {
    "id", "class", "viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
    "r", "rx", "ry", "d", "points", "fill", "fill-rule", "fill-opacity", "stroke",
    "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity",
    "opacity", "transform", "offset", "stop-color", "stop-opacity", "gradientunits",
    "gradienttransform", "clip-path", "clip-rule", "font-family", "font-size", "font-weight",
    "text-anchor", "preserveaspectratio", "version", "href", "dx", "dy", "role", "aria-label",
    "spreadmethod", "fx", "fy", "clippathunits",
}  # fmt: skip
URL_VALUE = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


@dataclass
class CheckedLogo:
    content_type: str
    data: bytes
    width: int | None
    height: int | None

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="invalid_logo")


def check_logo(upload: Any) -> CheckedLogo:
    """The logo to store, or a ValidationError naming what is wrong with the file."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise _refuse(
            _("The logo is %(size)s kB: at most %(limit)s kB is accepted.")
            % {"size": size // 1024, "limit": MAX_BYTES // 1024}
        )
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _refuse(
            _("The logo is over %(limit)s kB: at most %(limit)s kB is accepted.")
            % {"limit": MAX_BYTES // 1024}
        )
    if not data:
        raise _refuse(_("The file is empty."))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _raster(data, "PNG", "image/png")
    if data.startswith(b"\xff\xd8\xff"):
        return _raster(data, "JPEG", "image/jpeg")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--"):
        return _svg(data)
    raise _refuse(_("The logo must be a PNG, JPEG or SVG image; this file is none of them."))


def _raster(data: bytes, kind: str, content_type: str) -> CheckedLogo:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if probe.format != kind:
                raise ValueError(probe.format)
            if width > MAX_SIDE or height > MAX_SIDE:
                raise _refuse(
                    _("The logo is %(width)s × %(height)s pixels: at most %(max)s on a side.")
                    % {"width": width, "height": height, "max": MAX_SIDE}
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image: Image.Image = opened
            if kind == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, format=kind)  # written again: no metadata, nothing appended
    except ValidationError:
        raise
    except Exception as error:  # any decoder error means a broken file
        raise _refuse(
            _("The image cannot be read: it is damaged or not really a %(kind)s file.")
            % {"kind": kind}
        ) from error
    return CheckedLogo(content_type, out.getvalue(), width, height)


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _sep, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _parse_svg(data: bytes) -> Any:
    from xml.etree import ElementTree

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    elements = start_tags(data)
    if elements > limits.SVG_MAX_ELEMENTS:
        raise _refuse(
            _(
                "The SVG logo has %(count)s elements: at most %(limit)s are accepted. Simplify "
                "it or save it as PNG."
            )
            % {"count": elements, "limit": limits.SVG_MAX_ELEMENTS}
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ElementTree.ParseError, ValueError) as error:
        raise _refuse(
            _("The SVG file cannot be read safely: it is not well-formed or uses entities.")
        ) from error
    if depth(root) > limits.SVG_MAX_DEPTH:
        raise _refuse(
            _("The SVG logo is nested more than %(limit)s levels deep. Save it as PNG.")
            % {"limit": limits.SVG_MAX_DEPTH}
        )
    return root


def _check_drawn(root: Any) -> None:
    if svg_drawn(root, limits.SVG_MAX_RENDERED) > limits.SVG_MAX_RENDERED:
        raise _refuse(
            _(
                "The SVG logo repeats its parts (with <use> or references) into more than "
                "%(limit)s elements, too many to draw quickly on every document. Simplify it or "
                "save it as PNG."
            )
            % {"limit": limits.SVG_MAX_RENDERED}
        )


def drawable(content_type: str, data: bytes) -> bool:
    """Whether a stored logo is within the limits a new one is checked against (a logo stored
    before a limit existed is left off the documents rather than making each one slow)."""
    if content_type != "image/svg+xml":
        return True
    try:
        _check_drawn(_parse_svg(bytes(data)))
    except ValidationError:
        return False
    return True


def _svg(data: bytes) -> CheckedLogo:
    from xml.etree import ElementTree

    root = _parse_svg(data)
    namespace, name = _local(root.tag)
    if name != "svg" or namespace not in ("", SVG_NS):
        raise _refuse(_("The file is XML but not an SVG image."))
    _refuse_references(root)
    clean = _clean(root)
    if clean is None:  # pragma: no cover - the root is an svg element
        raise _refuse(_("The file is XML but not an SVG image."))
    _check_drawn(clean)
    clean.set("xmlns", SVG_NS)
    output = ElementTree.tostring(clean, encoding="unicode")
    width = _pixels(clean.get("width"))
    height = _pixels(clean.get("height"))
    return CheckedLogo("image/svg+xml", output.encode("utf-8"), width, height)


def _refuse_references(root: Any) -> None:
    """An SVG logo stands alone: no `<use>` (each one repeats a part, and a few levels of them
    make every document slow to draw) and no reference to anything outside the image (a link,
    an embedded or outside image, `url(…)` to another file). Refused with a message rather
    than silently changed, so that what is stored is what the organisation sees."""
    for element in root.iter():
        _namespace, name = _local(element.tag)
        if name.lower() == "use":
            raise _refuse(
                _(
                    "The SVG logo repeats its parts with <use>, which is not accepted. Save it "
                    "as PNG, or export the SVG without symbols or clones."
                )
            )
        for key, value in element.attrib.items():
            attr = _local(key)[1].lower()
            outside = (attr == "href" and not value.strip().startswith("#")) or URL_VALUE.search(
                value
            )
            if outside:
                raise _refuse(
                    _(
                        "The SVG logo refers to something outside itself (%(reference)s). Save "
                        "it as PNG, or export the SVG with everything it needs inside it."
                    )
                    % {"reference": value.strip()[:60]}
                )


def _pixels(value: str | None) -> int | None:
    match = re.match(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*$", value or "")
    return int(float(match.group(1))) if match else None


def _clean(element: Any) -> Any:
    from xml.etree import ElementTree

    namespace, name = _local(element.tag)
    if namespace not in ("", SVG_NS) or name.lower() not in SVG_ELEMENTS:
        return None
    copy = ElementTree.Element(name)
    for key, value in element.attrib.items():
        attr_ns, attr = _local(key)
        attr = attr.lower()
        if attr_ns not in ("", XLINK_NS):
            continue
        if attr.startswith("on") or attr not in SVG_ATTRIBUTES:
            continue
        if attr == "href" and not value.strip().startswith("#"):
            continue  # only references inside the image itself
        if URL_VALUE.search(value) or "javascript:" in value.lower():
            continue
        copy.set(_local(key)[1], value)
    copy.text = element.text if name.lower() in ("text", "tspan", "title", "desc") else None
    for child in element:
        cleaned = _clean(child)
        if cleaned is not None:
            cleaned.tail = None
            copy.append(cleaned)
    return copy
