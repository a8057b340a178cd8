"""The demo's stable ids: every demo row's id is derived from a key, so that loading the demo
again finds what it made before (idempotent), and the addresses and API examples in the docs
stay the same from one database to the next."""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("6b1f3f0e-8e1c-4c7e-9a55-5d0a3c1e2b7a")


def uid(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, key)


def ensure(model, key: str, **fields):
    """The row with the key's id, made with `fields` if it is not there yet. For what no
    action makes (organisations, bodies, people, posts: kept in the Django admin) and for the
    rows an action cannot make as the demo needs them (each use says why)."""
    obj, _ = model.objects.get_or_create(id=uid(key), defaults=fields)
    return obj
