"""Back-in-stock alerts: a shopper follows a sold-out record and is emailed once when it returns.

Guests confirm their address by a signed link that expires, so nobody can sign
someone else up; signed-in shoppers are confirmed at once. When a record's stock
rises from zero (catalog.stock), one task is queued in the same transaction; it
splits the confirmed alerts into batches, and each batch task emails its alerts
in their own language and marks each one notified, which ends it.
"""

import datetime

from django.core import signing
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from shop.tasks import enqueue_in_transaction

from .models import StockAlert

# How long a guest's confirmation link works.
CONFIRM_WITHIN = datetime.timedelta(days=3)
# How long the record of a sent alert is kept.
KEEP_SENT = datetime.timedelta(days=30)
# Alerts emailed by one task: a long list is spread over several tasks.
BATCH_SIZE = 50
_SIGNER_SALT = "catalog.alerts.confirm"


class LinkExpired(Exception):
    """The confirmation link is genuine but too old."""


class LinkUsed(Exception):
    """The confirmation link was used already, or its alert has been sent."""


def subscribe(*, release, email, language, confirmed) -> StockAlert:
    """Follow `release` for `email`; a guest (`confirmed` False) is sent a link to confirm.

    Subscribing twice changes nothing but re-sending a link that is still needed,
    so the answer never tells whether the address was already on the list.
    """
    email = email.strip().lower()
    now = timezone.now()
    try:
        with transaction.atomic():
            alert, created = StockAlert.objects.live().get_or_create(
                release=release,
                email=email,
                defaults={"language": language, "confirmed": now if confirmed else None},
            )
    except IntegrityError:  # another request made it between the read and the write
        alert, created = StockAlert.objects.live().get(release=release, email=email), False
    if not created and alert.confirmed is None:
        # Asked again: a member confirms it; a guest's new link restarts its clock, and so
        # forget_expired's. Updated in place: that purge may have taken it meanwhile.
        change = {"confirmed": now} if confirmed else {"created": now}
        if not StockAlert.objects.filter(pk=alert.pk).update(**change):
            return subscribe(release=release, email=email, language=language, confirmed=confirmed)
        alert.confirmed = change.get("confirmed")
    if alert.confirmed is None:
        from .tasks import email_stock_alert_confirmation

        enqueue_in_transaction(email_stock_alert_confirmation, alert.pk)
    return alert


def forget_expired(*, now=None) -> int:
    """Delete alerts nobody needs any more; returns how many.

    A guest's alert never confirmed goes once its link has expired (with a day's
    grace for a confirmation email that went out late): nobody agreed to it, and the
    guest can ask again. A sent alert goes after KEEP_SENT, once no retry of its
    batch can come.
    """
    now = now or timezone.now()
    unconfirmed = models.Q(
        confirmed__isnull=True,
        notified__isnull=True,
        created__lt=now - CONFIRM_WITHIN - datetime.timedelta(days=1),
    )
    sent = models.Q(notified__lt=now - KEEP_SENT)
    deleted, _by_model = StockAlert.objects.filter(unconfirmed | sent).delete()
    return deleted


def confirmation_code(alert) -> str:
    """The signed, timestamped code in a guest's confirmation link."""
    return signing.TimestampSigner(salt=_SIGNER_SALT).sign(alert.token)


def alert_to_confirm(code) -> StockAlert:
    """The alert a confirmation code names. Raises StockAlert.DoesNotExist for a forged
    code or a removed alert, LinkExpired when too old, LinkUsed when used already."""
    signer = signing.TimestampSigner(salt=_SIGNER_SALT)
    try:
        token = signer.unsign(code, max_age=CONFIRM_WITHIN)
    except signing.SignatureExpired:
        raise LinkExpired from None
    except signing.BadSignature:
        raise StockAlert.DoesNotExist from None
    alert = StockAlert.objects.select_related("release").get(token=token)
    if alert.confirmed is not None or alert.notified is not None:
        raise LinkUsed
    return alert


def confirm(code) -> StockAlert:
    """Confirm a guest's alert by its link: once only, and only while the link is fresh."""
    with transaction.atomic():
        alert = alert_to_confirm(code)
        confirmed = StockAlert.objects.filter(pk=alert.pk, confirmed__isnull=True).update(
            confirmed=timezone.now()
        )
    if not confirmed:  # a second click that raced the first
        raise LinkUsed
    return alert


def unsubscribe(*, token) -> bool:
    """Remove the alert behind an unsubscribe link. False if there is none (any more)."""
    deleted, _by_model = StockAlert.objects.filter(token=token).delete()
    return bool(deleted)


def back_in_stock(release_ids):
    """These records' stock rose from zero: queue their alerts, with the caller's transaction."""
    from .tasks import send_back_in_stock_alerts

    for release_id in release_ids:
        enqueue_in_transaction(send_back_in_stock_alerts, release_id)


def batches_of_due_alerts(release_id):
    """The ids of the record's confirmed, unsent alerts, BATCH_SIZE at a time."""
    ids = list(
        StockAlert.objects.due()
        .filter(release_id=release_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]


def claim(alert_id) -> bool:
    """Mark one alert notified, unless it was already: whoever claims it sends its email."""
    return bool(StockAlert.objects.due().filter(pk=alert_id).update(notified=timezone.now()))


def unclaim(alert_id):
    """Its email could not be sent: the alert waits for the next attempt."""
    try:
        with transaction.atomic():
            StockAlert.objects.filter(pk=alert_id).update(notified=None)
    except IntegrityError:  # the shopper has subscribed afresh meanwhile: that one stays
        StockAlert.objects.filter(pk=alert_id).delete()
