"""The header's mini-cart count: a cookie that JavaScript can read, and only a hint.

The cart itself lives in the orders app and is only ever read from the database;
the count sits here so that every page's header can show it without importing orders.
"""

COUNT_COOKIE = "cart_count"


def cart_count(request) -> int:
    """The count from its cookie: a display hint, never trusted for anything else."""
    raw = request.COOKIES.get(COUNT_COOKIE, "0")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 5 else 0


HINT_AGE = 60 * 60 * 24 * 30


def count_changed(request, count: int):
    """Say the cart's count changed during this request (a cart carried over at sign-in)."""
    request.new_cart_count = count


def refresh_count(request, response, *, secure: bool):
    """Write the count cookie if the request changed it, or drop it on signing out."""
    count = getattr(request, "new_cart_count", None)
    if count is None:
        return
    if count:
        response.set_cookie(
            COUNT_COOKIE, str(count), max_age=HINT_AGE, samesite="Lax", secure=secure
        )
    else:
        response.delete_cookie(COUNT_COOKIE, samesite="Lax")
