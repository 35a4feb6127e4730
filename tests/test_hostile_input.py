"""Hostile values in every URL slug, form field and query parameter never break the shop.

Nothing is listed by hand. Routes come from walking the URL configuration; forms and
query parameters come from the pages: every route's real URLs are fetched once, as a
shopper with a record in the cart (and the admin's lists as staff), and their <form>
elements and "?..." links are read; a search form is followed to its results. Each route
is one test, which sends the corpus below into its path parameters, into the fields of
every form that posts to it (one at a time with the others valid, then all at once) and
into every query parameter a page links to it with. Every answer must:

- be below 500;
- not echo hostile markup unescaped (JSON-LD in a page escapes "<" itself, so the check
  covers it; a JSON answer is data, for whoever shows it to escape);
- redirect, if it does, within the site;
- write nothing when it refuses (4xx): every table holds as many rows as before.
"""

import json
import re
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import product
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import setup_test_environment, teardown_test_environment
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation

from catalog.models import Question, Release
from catalog.sitemaps import SITEMAPS
from orders.admin.actions import STAFF_ACTIONS
from tests.factories import make_collection, make_order, make_release, seed_release
from tests.orders.helpers import ADDRESS

# What would run in a browser if a page echoed the markup below unescaped.
UNESCAPED = ("<script>alert('hostile')</script>", "<img src=x onerror=alert(1)>")
HOSTILE = [
    *["", "   ", "not a url", "javascript:alert(1)", "//evil.example/"],
    *["https://evil.example/x", "/\r\nX-Hostile: 1", "../../etc/passwd", "%00"],
    *["NaN", "nan", "Infinity", "-Infinity", "1e309", "-1", "0", "1_000", "9999"],
    *["99999999999999999999999", "9" * 5000, "١٢٣", "²"],
    *["\x00", "a\x00b", "\x1b[31m", "\u202e", "😀", "x" * 10000],
    *["{{ 7|add:7 }}", "{% debug %}", "' OR 1=1 --", "'; DROP TABLE orders_order; --"],
    *["<script>alert('hostile')</script>", '"><img src=x onerror=alert(1)>'],
]
LANGUAGES = ("en", "uk")
PASSWORD = "hostile-test-password"
# Valid values for fields a page leaves empty: a shopper's address, question and login.
KNOWN_GOOD = ADDRESS | {"body": "Is it mono?", "q": "record", "username": "staff"}
KNOWN_GOOD["password"] = PASSWORD
# Rows these apps write are not the request's doing: the session engine keeps every
# visitor's session, and django-axes logs every login attempt, failed ones included.
UNCOUNTED_APPS = {"sessions", "axes"}
# Every admin list's search, order and page, whether or not a page links to them.
ADMIN_LIST_PARAMS = ("q", "o", "p")
# Pages of two records, so that a small catalogue has a second page to link to and sort.
RECORDS_PER_PAGE = 2


# Routes, from the URL configuration.


@dataclass(frozen=True)
class Param:
    name: str
    converter: str  # "slug", "uuid", "int", "path", "str"; "re" for a regex group
    choices: tuple = ()  # a regex group's alternatives, such as the admin's app labels


@dataclass(frozen=True)
class Route:
    key: str  # the resolver's route, without the language prefix
    parts: tuple  # literal text and Params
    i18n: bool
    name: str  # namespaced URL name, "" when unnamed

    def __str__(self):
        text = "".join(p if isinstance(p, str) else f"<{p.converter}:{p.name}>" for p in self.parts)
        return ("<lang>/" if self.i18n else "") + text

    @property
    def params(self):
        return [part for part in self.parts if isinstance(part, Param)]

    @property
    def is_admin(self):
        return self.key.startswith("admin/")

    @property
    def is_admin_list(self):
        return self.name.endswith("_changelist")

    @property
    def languages(self):
        return LANGUAGES if self.i18n else (None,)

    @property
    def model(self):
        """The model of an admin route such as admin:catalog_release_change."""
        for model in apps.get_models():
            if self.name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
                return model if admin.site.is_registered(model) else None
        return None

    def url(self, language, values):
        path = "".join(p if isinstance(p, str) else values[p.name] for p in self.parts)
        return f"/{language}/{path}" if self.i18n else f"/{path}"


PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<regex>[^)]*)\)")


def pattern_parts(pattern):
    if isinstance(pattern, RoutePattern):
        text, placeholder = str(pattern), PLACEHOLDER
    else:
        text, placeholder = str(pattern).removeprefix("^").removesuffix("$"), GROUP
    parts, end = [], 0
    for found in placeholder.finditer(text):
        parts += [text[end : found.start()], make_param(found.groupdict())]
        end = found.end()
    parts.append(text[end:])
    return tuple(re.sub(r"\\(.)", r"\1", p) if isinstance(p, str) else p for p in parts if p)


def make_param(groups):
    if "regex" not in groups:
        return Param(groups["name"], groups["converter"] or "str")
    alternatives = groups["regex"].split("|")
    choices = tuple(alternatives) if all(re.fullmatch(r"\w+", a) for a in alternatives) else ()
    return Param(groups["name"], "re", choices)


def walk(patterns, parts=(), key="", namespace="", i18n=False):
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            here, here_key, here_i18n = parts, key, True
        else:
            here, here_i18n = parts + pattern_parts(entry.pattern), i18n
            here_key = key + str(entry.pattern).removeprefix("^")
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from walk(entry.url_patterns, here, here_key, inner, here_i18n)
        else:
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else ""
            yield Route(here_key, here, here_i18n, name)


def all_routes():
    """Every route once; one shadowed by an earlier route with the same path is left out."""
    routes = {}
    for route in walk(get_resolver().url_patterns):
        routes.setdefault(route.key, route)
    return routes


ROUTES = all_routes()


def route_of(path, language):
    """The Route that serves `path`, or None."""
    with translation.override(language or "en"):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    key = re.sub(r"^(en|uk)/", "", match.route) if language else match.route
    return ROUTES.get(key)


# The data each test starts from, and the real values of path parameters.


@dataclass
class World:
    release: Release
    staff: User
    values: dict  # real values of path parameters, by "route name.param" or param name


def build_world(release):
    collection = make_collection()
    Release.objects.filter(pk=release.pk).update(collection=collection)
    for _n in range(RECORDS_PER_PAGE):  # a second page
        make_release(label=release.label)
    pending, paid = make_order(release, status="pending"), make_order(release, status="paid")
    Question.objects.create(
        release=release, name="Olena", email=ADDRESS["email"], body="Mono?", language="en"
    )
    staff = User.objects.create_superuser("staff", "staff@example.com", PASSWORD)
    values = {
        "catalog:release.slug": [release.slug],
        "catalog:ask_question.slug": [release.slug],
        "catalog:artist.slug": ["miles-davis"],
        "catalog:label.slug": [release.label.slug],
        "catalog:collection.slug": [collection.slug],
        "token": [str(pending.token), str(paid.token)],
        "section": list(SITEMAPS),
        "action": list(STAFF_ACTIONS),
        "content_type_id": [str(ContentType.objects.get_for_model(Release).pk)],
        "object_id": [str(release.pk)],
        "url": ["missing/"],
    }
    return World(release, staff, values)


def real_values(route, param, world):
    if param.choices:
        return list(param.choices)
    if route.model and param.name in ("object_id", "id", "pk"):
        pk = route.model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        return [str(pk if pk is not None else 1)]
    by_name = world.values.get(f"{route.name}.{param.name}") or world.values.get(param.name)
    return by_name or ["1" if param.converter == "int" else "missing"]


def real_urls(route, language, world):
    names = [p.name for p in route.params]
    choices = [real_values(route, p, world) for p in route.params]
    combinations = (dict(zip(names, values, strict=True)) for values in product(*choices))
    return [route.url(language, values) for values in combinations]


