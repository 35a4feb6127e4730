"""Two web servers, one PostgreSQL database, many shoppers, few copies: never oversell.

Usage (PostgreSQL on loopback with trust auth):

    .venv/bin/python bench/race.py [--shoppers 100] [--copies 10] [--concurrency 20]
        [--database-url postgres://postgres@127.0.0.1:5432/shop_race]

It resets that database, migrates it, collects static files (as `make serve` does), lists
one record with --copies copies and starts two gunicorn servers (2 workers, DEBUG off, demo
payments) on free loopback ports, logging to /tmp/race-<port>.log. Each shopper has its own
cookies and alternates between the servers: product page, add to cart, checkout page; then,
the first wave released together by a barrier, checkout POST and demo payment. Exits 1
unless exactly min(copies, shoppers) orders are paid, the stock ends at the rest and agrees
with its movements, nothing answered 5xx, and every other shopper saw a sold-out message.
"""

import argparse
import contextlib
import math
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, wait
from decimal import Decimal
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import requests
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
REQUEST_TIMEOUT = 30  # seconds, for every request
RUN_CAP = 300  # seconds, for the whole race
SLUG = "race-last-copies"
SHOP_ENVIRONMENT = """DJANGO_SETTINGS_MODULE=shop.settings DEBUG=false HTTPS=false
    DEMO_PAYMENTS=true ALLOWED_HOSTS=127.0.0.1,localhost SHOP_URL=http://127.0.0.1 PROXY_COUNT=1
    STRIPE_SECRET_KEY= STRIPE_WEBHOOK_SECRET=
    TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend
    MAILER_BACKEND=django.core.mail.backends.locmem.EmailBackend"""
ADDRESS = {"name": "Race Shopper", "address_line1": "1 Test Street", "address_line2": ""}
ADDRESS |= {"city": "London", "postcode": "SW1A 1AA", "region": "", "country": "GB"}
ADDRESS |= {"phone": "", "shipping_method": "standard"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MESSAGE = re.compile(r'<li class="message[^"]*">(.*?)</li>', re.S)


class Unexpected(Exception):
    """A response that no shopper should get."""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shoppers", type=int, default=100)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/shop_race")
    return parser.parse_args()


def reset_database(url):
    """Drop and create the database in `url`, which must be a named one on loopback."""
    parts = urlsplit(url)
    name = sql.Identifier(parts.path.lstrip("/"))
    if parts.hostname not in LOOPBACK or parts.path.strip("/") in ("", "postgres", "template1"):
        sys.exit(f"Refusing to reset {url}: only a named database on loopback.")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def set_up_shop(copies):
    """Migrate, collect static files and list one record; returns it and how its stock was set."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from catalog.models import Artist, Label, Release, ReleaseArtist

    label = Label.objects.create(name="Race Records", slug="race-records")
    release = Release.objects.create(
        title="Last Copies", slug=SLUG, label=label, price=Decimal(20), stock=copies, published=True
    )
    artist = Artist.objects.create(name="The Racers", slug="the-racers")
    ReleaseArtist.objects.create(release=release, artist=artist)
    try:  # the stock API's opening movement, when it has one
        from catalog.stock import record_opening
    except ImportError:
        return release, "set directly, no opening movement"
    record_opening([(release.pk, release.stock)])
    return release, "catalog.stock.record_opening"


def ledger_sum(release):
    """The sum of the record's stock movements, wherever the model lives now."""
    from django.db.models import Sum

    try:
        from catalog.models import StockMovement
    except ImportError:
        from orders.models import StockMovement
    movements = StockMovement.objects.filter(release=release)
    return movements.aggregate(total=Sum("change"))["total"] or 0


def start_server(environment):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = Path(f"/tmp/race-{port}.log")
    command = [str(Path(sys.executable).with_name("gunicorn")), "shop.wsgi", "--workers", "2"]
    command.append("--no-control-socket")  # two servers would fight over one socket
    command += ["--bind", f"127.0.0.1:{port}", "--access-logfile", "-", "--timeout", "60"]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=log, stderr=log, start_new_session=True
        )
    return process, f"http://127.0.0.1:{port}", log_path


