"""PostgreSQL restarts under load: shoppers get 503s while it is down, never a 500, and
no order is lost.

Usage (PostgreSQL on loopback with trust auth; as root or the cluster's owner):

    .venv/bin/python bench/db_restart.py [--shoppers 8] [--before 5] [--after 10]
        [--database-url postgres://postgres@127.0.0.1:5432/shop_restart]
        [--yes | --proxy [--down 5]]

It resets that database and sets up the shop with bench/race.py's helpers: one record
(with plenty of copies), two gunicorn servers of 2 workers each on loopback, DEBUG off,
demo payments, persistent connections with health checks. Shoppers then buy in a loop,
alternating between the servers: product page, add to cart, checkout page, checkout,
demo payment, order page. One who gets a 503 waits half a second and repeats the step,
as the page asks. After --before seconds PostgreSQL restarts:

- By default the real server, with `pg_ctlcluster --skip-systemctl-redirect <version>
  <cluster> restart`. Every client of that server loses its connections, so it asks
  first unless --yes is given. Never run it on a server that others are using.
- With --proxy the servers reach PostgreSQL through a TCP proxy on loopback
  (tests/tcp_proxy.py), which drops every connection and refuses new ones for --down
  seconds: a restart as the shop sees it, and the server itself is left alone.

It counts the answers before, during and after the restart, by when each request was
sent, and exits 1 on any 5xx other than 503, a traceback in the servers' logs, a 503
sent more than RECOVERY_SECONDS after the database was back, no order paid after it,
or an order lost: one a shopper was shown as paid that the database does not hold as
paid.
"""

import argparse
import math
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import psycopg
import race  # bench/race.py, which also puts the project on sys.path
import requests

from tests.tcp_proxy import TCPProxy

COPIES = 100_000
RETRY_PAUSE = 0.5  # seconds a shopper waits after a 503
RECOVERY_SECONDS = 5  # 503s may go on this long once the database is back
ORDER_TOKEN = re.compile(r"/orders/([0-9a-f-]{36})/")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shoppers", type=int, default=8)
    parser.add_argument("--before", type=float, default=5, help="seconds of load first")
    parser.add_argument("--after", type=float, default=10, help="seconds of load afterwards")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/shop_restart")
    parser.add_argument("--cluster", default="main", help="pg_ctlcluster's cluster name")
    parser.add_argument("--yes", action="store_true", help="restart the real server unasked")
    parser.add_argument("--proxy", action="store_true", help="cut a TCP proxy instead")
    parser.add_argument("--down", type=float, default=5, help="--proxy: seconds cut off")
    return parser.parse_args()


class Timeline:
    """When the database went down and came back, and when shoppers give up a step."""

    def __init__(self):
        self.down = self.up = None
        self.give_up = math.inf

    def phase(self, moment):
        if self.down is None or moment < self.down:
            return "before"
        return "during" if self.up is None or moment < self.up else "after"


