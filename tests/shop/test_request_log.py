"""Every request leaves one JSON line in the log, under an id it shares with the proxy."""

import io
import json
import logging
import re
import sys

import pytest

from shop.request_log import JSONFormatter


@pytest.fixture
def log_lines():
    """The "shop.requests" lines, written as production writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JSONFormatter())
    logger = logging.getLogger("shop.requests")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: stream.getvalue().splitlines()
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.mark.django_db
def test_a_request_is_one_json_line_with_its_facts(client, log_lines):
    response = client.get("/en/search/?q=olena%40example.com", REMOTE_ADDR="203.0.113.7")
    [line] = log_lines()
    entry = json.loads(line)
    assert (
        entry
        | {
            "logger": "shop.requests",
            "level": "INFO",
            "method": "GET",
            "path": "/en/search/",
            "status": 200,
            "user": "anonymous",
            "client": "203.0.113.7",
            "request_id": response["X-Request-ID"],
        }
        == entry
    )
    assert isinstance(entry["duration_ms"], float)
    assert "olena" not in line


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_and_echoed(client, log_lines):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID="lb-7f3a-0001")
    assert response["X-Request-ID"] == "lb-7f3a-0001"
    assert json.loads(log_lines()[0])["request_id"] == "lb-7f3a-0001"


@pytest.mark.parametrize(
    "hostile",
    ["", "x" * 65, "id with spaces", "<script>", 'a"}, {"status": 200', "ід-кирилицею"],
)
@pytest.mark.django_db
def test_a_hostile_request_id_is_replaced(client, log_lines, hostile):
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID=hostile)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert json.loads(log_lines()[0])["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_staff_are_logged_by_id(admin_client, admin_user, log_lines):
    admin_client.get("/admin/")
    assert json.loads(log_lines()[0])["user"] == admin_user.pk


def test_logging_the_user_costs_no_query(client, warm_caches, django_assert_num_queries, log_lines):
    with django_assert_num_queries(0):
        client.get("/robots.txt", HTTP_COOKIE="sessionid=abc")
    assert json.loads(log_lines()[0])["user"] == "anonymous"


@pytest.mark.django_db
def test_an_order_token_in_the_path_is_not_logged(client, log_lines):
    client.get("/en/orders/5f0c4f4e-8a55-4bb8-9d3b-2a4f0e2d9c11/")
    entry = json.loads(log_lines()[0])
    assert entry["path"] == "/en/orders/<token>/"


def test_the_formatter_writes_exceptions_on_the_same_line():
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        record = logging.makeLogRecord(
            {"name": "shop", "levelno": 40, "levelname": "ERROR", "msg": "failed"}
        )
        record.exc_info = sys.exc_info()
    line = JSONFormatter().format(record)
    assert "\n" not in line
    assert "ValueError: bad" in json.loads(line)["exception"]


@pytest.mark.django_db
def test_djangos_own_warnings_carry_no_order_token(client, settings):
    from shop.request_log import MaskTokens

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # as the console handler in settings.LOGGING
    handler.addFilter(MaskTokens())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    token = "2f1e4c8a-9b7d-4e3f-8a6b-1c2d3e4f5a6b"
    try:
        assert client.get(f"/en/orders/{token}/").status_code == 404
    finally:
        logger.removeHandler(handler)

    assert settings.LOGGING["handlers"]["console"]["filters"] == ["mask_tokens"]
    assert "Not Found: /en/orders/<token>/" in stream.getvalue()
    assert token not in stream.getvalue()
