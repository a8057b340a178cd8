"""An upper bound on request bodies, checked on the declared length before a byte is read.

Outside the upload pages a body may be at most `SUUNTA_MAX_REQUEST_BYTES` (config/settings.py);
an upload page allows its own file limit plus the form around it (more than the general limit,
or less, as for the logo), and only to a signed-in user or, on the API, a valid token (an
anonymous request gets the general limit everywhere). A larger body gets 413 with a
short message in the user's language (JSON under /api/), before the CSRF check, the session's
form parsing or the upload handlers read it. Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` still
bounds the fields read into memory, for a body that comes without a length.

The middleware sits after `RequestIdentityMiddleware` (it needs to know who the request is);
nothing before it reads the body.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _

from suunta.uploads import limits as uploads

# The methods the app answers; TRACE, CONNECT and anything else get 405 before any view runs
# (a view without a method decorator would otherwise answer TRACE as if it were GET).
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

# Room for the multipart headers, the CSRF token and the form's other small fields.
FORM_OVERHEAD = 64 * 1024


def upload_limits() -> dict[str, int]:
    """The upload pages by view name, each with the body it may take: its own file limit (the
    one the bounded reader enforces, `suunta.uploads.limits`) plus the form around it."""
    # The import page also takes pasted text, at most 4 bytes a character in UTF-8.
    pasted = uploads.PASTED_TEXT_CHARS * 4
    return {
        "import_start": uploads.MAX_BYTES + pasted + FORM_OVERHEAD,
        "api:preview_import": uploads.MAX_BYTES + FORM_OVERHEAD,  # /api/v1/imports/preview
        "plan_values_import": uploads.VALUES_MAX_BYTES + FORM_OVERHEAD,
        "organisation_logo": uploads.LOGO_MAX_BYTES + FORM_OVERHEAD,
    }


def limit_for(request: HttpRequest) -> int:
    """The largest body this request may have."""
    general = settings.SUUNTA_MAX_REQUEST_BYTES
    try:
        name = resolve(request.path_info).view_name
    except Resolver404:
        return general
    upload = upload_limits().get(name)
    if upload is None:
        return general
    user = getattr(request, "user", None)
    if (user is not None and user.is_authenticated) or _api_token_user(request) is not None:
        return upload
    return min(general, upload)  # nobody gets an upload page's larger limit


def _api_token_user(request: HttpRequest):
    """On /api/ only: the user of a usable bearer token (which the API's `TokenAuth` will
    then act as), so that an integration may upload as much as a signed-in page may."""
    if not request.path_info.startswith("/api/"):
        return None
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    from suunta.api.models import ApiToken

    return ApiToken.authenticate(token.strip())


def declared_length(request: HttpRequest) -> int:
    """The body's declared length; an unreadable one is 0, as Django then reads nothing."""
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        message = _("The request is too large: at most %(size)s.") % {"size": filesizeformat(limit)}
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    response["Content-Language"] = language
    return response


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in METHODS:
            return HttpResponseNotAllowed(METHODS)
        length = declared_length(request)
        if length > FORM_OVERHEAD:  # smaller than every limit: no need to look further
            limit = limit_for(request)
            if length > limit:
                return too_large(request, limit)
        return self.get_response(request)
