"""Stock changes: conditional updates that can never take a record below zero."""

from django.db.models import F

from catalog.models import Release

from .models import StockMovement


def take(*, release_id, quantity, order, reason) -> bool:
    """Take copies out of stock if there are enough; report whether it happened."""
    taken = Release.objects.filter(pk=release_id, stock__gte=quantity).update(
        stock=F("stock") - quantity
    )
    if taken:
        StockMovement.objects.create(
            release_id=release_id, change=-quantity, reason=reason, order=order
        )
    return bool(taken)


def put_back(*, release_id, quantity, order, reason):
    Release.objects.filter(pk=release_id).update(stock=F("stock") + quantity)
    StockMovement.objects.create(release_id=release_id, change=quantity, reason=reason, order=order)


def take_for_order(order, *, reason):
    """Take every line's copies, or none: returns the first line that could not be had.

    Lines go in release order so that concurrent orders lock rows in the same
    order and cannot deadlock. Call inside a transaction, which the caller
    rolls back when a line is returned.
    """
    for line in sorted(order.lines.all(), key=lambda line: line.release_id):
        if not take(release_id=line.release_id, quantity=line.quantity, order=order, reason=reason):
            return line
    return None


def put_back_for_order(order, *, reason):
    for line in sorted(order.lines.all(), key=lambda line: line.release_id):
        put_back(release_id=line.release_id, quantity=line.quantity, order=order, reason=reason)
