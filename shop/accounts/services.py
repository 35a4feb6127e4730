"""What happens to accounts: sign-up, verification, email change, closing, export.

Each function runs in one transaction and queues its emails in it. None of them
tells the caller whether an email already had an account: the views say the same
thing either way, and the owner of the address hears what happened by email.
"""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language

from ..models import Account
from . import signals
from .emails import normalise_email
from .tasks import email_account


def _users():
    return get_user_model().objects.select_related("account")


@transaction.atomic
def sign_up(*, email, password, news, language, now=None):
    """Create an unverified account and email its link, or tell an existing owner."""
    now = now or timezone.now()
    email = normalise_email(email)
    hashed = make_password(password)  # hashed either way: both answers take as long
    user = _users().select_for_update(of=("self",)).filter(email=email).first()
    if user is not None and getattr(user, "account", None) and not user.account.verified:
        # An unconfirmed sign-up again: the latest password wins, older links die with it.
        user.password = hashed
        user.save(update_fields=["password"])
        _consent(user.account, news=news, language=language, now=now)
        email_account("verify", to=email, language=language, user=user)
        return
    if user is not None:
        email_account("already_registered", to=email, language=language, user=user)
        return
    try:
        with transaction.atomic():
            user = get_user_model().objects.create(
                username=uuid.uuid4().hex, email=email, password=hashed
            )
    except IntegrityError:  # the same email signed up a moment ago, in another request
        return
    account = Account(user=user)
    _consent(account, news=news, language=language, now=now)
    email_account("verify", to=email, language=language, user=user)


def _consent(account, *, news, language, now):
    account.privacy_accepted = now
    account.news = news
    account.language = language
    account.save()


def resend_verification(user, *, language):
    email_account("verify", to=user.email, language=language, user=user)


@transaction.atomic
def verify_email(user, *, now=None):
    """Mark the account's email as its owner's; other apps attach what it owns."""
    # Staff made in the admin have no Account until they use the shop's pages.
    account, _created = Account.objects.select_for_update().get_or_create(
        user=user, defaults={"language": get_language()}
    )
    account.email_verified = now or timezone.now()
    account.save(update_fields=["email_verified"])
    user.account = account
    signals.email_verified.send(sender=Account, user=user, email=user.email)


class EmailTaken(Exception):
    pass


def request_email_change(user, *, new_email, language):
    """Email a confirmation link to the new address; nothing changes until it is used."""
    new_email = normalise_email(new_email)
    if new_email == user.email:
        return
    with transaction.atomic():
        taken = get_user_model().objects.filter(email=new_email).exists()
        # A taken address is told nothing here; its owner hears of it instead.
        kind = "already_registered" if taken else "change_email"
        email_account(kind, to=new_email, language=language, user=user, new_email=new_email)


@transaction.atomic
def change_email(user, *, new_email, now=None):
    """Move the login to `new_email`, already verified by its link; tell the old one."""
    old_email = user.email
    account = getattr(user, "account", None)
    language = account.language if account else get_language()
    if get_user_model().objects.filter(email=new_email).exclude(pk=user.pk).exists():
        raise EmailTaken
    user.email = new_email
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError:
        raise EmailTaken from None
    email_account("email_changed", to=old_email, language=language, new_email=new_email)
    verify_email(user, now=now)


@transaction.atomic
def close_account(user):
    """Delete the user, their consents and addresses; other apps detach what they keep."""
    email, account = user.email, getattr(user, "account", None)
    language = account.language if account else get_language()
    signals.account_closing.send(sender=Account, user=user)
    user.delete()
    email_account("closed", to=email, language=language)


def export_data(user) -> dict:
    """Everything the shop keeps about the shopper, as JSON-ready data."""
    account = getattr(user, "account", None)
    data = {
        "account": {
            "email": user.email,
            "joined": user.date_joined.isoformat(),
            "email_verified": _iso(account and account.email_verified),
            "privacy_notice_accepted": _iso(account and account.privacy_accepted),
            "news_by_email": bool(account and account.news),
            "language": account.language if account else "",
        }
    }
    for _receiver, sections in signals.collecting_data.send(sender=Account, user=user):
        data.update(sections)
    return data


def _iso(moment):
    return moment.isoformat() if moment else None
