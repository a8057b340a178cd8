"""Validators of Finnish identifiers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_is_valid(value: str) -> bool:
    """A Finnish business ID (Y-tunnus) 1234567-8 whose check digit is right."""
    if len(value) != 9 or value[7] != "-" or not (value[:7] + value[8]).isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(value[:7], BUSINESS_ID_WEIGHTS, strict=True))
    remainder = total % 11
    if remainder == 1:
        return False
    check = 0 if remainder == 0 else 11 - remainder
    return int(value[8]) == check


def validate_business_id(value: str) -> None:
    if value and not business_id_is_valid(value):
        raise ValidationError(
            _(
                "%(value)s is not a valid business ID: write it as 1234567-8 with the right "
                "check digit."
            ),
            code="business_id",
            params={"value": value},
        )
