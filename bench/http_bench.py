"""Requests per second of the shop's pages under gunicorn, against a bare Django view.

Usage (PostgreSQL on loopback with trust auth; Debian, as root if wrk is missing):

    .venv/bin/python bench/http_bench.py [--seconds 15] [--rounds 3] [--redis URL | --redis '']
        [--database-url postgres://postgres@127.0.0.1:5432/shop_http] [--smoke]

It creates that database if it is missing, migrates it, collects static files if they are
stale, and generates a 2,000-record synthetic catalogue (catalog.synthetic) unless it is
there already. Then it starts two gunicorn servers with one command line (2 sync workers,
no access log, free loopback ports): the shop with production settings (DEBUG off, the
cache production has: Redis, so whole pages are cached; --redis '' gives each worker its
own memory and no page cache, the uncached path), and the
project in bench/bare/ (startproject's settings and middleware, one small view, no
database). The cookies of a shopper with one record in the cart come from a real
add-to-cart POST.

Every URL must answer 200 before anything is timed. Then `wrk -t2 -c8 --latency` runs each
scenario for --seconds, in rounds: the bare view, the product, list, search and home pages
anonymous, the same four with the cart, and again, so that other work on the machine
spreads over every scenario. It prints, as a Markdown table, each scenario's median over
the rounds of requests per second and of wrk's p50 and p99 latency, its ratio to the bare
view's requests per second, its non-2xx answers (counted by a wrk Lua hook) and its
queries per request (counted in-process, warm). Latency includes the wait for a free
worker: 8 connections share 2 workers. Exits 1 on any non-2xx answer, socket error or
traceback in the servers' logs, /tmp/http-bench-*.log.

The file is not called http.py: in bench/ that name would hide the standard library's
http package from every script there, race.py and this one included.
"""

import argparse
import datetime
import json
import logging
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import race  # bench/race.py, which also puts the project on sys.path
import redis
import requests
from psycopg import sql

BARE = Path(__file__).resolve().parent / "bare"
RELEASES = 2000
SEED = 1
SEARCH = "blue"  # a common word: 565 of the 2,000 synthetic records match it
REDIS_URL = "redis://127.0.0.1:6379/11"
START_LIMIT = 60  # seconds for a server to answer its first request
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format("bench: non2xx %d socket %d\\n", total,
    e.connect + e.read + e.write + e.timeout))
end
"""
LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)$", re.M)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)$", re.M)
COUNTS = re.compile(r"^bench: non2xx (\d+) socket (\d+)$", re.M)
TO_MS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    base: str
    log_path: Path


@dataclass
class Scenario:
    name: str
    base: str
    path: str
    cookie: str = ""
    queries: int = 0
    runs: list = field(default_factory=list)

    @property
    def url(self):
        return self.base + self.path

    def median(self, key):
        return statistics.median(run[key] for run in self.runs)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="wrk's duration per scenario")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=2, help="seconds per scenario, untimed")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--smoke", action="store_true", help="1 round of 2 s: does it work?")
    parser.add_argument(
        "--redis",
        default=REDIS_URL,
        help=f"the shared cache, as in production (default {REDIS_URL}); '' for none",
    )
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/shop_http")
    args = parser.parse_args()
    if args.smoke:
        args.seconds, args.rounds, args.warmup = 2, 1, 1
    return args


def ensure_wrk():
    """wrk's path, installed from Debian if it is missing."""
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install -y wrk", flush=True)
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, stdout=subprocess.DEVNULL).returncode:
            subprocess.run(["apt-get", "update", "-q"], stdout=subprocess.DEVNULL, check=True)
            subprocess.run(install, stdout=subprocess.DEVNULL, check=True)
    return shutil.which("wrk") or sys.exit("wrk could not be installed.")


def create_database(url):
    """Create the database in `url` unless it exists; it must be a named one on loopback."""
    parts = urlsplit(url)
    name = parts.path.strip("/")
    if parts.hostname not in race.LOOPBACK or name in ("", "postgres", "template1"):
        sys.exit(f"Refusing to use {url}: only a named database on loopback.")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def shop_environment(args):
    """Production settings as race.py runs them, on this benchmark's database and cache."""
    environment = dict(pair.split("=", 1) for pair in race.SHOP_ENVIRONMENT.split())
    environment |= {"DATABASE_URL": args.database_url, "SECRET_KEY": secrets.token_urlsafe(50)}
    os.environ.pop("REDIS_URL", None)
    if args.redis:
        environment["REDIS_URL"] = args.redis
        redis.Redis.from_url(args.redis).flushdb()  # nothing cached by an earlier run
    os.environ.update(environment)
    return os.environ.copy()


