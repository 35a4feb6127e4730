"""Uploaded media in S3-compatible object storage (shop.storage), against moto's S3 server.

Covers go in through the real admin form and come out through the product page; the
bucket is then read with boto3 and plain HTTP, as an operator and a browser would.
"""

import html
import io
import json
import re
import tarfile
import urllib.request

import pytest
from django import forms
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image
from storages.backends.s3 import S3Storage

from catalog.images import make_renditions
from catalog.models import Artist, CoverImage, Label, Release, Role
from catalog.models.images import rendition_name
from shop.storage import CACHE_CONTROL
from tests.catalog.test_admin import new_release_form
from tests.factories import add_image, image_file, make_release
from tests.object_storage import LocalS3, media_in
from tests.ops.sessions import end_other_sessions
from tests.shop.test_settings import PRODUCTION, manage

WIDTHS = (240, 480, 960)


@pytest.fixture(scope="session")
def local_s3():
    s3 = LocalS3().start()
    yield s3
    s3.stop()


@pytest.fixture
def media_root(tmp_path):
    """MEDIA_ROOT for the test: it must stay empty while media go to the bucket."""
    return tmp_path / "media"


@pytest.fixture
def bucket(local_s3, media_root):
    bucket = local_s3.new_bucket()
    with media_in(bucket, media_root=media_root):
        yield bucket


@pytest.fixture
def staff_client(db):
    """Staff in the admin; `client` stays an anonymous shopper."""
    staff = Client()
    staff.force_login(User.objects.create_superuser("staff", "staff@example.com", "pw-12345"))
    return staff


