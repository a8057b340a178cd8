"""What the app accepts as a text and as a number, whatever the door (forms, the API, imports).

- A text must be storable: no NUL character (PostgreSQL refuses it in a text column) and no
  lone surrogate (a JSON string such as "\\ud800" decodes to one; it cannot be encoded as
  UTF-8, so neither database can store it). `text_problem` says what is wrong; the models
  (`Entity.clean_fields`), the API's input schemas and the forms all ask it, so the refusal is
  a 422 naming the field, never a 500 from the database driver.
- A number typed or sent by a person is bounded: finite, less than 10^15 in magnitude and
  with at most ten decimals. Python's decimals have no such bound (`1e999999999` is a valid
  Decimal), and arithmetic on them overflows; `bounded` refuses them where they are parsed.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

MAX_MAGNITUDE = Decimal("1e15")
MAX_PLACES = 10


class OutOfRange(ValueError):
    """A number too large, or with too many decimals, for anything the app computes."""


def text_problem(value: Any) -> str | None:
    """Why the text cannot be stored, in the user's language; None when it can."""
    if not isinstance(value, str):
        return None
    if "\x00" in value:
        return _("This text contains a NUL character, which cannot be stored. Remove it.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _(
            "This text contains a broken character (not valid UTF-8), which cannot be stored. "
            "Write or paste it again."
        )
    return None


def bounded(value: Decimal, *, places: int | None = MAX_PLACES) -> Decimal:
    """The number itself, if it is finite and within the bounds; otherwise OutOfRange (or
    InvalidOperation for infinity and NaN). `places=None` leaves the decimals to the caller
    (a form field with its own `decimal_places`)."""
    if not value.is_finite():
        raise InvalidOperation
    if not value:
        return Decimal(0)  # 0E-999999999 too
    # Exact comparisons only: rounding 1e999999999 in a decimal context would overflow.
    if value.copy_abs() >= MAX_MAGNITUDE:
        raise OutOfRange(out_of_range_message())
    if places is None:
        return value
    _sign, digits, exponent = value.as_tuple()
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if -(int(exponent) + trailing_zeros) > places:
        raise OutOfRange(out_of_range_message())
    return value


def out_of_range_message() -> str:
    return _(
        "The number is too large or has too many decimals (at most %(places)s decimals, less "
        "than %(limit)s)."
    ) % {"places": MAX_PLACES, "limit": "1 000 000 000 000 000"}