class Shopper:
    """One browser with its own cookies, buying one copy after another."""

    def __init__(self, index, servers, timeline, stop):
        self.index, self.servers, self.timeline, self.stop = index, servers, timeline, stop
        self.session = requests.Session()
        self.answers = []  # (sent at, phase when sent, status or "connection error")
        self.paid, self.errors, self.orders_started = [], [], 0
        self.address = "10.0.0.1"  # X-Forwarded-For, new for each order

    def request(self, method, path, expect, **form):
        """One step; a 503 (or a refused connection) is waited out and the step repeated."""
        while time.monotonic() < self.timeline.give_up:
            base = self.servers[(self.index + len(self.answers)) % len(self.servers)]
            headers = {"X-Forwarded-For": self.address}
            sent = time.monotonic()
            try:
                response = self.session.request(
                    method,
                    base + path,
                    data=form or None,
                    headers=headers,
                    timeout=race.REQUEST_TIMEOUT,
                    allow_redirects=False,
                )
                status = response.status_code
            except requests.RequestException:
                response, status = None, "connection error"
            self.answers.append((sent, self.timeline.phase(sent), status))
            if status in expect:
                return response
            if status not in (503, "connection error"):
                raise race.Unexpected(f"{method} {path} answered {status}")
            time.sleep(RETRY_PAUSE)
        raise race.Unexpected(f"{method} {path} still answered 503 at the end")

    def token(self, response):
        if found := race.TOKEN.search(response.text):
            return found.group(1)
        raise race.Unexpected(f"no CSRF token on {urlsplit(response.url).path}")

    def buy_one(self, release_id):
        # Each order comes from a new address and email, so the shop's per-client
        # limits on orders see many shoppers, as they would in real life.
        self.orders_started += 1
        n = self.index * 100_000 + self.orders_started
        self.address = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
        page = self.request("GET", f"/en/records/{race.SLUG}/", {200})
        form = {"csrfmiddlewaretoken": self.token(page), "release": release_id, "quantity": "1"}
        self.request("POST", "/en/cart/add/", {302}, **form)
        token = self.token(self.request("GET", "/en/checkout/", {200}))
        address = race.ADDRESS | {"email": f"shopper{n}@example.com"}
        placed = self.request("POST", "/en/checkout/", {302}, csrfmiddlewaretoken=token, **address)
        payment = urlsplit(placed.headers["Location"]).path
        token = self.token(self.request("GET", payment, {200}))
        paid = urlsplit(
            self.request("POST", payment, {302}, csrfmiddlewaretoken=token).headers["Location"]
        )
        page = self.request("GET", f"{paid.path}?{paid.query}", {200})
        if "order-status--paid" not in page.text:
            raise race.Unexpected("the order page does not show the order as paid")
        self.paid.append((time.monotonic(), ORDER_TOKEN.search(paid.path).group(1)))

    def shop(self, release_id):
        """Buy until told to stop, finishing the order under way."""
        while not self.stop.is_set():
            try:
                self.buy_one(release_id)
            except Exception as error:  # an outcome to report, never a crash
                self.errors.append(f"{type(error).__name__}: {error}")


def restart_postgresql(url, cluster):
    with psycopg.connect(url, autocommit=True) as connection:
        number = connection.execute("SHOW server_version_num").fetchone()[0]
    version = str(int(number) // 10000)
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "restart"]
    print("running " + " ".join(command))
    subprocess.run(command, check=True)


def confirm_real_restart(args):
    if args.proxy or args.yes:
        return
    print(f"This restarts the PostgreSQL cluster behind {args.database_url}: every client")
    print("of that server loses its connections. Use --proxy to leave it alone.")
    if input("Restart it? [y/N] ").strip().lower() != "y":
        sys.exit("Not restarted.")


def start_servers(environment):
    servers = [race.start_server(environment) for _ in range(2)]
    for process, base, log_path in servers:
        race.wait_until_up(process, base, log_path)
    return servers


def run_load(args, servers, release_id, proxy):
    timeline, stop = Timeline(), threading.Event()
    bases = [base for _, base, _ in servers]
    shoppers = [Shopper(n, bases, timeline, stop) for n in range(args.shoppers)]
    with ThreadPoolExecutor(max_workers=args.shoppers) as pool:
        for shopper in shoppers:
            pool.submit(shopper.shop, release_id)
        try:
            time.sleep(args.before)
            timeline.down = time.monotonic()
            if proxy:
                proxy.cut()
                time.sleep(args.down)
                proxy.restore()
            else:
                restart_postgresql(args.database_url, args.cluster)
            timeline.up = time.monotonic()
            time.sleep(args.after)
        finally:
            timeline.give_up = time.monotonic() + race.REQUEST_TIMEOUT
            stop.set()
    return shoppers, timeline


