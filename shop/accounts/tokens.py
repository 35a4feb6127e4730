"""Signed links for verifying an email: expiring, and single-use.

A link carries the user, the address it verifies and a digest of the account's
state (email, password, verification time). Using the link changes that state,
so a replayed link no longer matches; an old one is refused by its age.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

LINK_AGE = datetime.timedelta(days=3)


class BadLink(Exception):
    pass


class ExpiredLink(BadLink):
    pass


def _state(user) -> str:
    account = getattr(user, "account", None)
    verified = account.email_verified if account else None
    value = f"{user.email}|{user.password}|{verified}"
    return salted_hmac("shop.accounts.tokens", value, algorithm="sha256").hexdigest()[:24]


def make_token(user, *, purpose: str, email: str = "") -> str:
    payload = {"u": user.pk, "e": email or user.email, "s": _state(user)}
    return signing.dumps(payload, salt=f"shop.accounts.{purpose}", compress=True)


def read_token(token: str, *, purpose: str):
    """The (user, email) a link names, or BadLink / ExpiredLink."""
    try:
        payload = signing.loads(token, salt=f"shop.accounts.{purpose}", max_age=LINK_AGE)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise BadLink from None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise BadLink
    user = get_user_model().objects.select_related("account").filter(pk=payload["u"]).first()
    if user is None or not constant_time_compare(str(payload.get("s")), _state(user)):
        raise BadLink
    return user, str(payload.get("e", ""))
