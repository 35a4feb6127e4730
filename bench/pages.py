"""Server time of the shop's pages rendered afresh, in-process: the lean uncached path.

Usage (after bench/http_bench.py has made its database once):

    .venv/bin/python bench/pages.py [--requests 100]
        [--database-url postgres://postgres@127.0.0.1:5432/shop_http]

It calls Django's WSGI handler in this process, with production settings (DEBUG off) and
the whole-page cache off, so that every request renders its page: the cost a shopper pays
for a page nobody has asked for since it changed. What a running shop keeps warm stays
warm (exchange rates, shipping settings, genre names, the catalogue index); the request
log is off, as its line goes to a file, not to the page. For each page it prints the
minimum, median and 90th percentile of the server time over --requests requests, and the
queries of one request.
"""

import argparse
import io
import os
import statistics
import sys
import time

import race  # bench/race.py, which also puts the project on sys.path

PAGES = ["/en/records/gen-0/", "/en/records/", "/en/search/?q=blue", "/en/"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/shop_http")
    return parser.parse_args()


def set_up(database_url):
    environment = dict(pair.split("=", 1) for pair in race.SHOP_ENVIRONMENT.split())
    environment |= {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench-pages-secret-key-only-for-this-process-0123456789",
        "PAGE_CACHE": "false",
        "REQUEST_LOG": "false",
        "CATALOG_INDEX_IN_BACKGROUND": "false",
    }
    os.environ.pop("REDIS_URL", None)
    os.environ.update(environment)
    import django

    django.setup()


def request(application, path):
    route, _mark, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": route,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
    }
    status = []
    started = time.perf_counter()
    body = b"".join(application(environ, lambda code, headers: status.append(code)))
    elapsed = time.perf_counter() - started
    if not status[0].startswith("200"):
        sys.exit(f"{path} answered {status[0]}")
    return elapsed * 1000, len(body)


def main():
    args = parse_args()
    set_up(args.database_url)
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connection, reset_queries

    application = get_wsgi_application()
    print("| page | min ms | p50 ms | p90 ms | queries | bytes |")
    print("|---|---:|---:|---:|---:|---:|")
    for path in PAGES:
        for _warm_up in range(5):
            request(application, path)
        times = sorted(request(application, path)[0] for _ in range(args.requests))
        settings.DEBUG = True  # only to count one request's queries
        reset_queries()
        _elapsed, size = request(application, path)
        queries = len(connection.queries)
        settings.DEBUG = False
        p90 = times[int(len(times) * 0.9) - 1]
        median = statistics.median(times)
        print(f"| `{path}` | {times[0]:.1f} | {median:.1f} | {p90:.1f} | {queries} | {size} |")


if __name__ == "__main__":
    main()