def static_files_stale():
    """Whether collectstatic has a file to add or update, judged by the manifest."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return True
    collected, built = json.loads(manifest.read_text())["paths"], manifest.stat().st_mtime
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            if path not in collected or Path(storage.path(path)).stat().st_mtime > built:
                return True
    return False


def set_up_shop():
    """Migrate, collect static files if stale and load the catalogue once; returns a record."""
    import django
    from django.core.management import call_command

    django.setup()
    logging.getLogger("shop.requests").disabled = True  # the servers log their own requests
    call_command("migrate", verbosity=0)
    if static_files_stale():
        call_command("collectstatic", interactive=False, verbosity=0)
    from catalog.models import Release
    from catalog.synthetic import PREFIX, generate, remove_synthetic

    generated = Release.objects.filter(slug__startswith=PREFIX)
    if generated.count() != RELEASES:
        print(f"Generating {RELEASES} records (seed {SEED})", flush=True)
        remove_synthetic()
        generate(releases=RELEASES, seed=SEED, log=lambda line: None)
    return generated.published().in_stock().order_by("pk").first()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(name, module, cwd, environment, workers):
    """The same command line for both servers; only the application and port differ."""
    port = free_port()
    log_path = Path(f"/tmp/http-bench-{name}-{port}.log")
    command = [str(Path(sys.executable).with_name("gunicorn")), module, "--workers", str(workers)]
    command += ["--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--timeout", "30"]
    # gunicorn 27's control socket is one path per user (~/.gunicorn/gunicorn.ctl): every
    # server would take it over from the one before, another benchmark's included.
    command += ["--no-control-socket"]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=cwd, env=environment, stdout=log, stderr=log, start_new_session=True
        )
    return Server(name, process, f"http://127.0.0.1:{port}", log_path)


def wait_until_up(server):
    deadline = time.monotonic() + START_LIMIT
    while time.monotonic() < deadline and server.process.poll() is None:
        try:
            requests.get(server.base + "/", timeout=5, allow_redirects=False)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    sys.exit(f"The {server.name} server did not answer; see {server.log_path}")


def cart_cookie(shop, release):
    """The Cookie header of a shopper who has put `release` in the cart, as a browser would."""
    session = requests.Session()
    page = session.get(shop.base + release.get_absolute_url(), timeout=race.REQUEST_TIMEOUT)
    token = race.TOKEN.search(page.text)
    if page.status_code != 200 or not token:
        sys.exit(f"The product page answered {page.status_code}; see {shop.log_path}")
    form = {"csrfmiddlewaretoken": token.group(1), "release": release.pk, "quantity": "1"}
    added = session.post(
        shop.base + "/en/cart/add/", data=form, timeout=race.REQUEST_TIMEOUT, allow_redirects=False
    )
    # The cart page shows the record, and uses up the "is in your cart" message.
    cart = session.get(shop.base + "/en/cart/", timeout=race.REQUEST_TIMEOUT)
    if added.status_code != 302 or release.title not in cart.text:
        sys.exit(f"Adding to the cart answered {added.status_code}; see {shop.log_path}")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in session.cookies)


def scenarios(bare, shop, release, cookie):
    pages = {
        "product": release.get_absolute_url(),
        "list": "/en/records/",
        "search": f"/en/search/?q={SEARCH}",
        "home": "/en/",
    }
    found = [Scenario("bare view", bare.base, "/")]
    for suffix, header in (("", ""), (" + cart", cookie)):
        found += [Scenario(name + suffix, shop.base, path, header) for name, path in pages.items()]
    return found


def check_answers(scenario, logs):
    """Fail loudly unless the URL answers 200, showing the cart when it carries one."""
    headers = {"Cookie": scenario.cookie} if scenario.cookie else {}
    response = requests.get(
        scenario.url, headers=headers, timeout=race.REQUEST_TIMEOUT, allow_redirects=False
    )
    if response.status_code != 200:
        sys.exit(f"{scenario.name}: {scenario.url} answered {response.status_code}; see {logs}")
    if scenario.cookie and "data-cart-count>1<" not in response.text:
        sys.exit(f"{scenario.name}: {scenario.url} does not show one record in the cart")


def count_queries(scenario):
    """Queries for one request through Django in this process, after one to warm caches."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for pair in filter(None, scenario.cookie.split("; ")):
        name, value = pair.split("=", 1)
        client.cookies[name] = value
    client.get(scenario.path)
    with CaptureQueriesContext(connection) as queries:
        client.get(scenario.path)
    return len(queries)