def hostile_urls(route, language, world):
    """The route with each hostile value, percent-encoded, in each path parameter in turn."""
    valid = {p.name: real_values(route, p, world)[0] for p in route.params}
    for param, value in product(route.params, HOSTILE):
        yield route.url(language, valid | {param.name: quote(value, safe="")}), param.name, value


# Reading pages: forms and links.


@dataclass
class Form:
    action: str
    method: str
    values: dict = field(default_factory=dict)  # what the browser would send
    buttons: set = field(default_factory=set)  # named submit buttons, sent when clicked
    select: str | None = None  # the <select> being read
    url: str = ""  # where it is sent: its action, or the page it is on
    token: str | None = None  # the CSRF cookie when the form was read

    @property
    def fields(self):
        return tuple(sorted(set(self.values) | self.buttons))

    def valid(self):
        return {name: value or KNOWN_GOOD.get(name, "") for name, value in self.values.items()}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self.links, self.form, self.textarea = [], [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and "?" in attrs.get("href", ""):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.form = Form(attrs.get("action", ""), attrs.get("method", "get").upper())
            self.forms.append(self.form)
        elif self.form and attrs.get("name"):
            self.read_field(tag, attrs["name"], attrs)
        elif self.form and tag == "option" and self.form.select:
            self.read_option(attrs)

    def read_option(self, attrs):
        """A select sends its selected option, else its first."""
        if "selected" in attrs or not self.form.values[self.form.select]:
            self.form.values[self.form.select] = attrs.get("value", "")

    def read_field(self, tag, name, attrs):
        form, kind = self.form, attrs.get("type", "text").lower()
        if tag == "button" or kind in ("submit", "image", "button", "reset"):
            form.buttons.add(name)
        elif tag == "select":
            form.select = name
            form.values.setdefault(name, "")
        elif tag == "textarea":
            self.textarea = name
            form.values[name] = ""
        elif tag == "input" and kind in ("checkbox", "radio"):
            if "checked" in attrs or name not in form.values:
                form.values[name] = attrs.get("value", "on")
        elif tag == "input" and kind != "file":
            form.values[name] = attrs.get("value", "")

    def handle_data(self, data):
        if self.form and self.textarea:
            self.form.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.form:
            self.form.select = None
        elif tag == "textarea":
            self.textarea = None


def parse_page(response):
    parser = PageParser()
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        parser.feed(response.content.decode())
    return parser


# The site's forms and query parameters, found once by visiting every page.


@dataclass(frozen=True)
class Page:
    """A page of the site, rebuilt in any test's data: a route's real URL."""

    route: Route
    language: str | None
    variant: int = 0
    query: str = ""  # for an answer to a form, such as search results

    def url(self, world):
        path = real_urls(self.route, self.language, world)[self.variant]
        return f"{path}?{self.query}" if self.query else path


@dataclass(frozen=True)
class FormSpec:
    host: Page  # the first page that shows the form
    target: str  # the key of the route it posts to
    fields: tuple


@dataclass(frozen=True)
class QuerySpec:
    page: Page
    links: dict  # each parameter links give the page -> the first such link's parameters


@dataclass
class Site:
    forms: dict = field(default_factory=dict)  # route key -> {(language, fields): FormSpec}
    queries: dict = field(default_factory=dict)  # route key -> {language: QuerySpec}
    visited: set = field(default_factory=set)

    def add_form(self, host, form, world):
        target = form_target(host, form, world)
        if target is not None:
            forms = self.forms.setdefault(target.route.key, {})
            spec = FormSpec(host, target.route.key, form.fields)
            forms.setdefault((host.language, form.fields), spec)

    def add_link(self, here, href, world):
        parts = urlsplit(href)
        page = page_at(parts.path or urlsplit(here.url(world)).path, here.language, world)
        # Of the admin's pages, only its lists: the others are staff's own forms.
        if page is not None and (not page.route.is_admin or page.route.is_admin_list):
            specs = self.queries.setdefault(page.route.key, {})
            spec = specs.setdefault(here.language, QuerySpec(page, {}))
            params = dict(parse_qsl(parts.query, keep_blank_values=True))
            for name in params:
                spec.links.setdefault(name, params)


def page_at(path, language, world, query=""):
    """The page of the site at `path`, or None when no route serves it."""
    route = route_of(path, language)
    if route is None:
        return None
    urls = real_urls(route, language, world)
    return Page(route, language, urls.index(path) if path in urls else 0, query)


def form_target(host, form, world, query=""):
    """The page a form is sent to: its action, or the page it is on."""
    path = urlsplit(form.action).path or urlsplit(host.url(world)).path
    return page_at(path, host.language, world, query)


def discover(world):
    """Visit every route's real URLs; read their forms, and links with a query string."""
    site, shopper, staff = Site(), shopper_client(world), staff_client(world)
    for route in ROUTES.values():
        for language in route.languages:
            for variant in range(len(real_urls(route, language, world))):
                page = Page(route, language, variant)
                read_page(site, page, shopper, world)
                if route.is_admin_list:
                    read_page(site, page, staff, world, as_staff=True)
                    site.add_link(page, "?", world)  # a list without filters still has q, o, p
    return site


def read_page(site, page, client, world, *, as_staff=False):
    """A page's links and forms. A form that gets a page (search) is a link, and the first
    time it is seen its answer is read too. Staff's own forms (edits) are not sent."""
    parsed = parse_page(client.get(page.url(world)))
    for href in parsed.links:
        site.add_link(page, href, world)
    for form in parsed.forms:
        if form.method == "GET":
            query = urlencode(form.valid())
            site.add_link(page, f"{form.action}?{query}", world)
            answer = form_target(page, form, world, query)
            if answer and (answer.route.key, form.fields) not in site.visited:
                site.visited.add((answer.route.key, form.fields))
                read_page(site, answer, client, world, as_staff=as_staff)
        elif not as_staff:
            site.add_form(page, form, world)


def new_client():
    return Client(enforce_csrf_checks=True, raise_request_exception=False)


def shopper_client(world):
    """A shopper with the seed record in the cart, so that checkout shows its form."""
    client = new_client()
    client.get(world.release.get_absolute_url())
    token = client.cookies["csrftoken"].value
    client.post("/en/cart/add/", {"release": world.release.pk, "csrfmiddlewaretoken": token})
    return client


def staff_client(world):
    client = new_client()
    client.force_login(world.staff)
    return client


def relaxed_limits():
    """Rate limits and lockouts out of reach (they have their own tests), and no Stripe."""
    return {
        "RATE_LIMITS": dict.fromkeys(django_settings.RATE_LIMITS, (100_000, 60)),
        "AXES_FAILURE_LIMIT": 100_000,
        "DEMO_PAYMENTS": True,
        "STRIPE_SECRET_KEY": "",
    }


@pytest.fixture(autouse=True, scope="module")
def uninstrumented_templates():
    """Thousands of pages, and no test here reads response.context: render them without the
    test runner's instrumentation, which records every template's context (each <option> of
    a country list is a template) and doubles the time some pages take."""
    teardown_test_environment()
    yield
    setup_test_environment()


@pytest.fixture(autouse=True, scope="module")
def short_pages():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("catalog.views.RECORDS_PER_PAGE", RECORDS_PER_PAGE)
        yield


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, uninstrumented_templates, short_pages):
    """The site's forms and query parameters, read from its pages in throwaway data."""
    with (
        django_db_blocker.unblock(),
        override_settings(**relaxed_limits()),
        translation.override("en"),
        transaction.atomic(),
    ):
        found = discover(build_world(seed_release()))
        transaction.set_rollback(True)
    return found