def add_record_through_admin(staff_client):
    """Staff add Kind of Blue with a 1200 px cover named kind-of-blue.png."""
    label = Label.objects.create(name="Ermitage", slug="ermitage")
    artist = Artist.objects.create(name="Miles Davis", slug="miles-davis")
    role = Role.objects.create(name="Trumpet")
    response = staff_client.post(
        reverse("admin:catalog_release_add"), new_release_form(label, artist, role)
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    return Release.objects.get(slug="miles-davis-kind-of-blue")


def stored_names(cover):
    """The original and its renditions."""
    renditions = [rendition_name(cover.image.name, w) for w in cover.rendition_widths]
    return sorted([cover.image.name, *renditions])


def product_page(client, release):
    response = client.get(release.get_absolute_url())
    assert response.status_code == 200
    return response


def image_urls(page):
    """What the page asks browsers and link previews to load: src, srcset, og, JSON-LD."""
    cover = re.search(r'<img class="release__cover" src="([^"]+)" srcset="([^"]+)"', page)
    srcset = [entry.split()[0] for entry in html.unescape(cover[2]).split(", ")]
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', page)[1]
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    return {
        "src": html.unescape(cover[1]),
        "srcset": srcset,
        "og:image": html.unescape(og_image),
        "json-ld": json.loads(json_ld)["image"],
    }


def img_sources(response):
    policy = response.headers["Content-Security-Policy"]
    return re.search(r"img-src ([^;]+)", policy)[1].split()


def change_form_data(staff_client, release):
    """What the release's admin page posts back when staff change nothing."""
    response = staff_client.get(reverse("admin:catalog_release_change", args=[release.pk]))
    every_form = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        every_form += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in every_form:
        for field in form:
            value = field.value()
            if value is None or value is False or isinstance(field.field, forms.FileField):
                continue
            data[field.html_name] = "on" if value is True else value
    return data


def test_an_uploaded_cover_and_its_renditions_go_to_the_bucket_not_to_disk(
    staff_client, bucket, media_root
):
    release = add_record_through_admin(staff_client)

    cover = release.images.get()
    assert re.fullmatch(r"covers/kind-of-blue-[0-9a-f]{8}\.png", cover.image.name)
    assert cover.rendition_widths == list(WIDTHS)
    assert bucket.names() == stored_names(cover)
    rendition = bucket.head(rendition_name(cover.image.name, 480))
    assert rendition["ContentType"] == "image/webp"
    assert rendition["CacheControl"] == CACHE_CONTROL
    assert not media_root.exists()


def test_the_product_page_links_the_bucket_without_signatures(
    staff_client, client, bucket, local_s3
):
    release = add_record_through_admin(staff_client)
    cover = release.images.get()

    response = product_page(client, release)

    urls = image_urls(response.content.decode())
    base = f"{local_s3.endpoint_url}/{bucket.name}/"
    assert urls == {
        "src": base + rendition_name(cover.image.name, 480),
        "srcset": [base + rendition_name(cover.image.name, w) for w in WIDTHS],
        "og:image": base + rendition_name(cover.image.name, 960),
        "json-ld": base + rendition_name(cover.image.name, 960),
    }
    # No query string: nothing signed that expires inside a cached page.
    assert "?" not in json.dumps(urls)
    # The Content-Security-Policy lets the browser load them.
    assert local_s3.endpoint_url in img_sources(response)


def test_a_linked_rendition_downloads_as_webp_over_plain_http(staff_client, client, bucket):
    release = add_record_through_admin(staff_client)
    src = image_urls(product_page(client, release).content.decode())["src"]

    with urllib.request.urlopen(src, timeout=10) as download:
        assert download.status == 200
        assert download.headers["Content-Type"] == "image/webp"
        assert download.headers["Cache-Control"] == CACHE_CONTROL
        body = download.read()

    with Image.open(io.BytesIO(body)) as rendition:
        assert (rendition.format, rendition.size) == ("WEBP", (480, 480))


def test_renditions_are_made_once_not_per_page_view_or_per_server(
    staff_client, client, bucket, tmp_path
):
    release = add_record_through_admin(staff_client)
    cover = release.images.get()
    written = bucket.writes()
    assert written == dict.fromkeys(stored_names(cover), 1)

    # A second web server: its own storage connection, an empty disk and, for each view,
    # a cold page cache, so that the page is rendered in full every time.
    with media_in(bucket, media_root=tmp_path / "second-server"):
        requests = []
        events = default_storage.connection.meta.client.meta.events
        events.register("before-send.s3", lambda request, **kwargs: requests.append(request))
        pages = []
        for _view in range(2):
            cache.clear()
            pages.append(product_page(client, release).content.decode())

    assert all(rendition_name(cover.image.name, 960) in page for page in pages)
    assert requests == []  # a page view never even asks the bucket
    assert bucket.writes() == written
    assert not (tmp_path / "second-server").exists()


def test_replacing_a_cover_writes_new_names_so_long_caching_is_safe(staff_client, client, bucket):
    release = add_record_through_admin(staff_client)
    old = release.images.get()
    assert rendition_name(old.image.name, 480) in product_page(client, release).content.decode()
    data = change_form_data(staff_client, release)
    # The same file name again, as staff re-scanning a sleeve would upload it.
    data["images-0-image"] = image_file("kind-of-blue.png", size=(1000, 1000), colour="#123456")

    response = staff_client.post(reverse("admin:catalog_release_change", args=[release.pk]), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    new = release.images.get()
    assert new.pk == old.pk
    assert new.image.name != old.image.name
    assert re.fullmatch(r"covers/kind-of-blue-[0-9a-f]{8}\.png", new.image.name)
    assert bucket.names() == sorted(stored_names(old) + stored_names(new))
    # Nothing was written twice: every name still holds the bytes it was first given.
    assert set(bucket.writes().values()) == {1}
    assert {bucket.head(key)["CacheControl"] for key in bucket.names()} == {CACHE_CONTROL}
    page = product_page(client, release).content.decode()
    assert rendition_name(new.image.name, 480) in page
    assert rendition_name(old.image.name, 480) not in page


def test_remaking_renditions_replaces_them_under_the_same_names(bucket, db):
    cover = add_image(make_release())
    make_renditions(cover)

    assert make_renditions(cover) == [240, 480]

    names = [rendition_name(cover.image.name, w) for w in (240, 480)]
    assert bucket.names() == sorted([cover.image.name, *names])
    # Each rendition: written, deleted, written again; the original is untouched.
    assert bucket.writes() == {cover.image.name: 1} | dict.fromkeys(names, 3)


def test_a_cdn_domain_and_a_prefix_shape_the_keys_and_the_links(local_s3, client, db, tmp_path):
    bucket = local_s3.new_bucket()
    with media_in(
        bucket, media_root=tmp_path, custom_domain="cdn.shop.example", location="shop-media"
    ):
        release = make_release()
        cover = add_image(release)
        make_renditions(cover)
        response = product_page(client, release)

    assert bucket.names() == [f"shop-media/{name}" for name in stored_names(cover)]
    urls = image_urls(response.content.decode())
    cdn = "https://cdn.shop.example/shop-media/"
    assert urls["src"] == cdn + rendition_name(cover.image.name, 480)
    assert urls["og:image"] == cdn + rendition_name(cover.image.name, 480)
    assert "https://cdn.shop.example" in img_sources(response)


def test_leaving_the_bucket_settings_puts_media_back_on_disk(local_s3, tmp_path):
    with media_in(local_s3.new_bucket(), media_root=tmp_path):
        assert isinstance(default_storage, S3Storage)
    assert isinstance(default_storage, FileSystemStorage)


# Backups: the archive holds the database; media in a bucket stay the bucket's to keep.


@pytest.fixture
def alone_on_the_database(transactional_db):
    """Restore refuses while other sessions are connected (see tests/ops/test_backup.py)."""
    end_other_sessions()


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_a_backup_says_that_media_in_the_bucket_are_not_in_the_archive(
    alone_on_the_database, bucket, tmp_path
):
    make_renditions(add_image(make_release()))
    archive = tmp_path / "shop.tar.gz"

    output = run("backup_shop", str(archive))

    assert f"Media are in object storage (s3://{bucket.name}) and NOT in this archive" in output
    with tarfile.open(archive) as tar:
        assert not [name for name in tar.getnames() if name.startswith("media")]
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["media_bucket"] == f"s3://{bucket.name}"


def test_a_restore_brings_back_the_database_and_leaves_the_bucket_and_disk_alone(
    alone_on_the_database, bucket, media_root, tmp_path
):
    cover = add_image(make_release(title="Kind of Blue"))
    make_renditions(cover)
    archive = tmp_path / "shop.tar.gz"
    run("backup_shop", str(archive))
    Release.objects.update(title="Changed after the backup")
    media_root.mkdir()
    (media_root / "kept.txt").write_text("not the shop's to remove")
    written = bucket.writes()

    output = run("restore_shop", str(archive), "--yes")

    assert f"Media are in object storage (s3://{bucket.name}) and were left as they are" in output
    assert CoverImage.objects.get().image.name == cover.image.name
    assert Release.objects.get().title == "Kind of Blue"
    assert bucket.writes() == written
    assert [path.name for path in media_root.iterdir()] == ["kept.txt"]


# Settings: read from the environment by a fresh process, as the shop starts.

SHOW_MEDIA_SETTINGS = """
import json
from django.conf import settings
from django.urls import Resolver404, resolve
try:
    resolve("/media/covers/a.jpg")
    serves_media = True
except Resolver404:
    serves_media = False
print(json.dumps({
    "storage": settings.STORAGES["default"],
    "serve_media": settings.SERVE_MEDIA,
    "serves_media": serves_media,
    "img_src": [str(source) for source in settings.SECURE_CSP.get("img-src", [])],
}))
"""


def media_settings(**environment):
    result = manage("shell", "--no-imports", "-c", SHOW_MEDIA_SETTINGS, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_bucket_media_stay_on_local_disk():
    shown = media_settings(DEBUG="true", DATABASE_URL="sqlite:///:memory:")

    assert shown == {
        "storage": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "serve_media": True,
        "serves_media": True,
        "img_src": [],
    }


def test_with_a_bucket_production_uploads_there_and_serves_no_media_from_disk():
    shown = media_settings(
        **PRODUCTION,
        SERVE_MEDIA="true",
        MEDIA_BUCKET="plativka-media",
        MEDIA_ENDPOINT_URL="https://minio.shop.example:9000",
        MEDIA_LOCATION="/media/",
    )

    assert shown["storage"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "plativka-media",
            "endpoint_url": "https://minio.shop.example:9000",
            "region_name": None,
            "addressing_style": "path",
            "custom_domain": None,
            "location": "media",
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": CACHE_CONTROL},
        },
    }
    assert (shown["serve_media"], shown["serves_media"]) == (False, False)
    assert shown["img_src"] == ["'self'", "https://minio.shop.example:9000"]


def test_an_aws_bucket_is_addressed_in_its_region():
    shown = media_settings(**PRODUCTION, MEDIA_BUCKET="plativka-media", MEDIA_REGION="eu-west-2")

    assert shown["storage"]["OPTIONS"]["endpoint_url"] == "https://s3.eu-west-2.amazonaws.com"
    assert shown["img_src"] == ["'self'", "https://plativka-media.s3.eu-west-2.amazonaws.com"]


def test_a_bucket_without_region_or_endpoint_stops_start_up():
    result = manage("check", **PRODUCTION, MEDIA_BUCKET="plativka-media")

    assert result.returncode != 0
    assert "MEDIA_REGION (for AWS S3) or MEDIA_ENDPOINT_URL" in result.stderr
