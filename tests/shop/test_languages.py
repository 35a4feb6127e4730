import pytest

from tests.factories import make_release


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("uk", "/uk/"),
        ("uk-UA,uk;q=0.9,en;q=0.8", "/uk/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,fr;q=0.5", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, db, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "accept_language",
    [
        "*",
        "uk;q=abc",
        ";;;,,,",
        "x" * 2000,
        "en-US;q=1.5, uk;q=-1",
        "\u0443\u043a",
        "zz-ZZ-Latn-private-thing",
        "../../etc/passwd",
    ],
)
def test_odd_accept_language_headers_redirect_and_never_fail(client, db, accept_language):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] in {"/en/", "/uk/"}


def test_unprefixed_page_redirects_to_the_language_version(client, db):
    release = make_release()
    response = client.get(f"/records/{release.slug}/", headers={"accept-language": "uk"})
    assert response.status_code == 302
    assert response["Location"] == f"/uk/records/{release.slug}/"


def test_language_switch_links_to_the_same_page_in_the_other_language(client, db):
    release = make_release()

    page = client.get(f"/en/records/{release.slug}/").content.decode()

    assert f'href="/uk/records/{release.slug}/" hreflang="uk" lang="uk"' in page
    assert (
        f'<link rel="alternate" hreflang="uk" href="http://testserver/uk/records/{release.slug}/">'
        in page
    )


def test_language_switch_keeps_the_query_string(client, db):
    page = client.get("/en/records/?page=1").content.decode()
    assert 'href="/uk/records/?page=1"' in page


def test_ukrainian_interface_on_the_record_list(client, db):
    make_release(title="Kind of Blue")
    page = client.get("/uk/records/").content.decode()
    assert "Усі платівки" in page
    assert "Kind of Blue" in page
