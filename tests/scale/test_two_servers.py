"""Two gunicorn servers sharing PostgreSQL and Redis, as the shop scales out.

Each server is its own process with its own memory, so whatever one of them
caches or learns reaches the other only through Redis. The tests make a change
through one server and read the result from the other at once.
"""

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests
from django.contrib.auth.models import User
from django.db import connection

from catalog.models import Release
from tests.factories import make_release

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="separate server processes need a database server; SQLite tests run in memory",
    ),
]

REDIS_URL = "redis://127.0.0.1:6379/14"
PROJECT = Path(__file__).resolve().parents[2]
START_SECONDS = 30
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Behind the shop's proxy every server sees the public host, whatever port it listens on.
PUBLIC_HOST = {"Host": "127.0.0.1"}


def shopper():
    session = requests.Session()
    session.headers.update(PUBLIC_HOST)
    return session


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Production settings serve static files from collectstatic's manifest."""
    root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=PROJECT,
        env={
            **_server_environment(),
            "DATABASE_URL": "sqlite:///:memory:",
            "STATIC_ROOT": str(root),
        },
        check=True,
    )
    return root


def _server_environment():
    return {
        "PATH": str(Path(sys.executable).parent),
        "DJANGO_SETTINGS_MODULE": "shop.settings",
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": "two-servers-test-secret-key-shared-by-both-of-them",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SHOP_URL": "http://127.0.0.1",
        "REDIS_URL": REDIS_URL,
        "REQUEST_LOG": "false",
        "STRIPE_SECRET_KEY": "sk_test_unused",
        "STRIPE_WEBHOOK_SECRET": "whsec_test_unused",
        "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
    }


@pytest.fixture
def servers(transactional_db, starting_data, shared_redis, static_root, tmp_path, settings):
    """Two servers, each with one worker, on the test database and one Redis database."""
    # The servers check passwords with the production hashers, not the tests' quick one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    database = connection.settings_dict
    environment = _server_environment() | {
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "STATIC_ROOT": str(static_root),
    }
    started = []
    try:
        # Appended one by one, so that a server that started is stopped even when the
        # second does not start: it would hold the test database open.
        for n in (1, 2):
            started.append(_start(environment, tmp_path / f"server-{n}.log"))
        yield [url for url, _process in started]
    finally:
        for _url, process in started:
            process.terminate()
            process.wait(timeout=10)


def _start(environment, log_path):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(gunicorn), "shop.wsgi", "--workers", "1", "--bind", "127.0.0.1:0"],
        cwd=PROJECT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        port = _wait_for_port(process, log_path)
    except BaseException:
        process.terminate()
        process.wait(timeout=10)
        raise
    url = f"http://127.0.0.1:{port}"
    return url, process


def _wait_for_port(process, log_path):
    """Gunicorn picks a free port for 127.0.0.1:0 and logs it."""
    listening = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
    session = shopper()
    for _attempt in range(START_SECONDS * 10):
        if process.poll() is not None:
            pytest.fail(f"server exited:\n{log_path.read_text()}")
        if match := listening.search(log_path.read_text()):
            port = int(match.group(1))
            try:
                # The first request loads the whole shop: slow on a busy machine.
                session.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
                return port
            except (requests.ConnectionError, requests.Timeout):
                pass
        time.sleep(0.1)
    pytest.fail(f"server did not start:\n{log_path.read_text()}")


def _logged_in_staff(url):
    User.objects.create_superuser("manager", "manager@example.com", "a-long-staff-password")
    staff = shopper()
    login = f"{url}/admin/login/"
    token = CSRF_INPUT.search(staff.get(login).text).group(1)
    answer = staff.post(
        login,
        data={
            "username": "manager",
            "password": "a-long-staff-password",
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        },
        headers={"Referer": "http://127.0.0.1/admin/login/"},
    )
    assert answer.status_code == 200 and "manager" in answer.text
    return staff


def test_a_page_cached_by_one_server_is_served_by_the_other(servers):
    first, second = servers
    release = make_release(title="Kind of Blue", stock=5)
    path = f"/en/records/{release.slug}/"
    assert "Kind of Blue" in shopper().get(first + path).text
    # A change behind both servers' backs (no signal, no version moved): the second
    # server still shows the first one's page, so it came from the shared cache.
    Release.objects.filter(pk=release.pk).update(title="Changed without telling anyone")
    page = shopper().get(second + path)
    assert page.status_code == 200
    assert "Kind of Blue" in page.text


def test_a_change_through_one_server_shows_on_the_other_at_once(servers):
    first, second = servers
    kept = make_release(title="Kind of Blue", stock=5)
    withdrawn = make_release(title="Blue Train", stock=5)
    assert "Blue Train" in shopper().get(second + "/en/records/").text
    assert shopper().get(second + f"/en/records/{withdrawn.slug}/").status_code == 200

    staff = _logged_in_staff(first)
    changelist = f"{first}/admin/catalog/release/"
    token = CSRF_INPUT.search(staff.get(changelist).text).group(1)
    answer = staff.post(
        changelist,
        data={
            "action": "unpublish",
            "_selected_action": [withdrawn.pk],
            "index": 0,
            "csrfmiddlewaretoken": token,
        },
        headers={"Referer": "http://127.0.0.1/admin/catalog/release/"},
    )
    assert answer.status_code == 200 and "1 release unpublished" in answer.text

    listing = shopper().get(second + "/en/records/").text
    assert "Blue Train" not in listing
    assert "Kind of Blue" in listing
    assert shopper().get(second + f"/en/records/{withdrawn.slug}/").status_code == 404
    assert shopper().get(second + f"/en/records/{kept.slug}/").status_code == 200


def test_the_versions_live_in_redis(servers, shared_redis):
    first, _second = servers
    release = make_release(title="Kind of Blue", stock=5)
    shopper().get(f"{first}/en/records/{release.slug}/")
    keys = {key.decode() for key in shared_redis.keys("*")}
    assert any("version:catalogue" in key for key in keys)
    assert any(f"version:release:{release.pk}" in key for key in keys)
    assert any(":page:" in key for key in keys)
