"""Checking an uploaded logo: a small PNG, JPEG or SVG, recognised from its content, not its
name. The image is read in the bounded reader's child process (`suunta.uploads.reader`, with
its CPU-time and memory limits; the checks themselves are in `suunta.uploads.logos`): raster
images are decoded and written again (dropping metadata and anything appended); an SVG is
parsed without entities or external references and rebuilt from an allow-list of elements
and attributes, so no script, event handler, style sheet or outside link survives. This
module words the child's refusals in the user's language.

An SVG's cost is bounded before it is stored (the limits are in `suunta.uploads.limits`): its
elements are counted on the bytes before parsing, its nesting after, and the elements a
renderer would draw – each `<use>` or `url(#…)` counted as what it repeats – on the cleaned
tree. A logo is drawn on every document of its organisation, the public ones included: a few
`<use>` levels deep it would make each of them take minutes, so an SVG with `<use>` or with a
reference to anything outside itself is refused at upload. `drawable` applies the cost bound
to a logo stored before these checks existed."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from suunta.uploads import limits, reader
from suunta.uploads.formats import Refused
from suunta.uploads.logos import svg_problem

MAX_BYTES = limits.LOGO_MAX_BYTES
MAX_SIDE = limits.LOGO_MAX_SIDE


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
        kind = "PNG"
    elif data.startswith(b"\xff\xd8\xff"):
        kind = "JPEG"
    elif (
        data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<?xml", b"<svg", b"<!--"))
    ):
        kind = "SVG"
    else:
        raise _refuse(_("The logo must be a PNG, JPEG or SVG image; this file is none of them."))
    if kind == "SVG":  # counted on the bytes before a process is started for it
        problem = svg_problem(data, parse=False)
        if problem is not None:
            raise _refuse(_message(problem.code, problem.values, kind))
    try:
        result = reader.parse(
            data, "logo", getattr(upload, "name", "") or "", options={"kind": kind}
        )
    except ValidationError as error:  # the child's time or memory limit
        raise _refuse(error.messages[0]) from None
    if result.get("refused"):
        raise _refuse(_message(result["refused"], result.get("values") or {}, kind))
    return CheckedLogo(
        result["content_type"],
        base64.b64decode(result["data"]),
        result.get("width"),
        result.get("height"),
    )


def _message(code: str, values: dict[str, Any], kind: str) -> str:
    """A refusal of the logo's checks (`suunta.uploads.logos`), in the active language."""
    if code == "pixels":
        return _("The logo is %(width)s × %(height)s pixels: at most %(max)s on a side.") % {
            "width": values.get("width"),
            "height": values.get("height"),
            "max": MAX_SIDE,
        }
    if code == "elements":
        return _(
            "The SVG logo has %(count)s elements: at most %(limit)s are accepted. Simplify "
            "it or save it as PNG."
        ) % {"count": values.get("count"), "limit": limits.SVG_MAX_ELEMENTS}
    if code == "depth":
        return _("The SVG logo is nested more than %(limit)s levels deep. Save it as PNG.") % {
            "limit": limits.SVG_MAX_DEPTH
        }
    if code == "repeats":
        return _(
            "The SVG logo repeats its parts (with <use> or references) into more than "
            "%(limit)s elements, too many to draw quickly on every document. Simplify it or "
            "save it as PNG."
        ) % {"limit": limits.SVG_MAX_RENDERED}
    if code == "use":
        return _(
            "The SVG logo repeats its parts with <use>, which is not accepted. Save it "
            "as PNG, or export the SVG without symbols or clones."
        )
    if code == "outside":
        return _(
            "The SVG logo refers to something outside itself (%(reference)s). Save "
            "it as PNG, or export the SVG with everything it needs inside it."
        ) % {"reference": values.get("reference", "")}
    if code == "not_svg":
        return _("The file is XML but not an SVG image.")
    if kind == "SVG":  # "svg", or a damaged file the parser gave up on
        return _("The SVG file cannot be read safely: it is not well-formed or uses entities.")
    return _("The image cannot be read: it is damaged or not really a %(kind)s file.") % {
        "kind": kind
    }


def drawable(content_type: str, data: bytes) -> bool:
    """Whether a stored logo is within the limits a new one is checked against (a logo stored
    before a limit existed is left off the documents rather than making each one slow). Run
    in this process, once per document: the checks are bounded before the parse (the bytes
    and the elements counted on them) and take milliseconds."""
    if content_type != "image/svg+xml":
        return True
    return svg_problem(bytes(data)) is None


__all__ = ["CheckedLogo", "Refused", "check_logo", "drawable"]