def run_wrk(wrk, script, scenario, seconds, args):
    command = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "30s", "-s", str(script)]
    if scenario.cookie:
        command += ["-H", f"Cookie: {scenario.cookie}"]
    output = subprocess.run(
        command + [scenario.url], capture_output=True, text=True, timeout=seconds + 60
    ).stdout
    latency = {share: float(value) * TO_MS[unit] for share, value, unit in LATENCY.findall(output)}
    rate, counts = RATE.search(output), COUNTS.search(output)
    if not (rate and counts and len(latency) == 2):
        sys.exit(f"Could not read wrk's output for {scenario.name}:\n{output}")
    return {
        "rps": float(rate.group(1)),
        "p50": latency["50"],
        "p99": latency["99"],
        "non2xx": int(counts.group(1)),
        "socket": int(counts.group(2)),
    }


def measure(wrk, found, args):
    """Warm every scenario up, then time them in interleaved rounds."""
    script = Path(f"/tmp/http-bench-{os.getpid()}.lua")
    script.write_text(WRK_SCRIPT)
    try:
        for scenario in found:
            run_wrk(wrk, script, scenario, args.warmup, args)
        for number in range(1, args.rounds + 1):
            for scenario in found:
                run = run_wrk(wrk, script, scenario, args.seconds, args)
                scenario.runs.append(run)
                print(
                    f"round {number}/{args.rounds}  {scenario.name:<16} {run['rps']:8.1f} req/s"
                    f"  p50 {run['p50']:7.1f} ms  p99 {run['p99']:7.1f} ms"
                    f"  non-2xx {run['non2xx']}",
                    flush=True,
                )
    finally:
        script.unlink()


def conditions(args, wrk):
    """What the figures depend on, as Markdown list items."""
    import django
    import gunicorn
    from django.db import connection

    from catalog.models import Release

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True)
    version = subprocess.run([wrk, "-v"], capture_output=True, text=True).stdout.split(" [")[0]
    cache = (
        f"Redis ({args.redis}), whole-page cache on"
        if args.redis
        else "per-process locmem (no REDIS_URL), whole-page cache off"
    )
    return [
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {head.stdout.strip()}"
        + (" with uncommitted changes" if dirty.stdout.strip() else ""),
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the end",
        f"gunicorn {gunicorn.__version__}: {args.workers} sync workers;"
        f" {version.strip()}: -t{args.threads} -c{args.connections} -d{args.seconds}s;"
        f" medians over {args.rounds} round(s) after {args.warmup} s of warm-up each",
        f"Django {django.get_version()}, PostgreSQL {connection.pg_version // 10000},"
        f" {Release.objects.published().count()} published records; cache: {cache}",
    ]


def report(found, args, wrk):
    bare = found[0].median("rps")
    print()
    print("\n".join(f"- {line}" for line in conditions(args, wrk)))
    print()
    print("| scenario | path | req/s | p50 ms | p99 ms | ÷ bare | non-2xx | queries |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for s in found:
        non2xx = sum(run["non2xx"] + run["socket"] for run in s.runs)
        print(
            f"| {s.name} | `{s.path}` | {s.median('rps'):.1f} | {s.median('p50'):.1f}"
            f" | {s.median('p99'):.1f} | {s.median('rps') / bare:.3f} | {non2xx} | {s.queries} |"
        )


def failures(found, servers):
    bad = [s.name for s in found if any(run["non2xx"] or run["socket"] for run in s.runs)]
    crashed = [str(s.log_path) for s in servers if "Traceback" in s.log_path.read_text()]
    problems = [f"non-2xx answers or socket errors in {', '.join(bad)}"] if bad else []
    return problems + ([f"tracebacks in {', '.join(crashed)}"] if crashed else [])


def main():
    args = parse_args()
    wrk = ensure_wrk()
    create_database(args.database_url)
    environment = shop_environment(args)
    release = set_up_shop()
    bare_environment = environment | {"DJANGO_SETTINGS_MODULE": "bare.settings"}
    servers = []
    try:
        servers.append(start_gunicorn("bare", "bare.wsgi", BARE, bare_environment, args.workers))
        servers.append(start_gunicorn("shop", "shop.wsgi", race.ROOT, environment, args.workers))
        for server in servers:
            wait_until_up(server)
        found = scenarios(*servers, release, cart_cookie(servers[1], release))
        for scenario in found:
            check_answers(scenario, ", ".join(str(server.log_path) for server in servers))
            scenario.queries = count_queries(scenario) if scenario.base == servers[1].base else 0
        measure(wrk, found, args)
    finally:
        for server in servers:
            race.stop_server(server.process)
    report(found, args, wrk)
    return race.verdict(failures(found, servers), passed="\nPASS: every answer was 2xx")


if __name__ == "__main__":
    race.run(main)