@pytest.fixture
def world(seed, settings):
    for name, value in relaxed_limits().items():
        setattr(settings, name, value)
    return build_world(seed)


# Sending requests, and checking each answer.


def row_counts():
    models = apps.get_models(include_auto_created=True)
    tables = sorted(
        {m._meta.db_table for m in models if m._meta.managed}
        - {m._meta.db_table for m in models if m._meta.app_label in UNCOUNTED_APPS}
    )
    counts = ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def short(text, limit=60):
    text = repr(str(text))[1:-1]
    return text if len(text) <= limit else f"{text[:limit]}…({len(text)} chars)"


class Probe:
    """Sends requests, and keeps every problem found, so that one run lists them all."""

    def __init__(self):
        self.failures, self.sent, self.counts = [], 0, None

    def send(self, client, method, url, data=None, *, what="", as_json=False):
        before = self.counts or row_counts()
        headers = {"Accept": "application/json"} if as_json else {}
        # A server error on PostgreSQL can leave the transaction unusable: undo just it.
        with transaction.atomic():
            if method == "GET":
                response = client.get(url, headers=headers)
            else:
                body, kind = urlencode(data), "application/x-www-form-urlencoded"
                response = client.post(url, body, content_type=kind, headers=headers)
            transaction.set_rollback(response.status_code >= 500)
        self.sent += 1
        self.counts = row_counts()
        if problem := self.problem(response, before):
            self.failures.append(f"{method} {short(url)} {what}: {problem}")
        return response

    def problem(self, response, before):
        status = response.status_code
        if status >= 500:
            return f"{status} {where_it_failed(response)}"
        if 400 <= status < 500 and self.counts != before:
            changed = [table for table in before if before[table] != self.counts[table]]
            return f"{status}, yet rows were written to {', '.join(changed)}"
        if 300 <= status < 400 and off_site(response.get("Location", "")):
            return f"{status} redirect off the site, to {short(response['Location'])}"
        markup = unescaped_markup(response)
        return f"{status} echoes {markup!r} unescaped" if markup else ""

    @contextmanager
    def undoing(self):
        """What the block's requests wrote is undone, so that the next starts afresh."""
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        self.counts = None

    def assert_clean(self):
        shown = "\n".join(self.failures[:40])
        assert not self.failures, f"{len(self.failures)} of {self.sent} requests failed:\n{shown}"


