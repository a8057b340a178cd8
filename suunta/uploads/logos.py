"""Reading an uploaded logo, in the child process (`child`, kind "logo"): no Django here. A
raster image (PNG, JPEG) is decoded and written again (dropping metadata and anything
appended); an SVG is counted on its bytes, parsed without entities or external references,
refused if it uses `<use>` or refers to anything outside itself, and rebuilt from an
allow-list of elements and attributes, so no script, event handler, style sheet or outside
link survives. A refusal is a `Refused(code, **values)` that `suunta.reports.logo` words.

The SVG checks (`svg_problem`) are also run in the server on a stored SVG logo before a
document draws it: they are bounded before the parse (at most `LOGO_MAX_BYTES` and
`SVG_MAX_ELEMENTS` elements, counted on the bytes) and take milliseconds.
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any

from . import limits
from .formats import Refused

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
URL_REFERENCE = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)")
RASTER = {"PNG": "image/png", "JPEG": "image/jpeg"}


def read(data: bytes, options: dict[str, Any]) -> dict[str, Any]:
    """The logo to store: its content type, its bytes (base64) and its size in pixels.
    `options["kind"]` is "PNG", "JPEG" or "SVG", as the server recognised it."""
    kind = options.get("kind")
    if kind in RASTER:
        return _raster(data, kind)
    if kind == "SVG":
        return _svg(data)
    raise Refused("damaged")


def _result(content_type: str, data: bytes, width: int | None, height: int | None) -> dict:
    return {
        "content_type": content_type,
        "data": base64.b64encode(data).decode("ascii"),
        "width": width,
        "height": height,
    }


def _raster(data: bytes, kind: str) -> dict[str, Any]:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if probe.format != kind:
                raise ValueError(probe.format)
            if width > limits.LOGO_MAX_SIDE or height > limits.LOGO_MAX_SIDE:
                raise Refused("pixels", width=width, height=height)
            probe.verify()
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image: Image.Image = opened
            if kind == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, format=kind)  # written again: no metadata, nothing appended
    except Refused:
        raise
    except MemoryError:
        raise
    except Exception:  # any decoder error means a broken file
        raise Refused("image", kind=kind) from None
    return _result(RASTER[kind], out.getvalue(), width, height)


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _sep, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def parse_svg(data: bytes) -> Any:
    """The SVG's element tree, or `Refused`: too many elements (counted on the bytes, before
    the parse), not well-formed or with entities, nested too deep."""
    from xml.etree import ElementTree

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    elements = start_tags(data)
    if elements > limits.SVG_MAX_ELEMENTS:
        raise Refused("elements", count=elements)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ElementTree.ParseError, ValueError):
        raise Refused("svg") from None
    if depth(root) > limits.SVG_MAX_DEPTH:
        raise Refused("depth")
    return root


def check_drawn(root: Any) -> None:
    if svg_drawn(root, limits.SVG_MAX_RENDERED) > limits.SVG_MAX_RENDERED:
        raise Refused("repeats")


def svg_problem(data: bytes, *, parse: bool = True) -> Refused | None:
    """What is wrong with an SVG logo's cost (too large, too many elements; with `parse`, too
    deep or too much drawn), or None."""
    if len(data) > limits.LOGO_MAX_BYTES:
        return Refused("size")
    if not parse:
        elements = start_tags(data)
        return Refused("elements", count=elements) if elements > limits.SVG_MAX_ELEMENTS else None
    try:
        check_drawn(parse_svg(data))
    except Refused as refused:
        return refused
    return None


def _svg(data: bytes) -> dict[str, Any]:
    from xml.etree import ElementTree

    root = parse_svg(data)
    namespace, name = _local(root.tag)
    if name != "svg" or namespace not in ("", SVG_NS):
        raise Refused("not_svg")
    _refuse_references(root)
    clean = _clean(root)
    if clean is None:  # pragma: no cover - the root is an svg element
        raise Refused("not_svg")
    check_drawn(clean)
    clean.set("xmlns", SVG_NS)
    output = ElementTree.tostring(clean, encoding="unicode")
    width = _pixels(clean.get("width"))
    height = _pixels(clean.get("height"))
    return _result("image/svg+xml", output.encode("utf-8"), width, height)


def _refuse_references(root: Any) -> None:
    """An SVG logo stands alone: no `<use>` (each one repeats a part, and a few levels of them
    make every document slow to draw) and no reference to anything outside the image (a link,
    an embedded or outside image, `url(…)` to another file). Refused with a message rather
    than silently changed, so that what is stored is what the organisation sees."""
    for element in root.iter():
        _namespace, name = _local(element.tag)
        if name.lower() == "use":
            raise Refused("use")
        for key, value in element.attrib.items():
            attr = _local(key)[1].lower()
            outside = (attr == "href" and not value.strip().startswith("#")) or URL_VALUE.search(
                value
            )
            if outside:
                raise Refused("outside", reference=value.strip()[:60])


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


# --- Counting an SVG's cost -------------------------------------------------------------------


def start_tags(xml: bytes) -> int:
    """The elements of an XML text, counted on its bytes: every "<" that does not open an end
    tag, a declaration or an instruction."""
    return xml.count(b"<") - xml.count(b"</") - xml.count(b"<!") - xml.count(b"<?")


def depth(root) -> int:
    """How deep an element tree is, walked without recursion."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def svg_drawn(root, limit: int) -> int:
    """How many elements a renderer draws for an SVG tree: each element once, and each `<use>`
    as many again as the element it refers to draws (which may itself hold `<use>`s: ten
    levels of ten make ten billion); so too each `url(#…)` reference to a clip path or a
    gradient. Counting stops past `limit`; a reference that loops is counted as past it."""
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    memo: dict[int, int] = {}
    visiting: set[int] = set()

    def drawn(element) -> int:
        key = id(element)
        if key in memo:
            return memo[key]
        if key in visiting:
            return limit + 1
        visiting.add(key)
        total = 1
        href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href") or ""
        tag = element.tag.rpartition("}")[2].lower()
        targets = [href[1:]] if tag == "use" and href.startswith("#") else []
        for value in element.attrib.values():
            targets.extend(URL_REFERENCE.findall(value))
        for target in targets:
            if target in by_id and total <= limit:
                total += drawn(by_id[target])
        for child in element:
            if total > limit:
                break
            total += drawn(child)
        visiting.discard(key)
        memo[key] = min(total, limit + 1)
        return memo[key]

    try:
        return drawn(root)
    except RecursionError:
        return limit + 1
