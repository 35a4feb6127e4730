"""Server time of the catalogue pages on a large catalogue, and the search plans.

Usage (PostgreSQL with the synthetic catalogue loaded):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop_bench
    .venv/bin/python manage.py generate_catalogue --releases 100000
    .venv/bin/python bench/catalog.py [--requests 200]

It times requests through Django's full stack in-process (middleware, views,
templates, queries), without network or a web server, and prints p50 and p95
per scenario plus the EXPLAIN of a search, checked for sequential scans over
releases or tracks.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SHOP_URL", "http://testserver")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("DEMO_PAYMENTS", "true")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from catalog.models import Genre, Label, Release  # noqa: E402
from catalog.search import search  # noqa: E402

TARGET_MS = 50


def scenarios(rng):
    """Request paths for each scenario, drawn from the data so filters hit real values."""
    genres = list(Genre.objects.filter(parent__isnull=True).values_list("slug", flat=True))
    styles = list(Genre.objects.filter(parent__isnull=False).values_list("slug", flat=True))
    labels = list(Label.objects.values_list("slug", flat=True)[:200])
    slugs = list(Release.objects.published().order_by("?").values_list("slug", flat=True)[:500])
    words = [
        "blue",
        "night train",
        "miles davis",
        "vnl12204",
        "generique",
        "harbour lantern",
        "soul",
        "echo",
        "coltrane",
        "sunday morning",
        "velvet",
        "paris",
    ]
    filters = [
        "",
        f"genre={rng.choice(genres)}",
        f"style={rng.choice(styles)}",
        f"label={rng.choice(labels)}",
        f"decade={rng.choice(range(1950, 2030, 10))}",
        f"genre={rng.choice(genres)}&stock=1&sort=price",
        f"format=LP&sort=-price&page={rng.randint(1, 50)}",
        "sort=title",
        "sort=artist",
    ]

    def browse():
        return "/en/records/?" + rng.choice(filters)

    return {
        "browse with facets": browse,
        "search": lambda: f"/en/search/?q={rng.choice(words)}",
        "product page": lambda: f"/{rng.choice(['en', 'uk'])}/records/{rng.choice(slugs)}/",
    }


def timed(client, path, *, cold=False):
    if cold:
        cache.clear()  # nothing cached: every facet counted afresh
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def explain_search(query):
    releases = search(Release.objects.published(), query)
    sql, params = releases.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="Empty the cache before each request.")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    call_command("collectstatic", interactive=False, verbosity=0)  # production static files
    client = Client()
    state = "cold cache" if args.cold else "warm cache"
    print(f"Database: {connection.vendor}, {Release.objects.count()} releases, {state}")
    print(f"| scenario | requests | p50 ms | p95 ms | target {TARGET_MS} ms |")
    print("|---|---|---|---|---|")
    for name, next_path in scenarios(rng).items():
        for _ in range(10):  # warm caches and connections
            timed(client, next_path())
        times = [timed(client, next_path(), cold=args.cold) for _ in range(args.requests)]
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        verdict = "met" if p95 <= TARGET_MS else f"missed by {p95 - TARGET_MS:.0f} ms"
        print(f"| {name} | {len(times)} | {p50:.1f} | {p95:.1f} | {verdict} |")
    if connection.vendor == "postgresql":
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


if __name__ == "__main__":
    main()