def where_it_failed(response):
    if not response.exc_info:
        return "(no exception)"
    _kind, error, tb = response.exc_info
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if "/.venv/" not in f.filename and "/tests/" not in f.filename]
    frame = (ours or frames)[-1]
    return f"{type(error).__name__}: {short(error, 120)} at {frame.filename}:{frame.lineno}"


def off_site(location):
    parts = urlsplit(location)
    return parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver")


def unescaped_markup(response):
    if response.streaming:
        return None
    if response.get("Content-Type", "").startswith("application/json"):
        json.loads(response.content)
        return None
    body = response.content.decode(errors="replace")
    return next((markup for markup in UNESCAPED if markup in body), None)


# Sending the corpus.


def thorough(language):
    """Each value goes into each field in English; in Ukrainian, into every field at once:
    the same code, with the other language's messages and number formats."""
    return language in (None, "en")


def fuzz_path(probe, client, route, language, world, *, post=None):
    """The route's real URLs, then each hostile value in each path parameter (also posted,
    with a valid form, to a route that takes one)."""
    answers = [probe.send(client, "GET", url) for url in real_urls(route, language, world)]
    if not thorough(language) or finds_object_as_change_page(route):
        return
    if all(asks_to_log_in(answer) for answer in answers):
        return
    for url, name, value in hostile_urls(route, language, world):
        probe.send(client, "GET", url, what=f"path {name}={short(value)}")
        if post is not None:
            probe.send(client, "POST", url, post, what=f"path {name}={short(value)}")


def asks_to_log_in(response):
    """The admin sends a visitor to log in before it reads the path: staff send those."""
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