def wait_until_up(process, base, log_path, limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(f"{base}/en/records/{SLUG}/", timeout=5).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not answer; see {log_path}")


def stop_server(process):
    process.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    process.kill()  # does nothing once it has exited
    process.wait()


class Shopper:
    """One browser: its own cookies, its requests alternating between the servers."""

    def __init__(self, index, servers, deadline):
        self.index, self.servers, self.deadline = index, servers, deadline
        self.session = requests.Session()
        # As behind the shop's proxy: each shopper comes from an address of their own
        # (198.18.0.0/15 is set aside for benchmarks), so rate limits count them apart.
        self.session.headers["X-Forwarded-For"] = f"198.18.{index // 250}.{index % 250 + 1}"
        self.statuses, self.outcome, self.message, self.checkout_ms = [], None, "", None

    def request(self, method, path, expect, **form):
        if time.monotonic() > self.deadline:
            raise Unexpected(f"the {RUN_CAP} s cap was reached")
        url = self.servers[(self.index + len(self.statuses)) % len(self.servers)] + path
        response = self.session.request(
            method, url, data=form or None, timeout=REQUEST_TIMEOUT, allow_redirects=False
        )
        self.statuses.append(response.status_code)
        if response.status_code not in expect:
            raise Unexpected(f"{method} {path} answered {response.status_code}")
        return response

    def token(self, response):
        if found := TOKEN.search(response.text):
            return found.group(1)
        raise Unexpected(f"no CSRF token on {urlsplit(response.url).path}")

    def prepare(self, release_id):
        token = self.token(self.request("GET", f"/en/records/{SLUG}/", {200}))
        form = {"csrfmiddlewaretoken": token, "release": release_id, "quantity": "1"}
        self.request("POST", "/en/cart/add/", {302}, **form)
        self.form_token = self.token(self.request("GET", "/en/checkout/", {200}))

    def check_out(self):
        form = ADDRESS | {"email": f"shopper{self.index}@example.com"}
        started = time.perf_counter()
        placed = self.request(
            "POST", "/en/checkout/", {302, 409}, csrfmiddlewaretoken=self.form_token, **form
        )
        self.checkout_ms = (time.perf_counter() - started) * 1000
        if placed.status_code == 409:
            shown = (unescape(re.sub(r"<[^>]+>", "", m)) for m in MESSAGE.findall(placed.text))
            self.outcome, self.message = "refused", " | ".join(m.strip() for m in shown)
            return
        payment = urlsplit(placed.headers["Location"]).path
        if not payment.endswith("/demo-payment/"):
            raise Unexpected(f"checkout sent the shopper to {payment}")
        token = self.token(self.request("GET", payment, {200}))
        paid = self.request("POST", payment, {302}, csrfmiddlewaretoken=token)
        order = urlsplit(paid.headers["Location"])
        page = self.request("GET", f"{order.path}?{order.query}", {200})
        if "order-status--paid" not in page.text:
            raise Unexpected("the order page does not show the order as paid")
        self.outcome = "paid"

    def attempt(self, step, *args):
        if self.outcome == "error":
            return
        try:
            step(*args)
        except Exception as error:  # any failure is this shopper's outcome, never a crash
            self.outcome, self.message = "error", f"{type(error).__name__}: {error}"


def race(shoppers, release_id, concurrency, deadline):
    """Fill every cart, then send the checkouts; the first wave waits at a barrier."""
    gate = threading.Barrier(min(concurrency, len(shoppers)))

    def prepare(shopper):
        shopper.attempt(shopper.prepare, release_id)

    def check_out(shopper):
        if shopper.index < gate.parties:
            with contextlib.suppress(threading.BrokenBarrierError):
                gate.wait(timeout=REQUEST_TIMEOUT)
        shopper.attempt(shopper.check_out)

    pool = ThreadPoolExecutor(max_workers=concurrency)
    try:
        for task in (prepare, check_out):
            futures = [pool.submit(task, shopper) for shopper in shoppers]
            wait(futures, timeout=max(0, deadline - time.monotonic()))
    finally:
        gate.abort()
        pool.shutdown(wait=False, cancel_futures=True)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)] if ordered else math.nan


