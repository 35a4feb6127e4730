"""Media served by the shop itself (shop.media): whole files, byte ranges and refusals."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.http import http_date

pytestmark = pytest.mark.urls("tests.media_urls")

CONTENT = bytes(range(256)) * 4  # 1,024 bytes, each position recognisable


@pytest.fixture
def clip():
    """A 1,024-byte file at /media/clips/test-range.mp3, last modified at a known time."""
    path = Path(settings.MEDIA_ROOT) / "clips" / "test-range.mp3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(CONTENT)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    yield "/media/clips/test-range.mp3"
    path.unlink()


def body(response):
    return b"".join(response.streaming_content)


def test_whole_file_says_it_accepts_ranges(client, clip):
    response = client.get(clip)

    assert response.status_code == 200
    assert body(response) == CONTENT
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Length"] == "1024"
    assert response["Last-Modified"] == http_date(1_700_000_000)
    assert "Content-Range" not in response


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=1000-1023", 1000, 1023),
        ("bytes=1000-5000", 1000, 1023),  # past the end: up to the end
        ("bytes=512-", 512, 1023),
        ("bytes=-100", 924, 1023),
        ("bytes=-5000", 0, 1023),  # more than there is: all of it
        ("bytes=7-7", 7, 7),
    ],
)
def test_a_range_is_answered_with_206_and_just_those_bytes(client, clip, header, first, last):
    response = client.get(clip, headers={"range": header})

    assert response.status_code == 206
    assert body(response) == CONTENT[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/1024"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize("header", ["bytes=1024-", "bytes=5000-6000", "bytes=-0"])
def test_a_range_wholly_past_the_end_is_416(client, clip, header):
    response = client.get(clip, headers={"range": header})

    assert response.status_code == 416
    assert response["Content-Range"] == "bytes */1024"


@pytest.mark.parametrize(
    "header",
    ["bytes=", "bytes=-", "bytes=abc-def", "items=0-10", "bytes=20-10", "bytes=0-1,5-9", "0-10"],
)
def test_a_range_we_do_not_understand_gets_the_whole_file(client, clip, header):
    response = client.get(clip, headers={"range": header})

    assert response.status_code == 200
    assert body(response) == CONTENT


def test_not_modified_since_is_304(client, clip):
    response = client.get(clip, headers={"if-modified-since": http_date(1_700_000_000)})
    assert response.status_code == 304

    older = http_date(1_600_000_000)
    assert client.get(clip, headers={"if-modified-since": older}).status_code == 200


def test_if_range_sends_the_part_only_while_the_file_is_unchanged(client, clip):
    unchanged = {"range": "bytes=0-9", "if-range": http_date(1_700_000_000)}
    assert client.get(clip, headers=unchanged).status_code == 206

    changed_since = {"range": "bytes=0-9", "if-range": http_date(1_600_000_000)}
    response = client.get(clip, headers=changed_since)
    assert response.status_code == 200 and body(response) == CONTENT

    entity_tag = {"range": "bytes=0-9", "if-range": '"abc"'}
    assert client.get(clip, headers=entity_tag).status_code == 200


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.ogg", "audio/ogg"),
        ("a.opus", "audio/ogg"),
        ("a.wav", "audio/wav"),
        ("a.png", "image/png"),
    ],
)
def test_each_kind_of_file_has_its_content_type(client, name, content_type):
    path = Path(settings.MEDIA_ROOT) / name
    path.write_bytes(b"data")
    try:
        assert client.get(f"/media/{name}")["Content-Type"] == content_type
    finally:
        path.unlink()


@pytest.mark.parametrize(
    "path",
    [
        "/media/../settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media//etc/passwd",
        "/media/clips/",
        "/media/clips",
        "/media/no-such-file.mp3",
        "/media/clips/%00.mp3",
    ],
)
def test_anything_but_a_file_under_media_is_404(client, db, clip, path):
    assert client.get(path).status_code == 404


def test_an_empty_file_is_served_and_any_range_of_it_is_416(client):
    path = Path(settings.MEDIA_ROOT) / "empty.wav"
    path.write_bytes(b"")
    try:
        whole = client.get("/media/empty.wav")
        assert whole.status_code == 200 and body(whole) == b""
        assert client.get("/media/empty.wav", headers={"range": "bytes=0-"}).status_code == 416
    finally:
        path.unlink()
