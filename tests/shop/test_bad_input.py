"""NUL bytes and other control characters never reach the database (PostgreSQL refuses NUL)."""

import pytest

NUL = "bad\x00value"


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/en/records/", {"genre": NUL, "label": NUL, "sort": NUL, "page": NUL}),
        ("get", "/en/search/", {"q": NUL, "artist": NUL}),
        ("get", "/en/cart/", {"country": NUL}),
        ("post", "/en/cart/add/", {"release": NUL, "quantity": NUL}),
        ("post", "/en/cart/update/", {"release": NUL, "quantity": "1"}),
        ("post", "/en/currency/", {"currency": NUL, "next": NUL}),
        ("post", "/en/checkout/", {"email": NUL, "country": NUL}),
    ],
)
def test_nul_bytes_get_a_4xx_or_are_ignored_never_500(client, seed, method, path, data):
    response = getattr(client, method)(path, data)
    assert response.status_code < 500


def test_nul_bytes_in_a_question_are_a_400(client, seed):
    response = client.post(
        f"/en/records/{seed.slug}/questions/",
        {"name": NUL, "email": "a@example.com", "body": "Is it mono?"},
    )
    assert response.status_code == 400