def finds_object_as_change_page(route):
    """The admin's history and delete pages find their object as its change page does
    (ModelAdmin.get_object), and its bare object URL redirects to the change page."""
    history_or_delete = route.name.endswith(("_history", "_delete"))
    return route.is_admin and (history_or_delete or route.key.endswith("<path:object_id>/"))


def fuzz_form(probe, client, spec, world):
    """Each field hostile in turn with the others valid, then every field at once (the CSRF
    token kept valid), also as the cart's script sends it, asking for JSON, where a form's
    view answers in JSON."""
    form, answers_json = find_form(client, spec, world), True
    for name, value in product(spec.fields if thorough(spec.host.language) else (), HOSTILE):
        form = fresh(client, form, spec, world)
        data = form.valid() | {name: value}
        probe.send(client, "POST", form.url, data, what=f"{name}={short(value)}")
    for value in HOSTILE:
        form = fresh(client, form, spec, world)
        token = {k: v for k, v in form.valid().items() if k == "csrfmiddlewaretoken"}
        data, what = dict.fromkeys(form.values, value) | token, f"every field={short(value)}"
        probe.send(client, "POST", form.url, data, what=what)
        if answers_json:
            answer = probe.send(client, "POST", form.url, data, what=f"{what} (JSON)", as_json=True)
            answers_json = answer["Content-Type"].startswith("application/json")


def find_form(client, spec, world):
    """The form as its page shows it now, with its current token and values."""
    url = spec.host.url(world)
    response = client.get(url)
    for form in parse_page(response).forms:
        target = form_target(spec.host, form, world)
        if form.fields == spec.fields and target and target.route.key == spec.target:
            form.url, form.token = form.action or url, csrf_cookie(client)
            return form
    pytest.fail(f"The form {spec.fields} is no longer on {url} ({response.status_code})")


def fresh(client, form, spec, world):
    """Logging in (the admin's form) changes the CSRF token: log out, read the form again."""
    if csrf_cookie(client) == form.token:
        return form
    client.logout()
    return find_form(client, spec, world)


def csrf_cookie(client):
    cookie = client.cookies.get("csrftoken")
    return cookie.value if cookie else None


def fuzz_query(probe, client, spec, world):
    path = spec.page.url(world)
    for value in HOSTILE:
        for what, params in hostile_queries(spec, value):
            probe.send(client, "GET", f"{path}?{urlencode(params)}", what=f"{what}={short(value)}")


def hostile_queries(spec, value):
    """Each parameter hostile in turn with the others as linked, then all of them at once.

    An admin list refuses a bad filter before it reads the rest, so each filter is made
    hostile alone, and its search, order and page together (the search runs before the
    page is checked). Its switches (_facets) take no value."""
    if spec.page.route.is_admin_list:
        yield "q, o and p", dict.fromkeys(ADMIN_LIST_PARAMS, value)
        for name in spec.links:
            if name not in ADMIN_LIST_PARAMS and not name.startswith("_"):
                yield name, spec.links[name] | {name: value}
        return
    for name in spec.links if thorough(spec.page.language) else ():
        yield name, spec.links[name] | {name: value}
    yield "every parameter", dict.fromkeys(spec.links, value)


@pytest.mark.parametrize("route", ROUTES.values(), ids=str)
def test_hostile_input_gets_no_server_error_and_no_write(route, site, world):
    probe = Probe()
    visitor = new_client() if route.is_admin else shopper_client(world)
    forms = site.forms.get(route.key, {}).values()
    post = find_form(visitor, next(iter(forms)), world).valid() if forms else None
    for language in route.languages:
        fuzz_path(probe, visitor, route, language, world, post=post)
    for spec in forms:
        with probe.undoing():  # a valid submission may change what the next form shows
            fuzz_form(probe, visitor, spec, world)
    staff = staff_client(world) if route.is_admin else None
    if staff:
        fuzz_path(probe, staff, route, None, world)
    for spec in site.queries.get(route.key, {}).values():
        fuzz_query(probe, staff or visitor, spec, world)
    probe.assert_clean()
