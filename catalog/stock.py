"""Stock and its ledger: every change is a movement, and a record's movements sum to its stock.

Each function takes `lines` of (release id, quantity), works in release-id order
so that concurrent callers lock rows in the same order and cannot deadlock, and
changes stock with a conditional UPDATE that can never go below zero. Call them
inside the caller's transaction: an all-or-nothing caller rolls back when a
line is returned as missing.

`held` counts the copies taken out of stock for unpaid orders, so a record
whose copies are all in checkouts can say so instead of "sold out".
"""

from django.db.models import F, Sum
from django.utils import timezone

from .models import Release, StockMovement

Reason = StockMovement.Reason


def _in_order(lines):
    return sorted(lines, key=lambda line: line[0])


def _move(release_id, change, reason, reference):
    StockMovement.objects.create(
        release_id=release_id, change=change, reason=reason, reference=reference
    )


def _take(lines, *, reference, reason, hold):
    for release_id, quantity in _in_order(lines):
        held = {"held": F("held") + quantity} if hold else {}
        taken = Release.objects.filter(pk=release_id, stock__gte=quantity).update(
            stock=F("stock") - quantity, **held
        )
        if not taken:
            return release_id, quantity
        _move(release_id, -quantity, reason, reference)
    return None


def reserve(lines, *, reference):
    """Hold copies for an unpaid order. Returns the first line that could not be had."""
    return _take(lines, reference=reference, reason=Reason.RESERVED, hold=True)


def retake(lines, *, reference):
    """Take copies again for a payment that came after its reservation lapsed."""
    return _take(lines, reference=reference, reason=Reason.RETAKEN, hold=False)


def release(lines, *, reference):
    """An unpaid order lets go of its held copies: they are on sale again."""
    for release_id, quantity in _in_order(lines):
        Release.objects.filter(pk=release_id).update(
            stock=F("stock") + quantity, held=F("held") - quantity
        )
        _move(release_id, quantity, Reason.RELEASED, reference)


def settle(lines, *, reference):
    """The order is paid: its held copies are sold. Stock already left, so no movement."""
    for release_id, quantity in _in_order(lines):
        Release.objects.filter(pk=release_id).update(held=F("held") - quantity)


def restock(lines, *, reference, reason):
    """Copies of a paid order come back: cancelled before shipping, or returned."""
    for release_id, quantity in _in_order(lines):
        Release.objects.filter(pk=release_id).update(stock=F("stock") + quantity)
        _move(release_id, quantity, reason, reference)


def adjust(*, release_id, change) -> int:
    """Staff add (or remove) copies; stock never goes below zero. Returns the change made."""
    release_row = Release.objects.select_for_update().get(pk=release_id)
    change = max(change, -release_row.stock)
    if change:
        back_in_stock = {"restocked": timezone.now()} if release_row.stock == 0 < change else {}
        Release.objects.filter(pk=release_id).update(
            stock=release_row.stock + change, **back_in_stock
        )
        _move(release_id, change, Reason.ADJUSTED, "")
    return change


def record_opening(release_row):
    """A new record's first copies, so that its ledger starts from its stock."""
    if release_row.stock:
        _move(release_row.pk, release_row.stock, Reason.OPENING, "")


def ledger_mismatches(release_ids=None):
    """Records whose movements do not add up to their stock."""
    releases = Release.objects.annotate(moved=Sum("stock_movements__change"))
    if release_ids is not None:
        releases = releases.filter(pk__in=release_ids)
    return [r for r in releases.only("pk", "title", "stock") if (r.moved or 0) != r.stock]
