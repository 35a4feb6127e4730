"""Server time of the catalogue pages on a large catalogue, warm or cold, at one or more sizes.

Usage (PostgreSQL with the synthetic catalogue loaded):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop_bench
    .venv/bin/python manage.py generate_catalogue --releases 100000
    .venv/bin/python bench/catalog.py [--requests 200] [--cold]

    # The growth curve: one database per size (createdb them first); --generate
    # migrates and fills each one that does not hold that many synthetic releases.
    .venv/bin/python bench/catalog.py --cold --sizes 10000,100000,1000000 --generate \\
        --database postgres://postgres@127.0.0.1:5432/shop_bench_{size}

It times requests through Django's full stack in-process (middleware, views,
templates, queries), without network or a web server, and prints p50 and p95
per scenario, plus the EXPLAIN of a search, checked for sequential scans.

Warm (the default) draws from a few fixed states, so most are answered again
from the caches, as a busy shop's popular pages are. Cold draws every request
from states never seen before: random combinations of filters, sorts and pages,
searches for common and rare words ("blue", "soul" among them) with random
filters, and each product page once. Nothing is cleared: the caches stay as in
a running shop (exchange rates, versions, the catalogue index), but no answer
for the state asked can be in them. Before the timed requests it reports how
long the catalogue index took to build and how much memory (RSS) it added.
"""

