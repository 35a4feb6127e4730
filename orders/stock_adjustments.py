"""Stock that staff change by hand, recorded like every other stock change."""

from django.db import transaction
from django.utils import timezone

from catalog.models import Release

from .models import StockMovement


@transaction.atomic
def adjust_stock(*, release_id, change) -> int:
    """Add (or remove) copies; stock never goes below zero. Returns the change made."""
    release = Release.objects.select_for_update().get(pk=release_id)
    change = max(change, -release.stock)
    if change:
        back_in_stock = {"restocked": timezone.now()} if release.stock == 0 < change else {}
        Release.objects.filter(pk=release_id).update(stock=release.stock + change, **back_in_stock)
        StockMovement.objects.create(
            release_id=release_id, change=change, reason=StockMovement.Reason.ADJUSTED
        )
    return change
