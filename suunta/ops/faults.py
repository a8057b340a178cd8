"""Faults the user cannot fix answer 503 with a clear page, never a 500 or a half-saved record.

- The database does not answer (PostgreSQL stopped or restarting, a broken connection, SQLite
  still locked after its busy timeout): 503 with `Retry-After`, "try again in a minute". Django
  reconnects by itself once the server is back (`CONN_HEALTH_CHECKS`, config/settings.py).
- The disk is full (OSError ENOSPC, SQLite "database or disk is full", PostgreSQL's
  disk_full): 503, "nothing you sent was saved". Every action writes in one transaction, so
  a failed write leaves nothing behind.
- An upload that fills the disk while it is being received: the temporary file is removed at
  once and the page names the file (`TemporaryFileUploadHandler`).

Pages get `templates/503.html` in the user's language; `/api/` gets JSON
`{"detail": …, "code": "database_unavailable" | "disk_full"}`. Two ways in: the middleware's
`process_exception` for errors raised in a view, and `server_error` (config/urls.py
`handler500`) for errors anywhere else (a middleware reading the session or the POST body).
Any other exception is an ordinary 500.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

import redis.exceptions
from django.core.files import uploadhandler
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("suunta.ops.faults")

DATABASE = "database_unavailable"
DISK = "disk_full"
UPLOAD = "upload_disk_full"
# Seconds a client is asked to wait: a database restart is quick, a full disk needs a person.
RETRY_AFTER = {DATABASE: 30, DISK: 300, UPLOAD: 300}
_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
# SQLite errors that mean "busy or unreachable", not a mistake in the program.
_SQLITE_UNAVAILABLE = ("database is locked", "database table is locked", "unable to open")
_SQLITE_FULL = ("database or disk is full",)
_DRAIN_LIMIT = 256 * 1024 * 1024


class UploadDiskFull(Exception):
    """An uploaded file could not be received because the disk is full."""

    def __init__(self, file_name: str):
        super().__init__(f"No space left for the upload {file_name!r}")
        self.file_name = file_name


def _chain(exc: BaseException | None):
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def classify(exc: BaseException | None) -> str | None:
    """`DATABASE`, `DISK` or `UPLOAD` when the exception (or what caused it) is one of the
    faults above; None for anything else."""
    for error in _chain(exc):
        if isinstance(error, UploadDiskFull):
            return UPLOAD
        if isinstance(error, OSError) and error.errno in _DISK_ERRNOS:
            return DISK
        if isinstance(error, sqlite3.Error):
            text = str(error).lower()
            if any(part in text for part in _SQLITE_FULL):
                return DISK
            if any(part in text for part in _SQLITE_UNAVAILABLE):
                return DATABASE
            return None  # e.g. "no such table": a fault of the program, an ordinary 500
        sqlstate = getattr(error, "sqlstate", None)
        if sqlstate == "53100":  # PostgreSQL disk_full
            return DISK
    for error in _chain(exc):
        # The shared cache (Redis) not answering: the service is as unavailable as without
        # its database, and as quickly back.
        if isinstance(error, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError):
            return DATABASE
        if isinstance(error, OperationalError | InterfaceError):
            if isinstance(error.__cause__, sqlite3.Error):
                return None
            return DATABASE
    return None


def _language(request: HttpRequest) -> str:
    return (
        getattr(request, "LANGUAGE_CODE", None)
        or translation.get_language_from_path(request.path_info)
        or translation.get_language_from_request(request)
    )


def _texts(kind: str, exc: BaseException | None) -> tuple[str, str]:
    if kind == UPLOAD:
        name = next((e.file_name for e in _chain(exc) if isinstance(e, UploadDiskFull)), "")
        return (
            _("The file could not be received"),
            _(
                "The file “%(name)s” could not be received because the server's storage is "
                "full. Nothing was saved. Try again later, and tell the service's "
                "administrator if this happens again."
            )
            % {"name": name},
        )
    if kind == DISK:
        return (
            _("The server's storage is full"),
            _(
                "Your change could not be saved because the server's storage is full. Nothing "
                "was saved. Try again later, and tell the service's administrator if this "
                "happens again."
            ),
        )
    return (
        _("The service is temporarily unavailable"),
        _(
            "The database is not answering at the moment. Try again in a minute. If you were "
            "saving a change, check afterwards whether it was saved."
        ),
    )


def unavailable(request: HttpRequest, kind: str, exc: BaseException | None = None) -> HttpResponse:
    """The 503 answer for a fault of `kind`: a page in the user's language, or JSON for the
    API."""
    with translation.override(_language(request)):
        title, message = _texts(kind, exc)
        retry = RETRY_AFTER[kind]
        if request.path_info.startswith("/api/"):
            code = DISK if kind == UPLOAD else kind
            response: HttpResponse = JsonResponse({"detail": message, "code": code}, status=503)
        else:
            html = render_to_string(
                "503.html",
                {"title": title, "message": message, "LANGUAGE_CODE": translation.get_language()},
            )
            response = HttpResponse(html, status=503)
        response["Content-Language"] = translation.get_language()
    response["Retry-After"] = str(retry)
    response["Cache-Control"] = "no-store"
    return response


def _log(kind: str, request: HttpRequest, exc: BaseException) -> None:
    if kind == DATABASE:
        logger.warning("database unavailable (%s %s): %s", request.method, request.path, exc)
    else:
        logger.error("disk full (%s %s)", request.method, request.path, exc_info=exc)


class FaultMiddleware:
    """Turns the faults of a view into the 503 answer (`classify`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> Any:
        kind = classify(exception)
        if kind is None:
            return None
        _log(kind, request, exception)
        return unavailable(request, kind, exception)


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: the 503 answer for the faults above, Django's plain 500 page otherwise.
    Reads nothing from the database."""
    exc = sys.exc_info()[1]
    kind = classify(exc)
    if kind is None or exc is None:
        return defaults.server_error(request, template_name)
    _log(kind, request, exc)
    return unavailable(request, kind, exc)


def _disk_full(exc: OSError) -> bool:
    return exc.errno in _DISK_ERRNOS


class TemporaryFileUploadHandler(uploadhandler.TemporaryFileUploadHandler):
    """Django's handler for large uploads, but a full disk removes the partial temporary file
    at once, reads the rest of the request away (so the browser gets the answer rather than a
    reset connection) and raises `UploadDiskFull`, which names the file."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().new_file(*args, **kwargs)
        except OSError as exc:
            if not _disk_full(exc):
                raise
            self._give_up(exc)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        try:
            self.file.write(raw_data)
        except OSError as exc:
            if not _disk_full(exc):
                raise
            self._give_up(exc)

    def file_complete(self, file_size: int) -> Any:
        try:
            return super().file_complete(file_size)  # flushes what is buffered
        except OSError as exc:
            if not _disk_full(exc):
                raise
            self._give_up(exc)

    def _give_up(self, exc: OSError) -> None:
        file = getattr(self, "file", None)
        if file is not None:
            path = file.temporary_file_path()
            with contextlib.suppress(OSError):  # closing flushes; the disk is still full
                file.close()
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        read = 0
        if self.request is not None:
            try:
                while read < _DRAIN_LIMIT:
                    chunk = self.request.read(64 * 1024)
                    if not chunk:
                        break
                    read += len(chunk)
            except OSError:
                pass
        raise UploadDiskFull(self.file_name or "") from exc


# --- The health check ------------------------------------------------------------------------


def healthz(request: HttpRequest) -> JsonResponse:
    """200 with the database's vendor, or 503 when the database does not answer."""
    from django.db import connection

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": connection.vendor})


class HealthCheckMiddleware:
    """`/healthz` answered first, before the host check, the https redirect and the session: a
    load balancer checks it over plain http by the server's address, which is no host name
    in `SUUNTA_ALLOWED_HOSTS`. It says only whether the database answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == "/healthz" and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