def report(shoppers, timeline, release, opening_ledger, logs):
    """Print the figures; return what went wrong."""
    from django.db import close_old_connections, connection

    from orders.models import Order

    close_old_connections()
    connection.close()  # this process's own connection did not survive a real restart
    answers = [answer for shopper in shoppers for answer in shopper.answers]
    by_phase = {phase: Counter() for phase in ("before", "during", "after")}
    for _sent, phase, status in answers:
        by_phase[phase][status] += 1
    print(f"database down for {timeline.up - timeline.down:.1f} s")
    for phase, counts in by_phase.items():
        shown = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items(), key=str))
        print(f"sent {phase:>6}: {sum(counts.values())} requests ({shown or 'none'})")
    late = [
        sent - timeline.up for sent, phase, status in answers if phase == "after" and status == 503
    ]
    print(
        f"503s once the database was back: {len(late)}"
        + (f", the last {max(late):.2f} s after" if late else "")
    )
    paid = [token for shopper in shoppers for _at, token in shopper.paid]
    paid_after = sum(at >= timeline.up for shopper in shoppers for at, _token in shopper.paid)
    held = Order.objects.filter(token__in=paid, status=Order.Status.PAID).count()
    pending = Order.objects.filter(status=Order.Status.PENDING).count()
    print(f"orders shown paid: {len(paid)} ({paid_after} after the restart); held as paid: {held}")
    print(f"orders left pending (a checkout answered 503 after placing them): {pending}")
    doubled = Order.objects.filter(lines__quantity__gt=1).distinct().count()
    print(
        f"orders of 2 copies (an add to cart repeated after a 503 came after its write): {doubled}"
    )
    release.refresh_from_db()
    moved = race.ledger_sum(release) - opening_ledger
    print(f"stock {release.stock}, stock movements {moved:+d}")
    errors = Counter(error for shopper in shoppers for error in shopper.errors)
    for error, count in errors.most_common(5):
        print(f"shopper errors {count}x: {error}")
    server_errors = Counter(
        s for _, _, s in answers if isinstance(s, int) and s >= 500 and s != 503
    )
    crashed = [str(log) for log in logs if "Traceback" in log.read_text()]
    failures = {
        f"5xx other than 503: {dict(server_errors)}": bool(server_errors),
        f"tracebacks in {', '.join(crashed)}": bool(crashed),
        f"{len(paid) - held} orders shown paid are not paid in the database": held != len(paid),
        f"503s until {max(late, default=0):.1f} s after the database was back": max(late, default=0)
        > RECOVERY_SECONDS,
        "no order was paid after the restart": paid_after == 0,
        "stock and stock movements disagree": COPIES + moved != release.stock,
        f"{sum(errors.values())} shopper errors": bool(errors),
    }
    return [failure for failure, failed in failures.items() if failed]


def main():
    args = parse_args()
    confirm_real_restart(args)
    race.reset_database(args.database_url)
    environment = dict(pair.split("=", 1) for pair in race.SHOP_ENVIRONMENT.split())
    environment |= {"DATABASE_URL": args.database_url, "SECRET_KEY": secrets.token_urlsafe(50)}
    environment |= {"PROXY_COUNT": "1"}  # the shoppers' X-Forwarded-For addresses count
    os.environ.update(environment)
    release, _how = race.set_up_shop(COPIES)
    opening_ledger = race.ledger_sum(release)
    proxy, server_environment = None, os.environ.copy()
    if args.proxy:
        parts = urlsplit(args.database_url)
        proxy = TCPProxy(parts.hostname, parts.port or 5432).start()
        user, at, _host = parts.netloc.rpartition("@")
        proxied = parts._replace(netloc=f"{user}{at}127.0.0.1:{proxy.port}").geturl()
        server_environment["DATABASE_URL"] = proxied
        print(f"servers reach PostgreSQL through a proxy on 127.0.0.1:{proxy.port}")
    servers = []
    try:
        servers = start_servers(server_environment)
        print("servers " + ", ".join(f"{base} (log {log})" for _, base, log in servers))
        shoppers, timeline = run_load(args, servers, release.pk, proxy)
    finally:
        for process, _, _ in servers:
            race.stop_server(process)
        if proxy:
            proxy.stop()
    logs = [log for *_, log in servers]
    return race.verdict(report(shoppers, timeline, release, opening_ledger, logs))


if __name__ == "__main__":
    race.run(main)
