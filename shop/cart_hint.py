"""The header's mini-cart count: a cookie that JavaScript can read, and only a hint.

The cart itself lives in the orders app and is only ever read from the database;
the count sits here so that every page's header can show it without importing orders.
"""

COUNT_COOKIE = "cart_count"


def cart_count(request) -> int:
    """The count from its cookie: a display hint, never trusted for anything else."""
    raw = request.COOKIES.get(COUNT_COOKIE, "0")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 5 else 0
