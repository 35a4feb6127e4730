"""Stock and its ledger: every change is a movement, and a record's movements sum to its stock.

Each function takes `lines` of (release id, quantity), works in release-id order
so that concurrent callers lock rows in the same order and cannot deadlock, and
changes stock with a conditional UPDATE that can never go below zero. Two lines
for one release count as one; quantities are whole numbers above zero.

Call them inside the caller's transaction: `reserve` and `retake` return the
first line they could not take, and the caller rolls back the lines before it.

The ledger: reserved −n, released +n, retaken −n, cancelled or returned +n,
adjusted ±n, opening +n (a new record's first copies). `settle` writes no
movement: a paid order's copies left stock when they were reserved, so its
movements already account for them.

A record whose stock rises from zero sends its back-in-stock alerts (catalog.alerts).

`held` counts the copies taken out of stock for unpaid orders, so a record
whose copies are all in checkouts can say so instead of "sold out". `reserve`
adds to it; `release` and `settle` take from it, never below zero.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from . import alerts
from .freshness import record_changed, stock_changed
from .models import Release, StockMovement

Reason = StockMovement.Reason
RESTOCK_REASONS = {Reason.CANCELLED, Reason.RETURNED}


def reserve(lines, *, reference) -> tuple[int, int] | None:
    """Hold copies for an unpaid order. Returns the first line that could not be had."""
    return _take(lines, reference=reference, reason=Reason.RESERVED, hold=True)


def retake(lines, *, reference) -> tuple[int, int] | None:
    """Take copies again, not held, for a payment that came after its reservation lapsed."""
    return _take(lines, reference=reference, reason=Reason.RETAKEN, hold=False)


def release(lines, *, reference):
    """An unpaid order lets go of its held copies: they are on sale again."""
    lines = _in_order(lines)
    for release_id, quantity in lines:
        Release.objects.filter(pk=release_id).update(
            stock=F("stock") + quantity, held=_held_less(quantity)
        )
    _record(lines, reference=reference, reason=Reason.RELEASED, sign=1)


def settle(lines, *, reference):
    """The order is paid: its held copies are sold. Stock already left, so no movement."""
    lines = _in_order(lines)
    for release_id, quantity in lines:
        Release.objects.filter(pk=release_id).update(held=_held_less(quantity))
    record_changed(*(release_id for release_id, _quantity in lines))


def restock(lines, *, reference, reason):
    """Copies of a paid order come back: cancelled before shipping, or returned."""
    if reason not in RESTOCK_REASONS:
        raise ValueError(f"Copies come back as cancelled or returned, not {reason!r}.")
    lines = _in_order(lines)
    for release_id, quantity in lines:
        Release.objects.filter(pk=release_id).update(stock=F("stock") + quantity)
    _record(lines, reference=reference, reason=reason, sign=1)


@transaction.atomic
def adjust(*, release_id, change) -> int:
    """Staff add (or remove) copies; stock never goes below zero. Returns the change made."""
    stock = Release.objects.select_for_update().values_list("stock", flat=True).get(pk=release_id)
    change = max(change, -stock)
    if change:
        back_in_stock = {"restocked": timezone.now()} if stock == 0 < change else {}
        Release.objects.filter(pk=release_id).update(stock=stock + change, **back_in_stock)
        StockMovement.objects.create(release_id=release_id, change=change, reason=Reason.ADJUSTED)
        _moved({release_id: (stock, stock + change)})
    return change


def record_opening(lines):
    """New records were created with these stock figures: open their ledgers.

    Call once, right after creating them; stock itself is not changed.
    """
    lines = [(release_id, quantity) for release_id, quantity in lines if quantity]
    _record(_in_order(lines), reference="", reason=Reason.OPENING, sign=1)


def ledger_mismatches(release_ids=None) -> list:
    """Records whose movements do not add up to their stock, each with its sum as `moved`."""
    moved = (
        StockMovement.objects.filter(release=OuterRef("pk"))
        .order_by()
        .values("release")
        .annotate(total=Sum("change"))
        .values("total")
    )
    releases = Release.objects.all()
    if release_ids is not None:
        releases = releases.filter(pk__in=release_ids)
    releases = releases.annotate(moved=Coalesce(Subquery(moved), Value(0)))
    return list(releases.exclude(moved=F("stock")).only("pk", "title", "stock").order_by("pk"))


def _take(lines, *, reference, reason, hold):
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError(
            "Take stock inside the caller's transaction, so that a missing line rolls back."
        )
    lines = _in_order(lines)
    for release_id, quantity in lines:
        held = {"held": F("held") + quantity} if hold else {}
        taken = Release.objects.filter(pk=release_id, stock__gte=quantity).update(
            stock=F("stock") - quantity, **held
        )
        if not taken:
            return release_id, quantity
    _record(lines, reference=reference, reason=reason, sign=-1)
    return None


def _held_less(quantity):
    return Greatest(F("held") - quantity, Value(0))


def _record(lines, *, reference, reason, sign):
    """One movement per line, for lines already put in order by `_in_order`."""
    after = dict(Release.objects.filter(pk__in=[pk for pk, _q in lines]).values_list("pk", "stock"))
    _moved({pk: (after[pk] - sign * quantity, after[pk]) for pk, quantity in lines})
    StockMovement.objects.bulk_create(
        StockMovement(
            release_id=release_id, change=sign * quantity, reason=reason, reference=reference
        )
        for release_id, quantity in lines
    )


def _moved(stock: dict[int, tuple[int, int]]):
    """Stock moved (id -> (before, after)): pages go stale, and records back from zero
    have their back-in-stock alerts queued with this transaction."""
    stock_changed(stock)
    alerts.back_in_stock([pk for pk, (before, after) in stock.items() if before == 0 < after])


def _in_order(lines):
    """The lines by release id, one per release; quantities must be whole and above zero."""
    totals = defaultdict(int)
    for release_id, quantity in lines:
        if type(quantity) is not int or quantity < 1:
            raise ValueError(f"Bad quantity {quantity!r} for release {release_id}.")
        totals[release_id] += quantity
    return sorted(totals.items())
