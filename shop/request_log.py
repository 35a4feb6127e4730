"""One structured log line per request, and a request id that follows it.

`RequestLogMiddleware` sits first in MIDDLEWARE, so it times the whole stack and sees
the final status, even one another middleware's failure turned into an error page.
`JSONFormatter` writes any log record as one JSON line; settings give it to the
"shop.requests" logger in production.
"""

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.http import HttpRequest
from django.utils.functional import LazyObject, empty

from .client import client_address

log = logging.getLogger("shop.requests")

REQUEST_ID_HEADER = "X-Request-ID"
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")
# Order pages carry their secret token in the path; logs must not become a key ring.
UUID_IN_PATH = re.compile(r"[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.request_id = request_id_from(request)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.request_id
        fields = request_fields(request, response, started)
        log.info("%(method)s %(path)s %(status)s", fields, extra=fields)
        return response


def request_id_from(request) -> str:
    """The proxy's X-Request-ID when it is a sane token, else a new one."""
    given = request.headers.get(REQUEST_ID_HEADER, "")
    return given if SANE_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def loggable_path(request) -> str:
    """The path without its query string (emails, search words) or any token in it."""
    return UUID_IN_PATH.sub("<token>", request.path)


def request_fields(request, response, started) -> dict:
    return {
        "request_id": request.request_id,
        "method": request.method,
        "path": loggable_path(request),
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "user": logged_user(request),
        "client": client_address(request),  # behind PROXY_COUNT proxies, the real one
    }


def logged_user(request):
    """A staff member's id, else "anonymous". Never loads a user the request did not."""
    user = getattr(request, "user", None)
    if user is None or (isinstance(user, LazyObject) and user._wrapped is empty):
        return "anonymous"
    return user.pk if user.is_staff else "anonymous"


class MaskTokens(logging.Filter):
    """Order tokens out of every log line, such as Django's own "Not Found: /en/orders/…"."""

    def filter(self, record):
        message = record.getMessage()
        if UUID_IN_PATH.search(message):
            record.msg, record.args = UUID_IN_PATH.sub("<token>", message), ()
        return True


class JSONFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, message and its extra fields."""

    RESERVED = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry |= {
            key: value
            for key, value in vars(record).items()
            if key not in self.RESERVED and not key.startswith("_")
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=_jsonable, ensure_ascii=False)


def _jsonable(value):
    # Django's own records carry the request: its path, never its query string.
    return loggable_path(value) if isinstance(value, HttpRequest) else str(value)