def report(shoppers, release, copies, opening_ledger, seconds, logs):
    """Print the figures; return what went wrong."""
    from orders.errors import SOLD_OUT, SOLD_OUT_DURING_CHECKOUT
    from orders.models import Order

    release.refresh_from_db()
    paid = Order.objects.filter(status=Order.Status.PAID, lines__release=release).distinct().count()
    moved = ledger_sum(release) - opening_ledger
    outcomes = Counter(shopper.outcome or "no outcome" for shopper in shoppers)
    statuses = Counter(status for shopper in shoppers for status in shopper.statuses)
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    times = [shopper.checkout_ms for shopper in shoppers if shopper.checkout_ms is not None]
    # The sold-out messages, whichever title they name.
    texts = (str(text) % {"title": "TITLE"} for text in (SOLD_OUT_DURING_CHECKOUT, SOLD_OUT))
    sold_out = re.compile("|".join(re.escape(text).replace("TITLE", ".+") for text in texts))
    refused = [shopper for shopper in shoppers if shopper.outcome == "refused"]
    unclear = [shopper for shopper in refused if not sold_out.search(shopper.message)]
    print(f"shoppers {len(shoppers)}, copies {copies}, duration {seconds:.1f} s")
    print(f"outcomes {dict(outcomes)}; paid orders in the database {paid}")
    print(f"statuses {dict(sorted(statuses.items()))}; 5xx {server_errors}")
    held = getattr(release, "held", "n/a")
    print(f"final stock {release.stock}, held {held}; stock movements in the race {moved:+d}")
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    print(f"checkout POST ms: p50 {p50:.0f}, p95 {p95:.0f}, max {max(times, default=math.nan):.0f}")
    for message, count in Counter(shopper.message for shopper in refused).most_common():
        print(f"refused {count}x: {message or '(no message shown)'}")
    for shopper in [s for s in shoppers if s.outcome in ("error", None)][:10]:
        print(f"shopper {shopper.index}: {shopper.message or 'no outcome'} {shopper.statuses}")
    crashed = [str(log) for log in logs if "Traceback" in log.read_text()]
    expected = min(copies, len(shoppers))
    unsettled = len(shoppers) - outcomes["paid"] - len(refused)
    failures = {
        f"{paid} paid orders, not {expected}": paid != expected,
        f"shoppers saw {outcomes['paid']} orders paid": outcomes["paid"] != paid,
        f"stock is {release.stock}, not {copies - expected}": release.stock != copies - expected,
        "stock and stock movements disagree": copies + moved != release.stock,
        f"{server_errors} responses were 5xx": server_errors > 0,
        f"tracebacks in {', '.join(crashed)}": bool(crashed),
        f"{unsettled} shoppers have no clear outcome": unsettled > 0,
        f"{len(unclear)} refused shoppers saw no sold-out message": len(unclear) > 0,
    }
    return [failure for failure, failed in failures.items() if failed]


def main():
    args = parse_args()
    reset_database(args.database_url)
    environment = dict(pair.split("=", 1) for pair in SHOP_ENVIRONMENT.split())
    environment |= {"DATABASE_URL": args.database_url, "SECRET_KEY": secrets.token_urlsafe(50)}
    os.environ.update(environment)
    release, how = set_up_shop(args.copies)
    opening_ledger = ledger_sum(release)
    print(f"{release.full_title}: {args.copies} copies ({how}) in {args.database_url}")
    servers = []
    try:
        for _ in range(2):
            servers.append(start_server(os.environ.copy()))
        for process, base, log_path in servers:
            wait_until_up(process, base, log_path)
        print("servers " + ", ".join(f"{base} (log {log})" for _, base, log in servers))
        started = time.monotonic()
        bases = [base for _, base, _ in servers]
        shoppers = [Shopper(n, bases, started + RUN_CAP) for n in range(args.shoppers)]
        race(shoppers, release.pk, args.concurrency, started + RUN_CAP)
        seconds = time.monotonic() - started
    finally:
        for process, _, _ in servers:
            stop_server(process)
    logs = [log for _, _, log in servers]
    return verdict(report(shoppers, release, args.copies, opening_ledger, seconds, logs))


def verdict(failures, passed="PASS"):
    """Print PASS or the failures; the exit status a benchmark script returns."""
    print("FAIL: " + "; ".join(failures) if failures else passed)
    return 1 if failures else 0


def run(main):
    """Run a benchmark's main(), exiting with its status; Ctrl-C stops cleanly."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("Interrupted; the servers are stopped.")


if __name__ == "__main__":
    run(main)
