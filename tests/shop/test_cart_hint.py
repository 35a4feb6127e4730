"""shop.cart_hint: the header's mini-cart count, from a cookie that is only a hint."""

import pytest


@pytest.mark.parametrize(
    ("cookie", "shown"),
    [("3", "3"), ("", "0"), ("<b>9</b>", "0"), ("²", "0"), ("9" * 6, "0"), ("-1", "0")],
)
def test_the_header_shows_the_cookies_count_or_zero_and_never_fails(client, db, cookie, shown):
    client.cookies["cart_count"] = cookie

    response = client.get("/en/")

    assert response.status_code == 200
    assert f"data-cart-count>{shown}</span>" in response.content.decode()