import argparse
import contextlib
import ctypes
import gc
import json
import os
import pickle
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SHOP_URL", "http://testserver")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("DEMO_PAYMENTS", "true")
os.environ.setdefault("REQUEST_LOG", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from catalog.freshness import listing_versions  # noqa: E402
from catalog.index import current, current_index, forget  # noqa: E402
from catalog.models import Genre, Label, Release  # noqa: E402
from catalog.search import search  # noqa: E402

TARGET_MS = 50
COMMON_WORDS = ["blue", "soul"]
OTHER_WORDS = [
    "night train",
    "miles davis",
    "vnl12204",
    "generique",
    "harbour lantern",
    "echo",
    "coltrane",
    "sunday morning",
    "velvet",
    "paris",
    "mid",
    "so",
    "gold river",
    "art",
]
SORTS = ["newest", "price", "-price", "title", "artist"]
PRICES = ["0-20", "20-25", "25-30", "30-40", "40-", "18-26", "22.50-", "0-35"]


class Values:
    """Real values to filter on, drawn from the data so that filters hit."""

    def __init__(self, rng):
        self.rng = rng
        self.genres = list(Genre.objects.filter(parent__isnull=True).values_list("slug", flat=True))
        self.styles = list(
            Genre.objects.filter(parent__isnull=False).values_list("slug", flat=True)
        )
        self.labels = list(Label.objects.values_list("slug", flat=True)[:200])
        sample = Release.objects.published().order_by("?")[:2000]
        sample = sample.select_related("label").prefetch_related("genres", "artists")
        self.records = [self._values_of(release) for release in sample]
        self.slugs = [release.slug for release in sample]

    def _values_of(self, release):
        """What a shopper could click on this record's facets."""
        year = release.original_year or (release.released.year if release.released else None)
        values = {
            "genre": [g.slug for g in release.genres.all() if g.parent_id is None],
            "style": [g.slug for g in release.genres.all() if g.parent_id is not None],
            "label": [release.label.slug],
            "artist": [a.slug for a in release.artists.all()],
            "decade": [str(year // 10 * 10)] if year else [],
            "format": [release.format],
            "country": [release.country.code.lower()] if release.country else [],
            "price": PRICES,
            "stock": ["1"],
        }
        return {name: choices for name, choices in values.items() if choices}

    def some_filters(self, most):
        """Up to `most` filters that one record passes (but for price and stock)."""
        record = self.rng.choice(self.records)
        names = self.rng.sample(list(record), min(len(record), self.rng.randint(0, most)))
        return {name: self.rng.choice(record[name]) for name in sorted(names)}


def warm_scenarios(values):
    """A few fixed states, most of them asked again and again."""
    rng = values.rng
    states = [
        "",
        f"genre={rng.choice(values.genres)}",
        f"style={rng.choice(values.styles)}",
        f"label={rng.choice(values.labels)}",
        f"decade={rng.choice(range(1950, 2030, 10))}",
        f"genre={rng.choice(values.genres)}&stock=1&sort=price",
        f"format=LP&sort=-price&page={rng.randint(1, 50)}",
        "sort=title",
        "sort=artist",
    ]
    words = [*COMMON_WORDS, *OTHER_WORDS[:10]]
    return {
        "browse with facets": lambda: "/en/records/?" + rng.choice(states),
        "search": lambda: f"/en/search/?q={rng.choice(words)}",
        "product page": lambda: f"/{rng.choice(['en', 'uk'])}/records/{rng.choice(values.slugs)}/",
    }


def cold_scenarios(values):
    """Every state new: its counts and its page can be in no cache."""
    rng, seen = values.rng, set()

    def new_state(path, query=None, most=3, sort_choices=SORTS):
        while True:
            filters = values.some_filters(most)
            params = {"q": query} if query is not None else {}
            params |= filters | {"sort": rng.choice(sort_choices), "page": rng.randint(1, 5)}
            counted = (path, query, tuple(filters.items()))  # what facets and totals depend on
            if counted not in seen:
                seen.add(counted)
                return f"{path}?" + "&".join(f"{k}={v}" for k, v in params.items())

    def searched():
        query = rng.choice(COMMON_WORDS) if rng.random() < 0.4 else rng.choice(OTHER_WORDS)
        return new_state("/en/search/", query, most=2, sort_choices=[*SORTS, "relevance"])

    products = iter(values.slugs)
    return {
        "browse with facets": lambda: new_state("/en/records/"),
        "search": searched,
        "product page": lambda: f"/{rng.choice(['en', 'uk'])}/records/{next(products)}/",
    }


def timed(client, path):
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def rss_mb():
    """This process's resident memory, after handing freed memory back (glibc)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def build_index():
    """Build the catalogue index as the first request would; its parts' times and RSS."""
    forget()
    before = rss_mb()
    index = current_index(listing_versions())
    serialized = sum(len(pickle.dumps(part, protocol=5)) for part in index.parts) / 2**20
    return {
        "seconds": dict(current.build_seconds),
        "rss_mb": rss_mb() - before,
        "serialized_mb": serialized,
    }


def explain_search(query):
    releases = search(Release.objects.published(), query)
    sql, params = releases.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def run(args):
    """Time every scenario on this process's database; returns the figures."""
    rng = random.Random(args.seed)
    call_command("collectstatic", interactive=False, verbosity=0)  # production static files
    client = Client()
    size = Release.objects.published().count()
    index = build_index()
    values = Values(rng)
    scenarios = cold_scenarios(values) if args.cold else warm_scenarios(values)
    figures = {"database": connection.vendor, "size": size, "cold": args.cold, "index": index}
    figures["scenarios"] = {}
    for name, next_path in scenarios.items():
        for _ in range(10):  # warm templates and connections
            timed(client, next_path())
        times = [timed(client, next_path()) for _ in range(args.requests)]
        figures["scenarios"][name] = {
            "requests": len(times),
            "p50": statistics.median(times),
            "p95": percentile(times, 0.95),
        }
    return figures


def print_figures(figures):
    state = "cold: every state new" if figures["cold"] else "warm cache"
    print(f"Database: {figures['database']}, {figures['size']} published releases, {state}")
    if index := figures["index"]:
        parts = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in index["seconds"].items())
        print(
            f"Catalogue index: built in {parts}; RSS +{index['rss_mb']:.0f} MB;"
            f" serialized {index['serialized_mb']:.1f} MB"
        )
    print(f"| scenario | requests | p50 ms | p95 ms | target {TARGET_MS} ms |")
    print("|---|---|---|---|---|")
    for name, row in figures["scenarios"].items():
        p95 = row["p95"]
        verdict = "met" if p95 <= TARGET_MS else f"missed by {p95 - TARGET_MS:.0f} ms"
        print(f"| {name} | {row['requests']} | {row['p50']:.1f} | {p95:.1f} | {verdict} |")


def print_plans():
    for query in ["generique", "harbour lantern"]:
        plan = explain_search(query)
        scans = [
            line
            for line in plan.splitlines()
            if "Seq Scan" in line and ("catalog_release" in line or "catalog_track" in line)
        ]
        verdict = "SEQUENTIAL SCAN" if scans else "no sequential scan"
        print(f"\nEXPLAIN search {query!r}: {verdict}")
        print("\n".join("    " + line for line in plan.splitlines()))


def growth_curve(args):
    """One child process per size (Django reads DATABASE_URL once), then one table."""
    rows = []
    for size in args.sizes:
        url = args.database.format(size=size)
        env = os.environ | {"DATABASE_URL": url}
        if args.generate:
            subprocess.run([sys.executable, __file__, "--fill", str(size)], env=env, check=True)
        child = [sys.executable, __file__, "--json", "--requests", str(args.requests)]
        child += ["--seed", str(args.seed)] + (["--cold"] if args.cold else [])
        output = subprocess.run(child, env=env, check=True, stdout=subprocess.PIPE, text=True)
        figures = json.loads(output.stdout.strip().splitlines()[-1])
        print_figures(figures)
        print()
        rows.append(figures)
    print_curve(rows)


def print_curve(rows):
    names = list(rows[0]["scenarios"])
    head = " | ".join(f"{name} p50 / p95 ms" for name in names)
    print(f"| releases | {head} | index build s | index RSS MB |")
    print("|---" * (len(names) + 3) + "|")
    for figures in rows:
        cells = " | ".join(
            f"{figures['scenarios'][n]['p50']:.1f} / {figures['scenarios'][n]['p95']:.1f}"
            for n in names
        )
        index = figures["index"]
        build = f"{sum(index['seconds'].values()):.1f}" if index else "–"
        rss = f"{index['rss_mb']:.0f}" if index else "–"
        print(f"| {figures['size']:,} | {cells} | {build} | {rss} |")


def fill(size):
    """Migrate this (existing, perhaps empty) database and load `size` synthetic releases,
    unless it has them already."""
    call_command("migrate", verbosity=0)
    if Release.objects.filter(slug__startswith="gen-").count() == size:
        return
    call_command("generate_catalogue", releases=size, seed=1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="Ask only states never seen before.")
    parser.add_argument("--sizes", type=lambda s: [int(n) for n in s.split(",")])
    parser.add_argument(
        "--database",
        default="postgres://postgres@127.0.0.1:5432/shop_bench_{size}",
        help="Database URL per size, with {size} (for --sizes).",
    )
    parser.add_argument("--generate", action="store_true", help="Fill missing databases.")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        return fill(args.fill)
    if args.sizes:
        return growth_curve(args)
    figures = run(args)
    if args.json:
        print(json.dumps(figures))
        return
    print_figures(figures)
    if connection.vendor == "postgresql":
        print_plans()


if __name__ == "__main__":
    main()
