from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import Release


class StockMovement(models.Model):
    """Every change to a record's stock: the movements of a record add up to its stock."""

    class Reason(models.TextChoices):
        OPENING = "opening", _("Opening stock")
        RESERVED = "reserved", _("Reserved for an order")
        RELEASED = "released", _("Reservation released")
        RETAKEN = "retaken", _("Taken again for a late payment")
        CANCELLED = "cancelled", _("Returned to stock on cancellation")
        RETURNED = "returned", _("Returned by the shopper")
        ADJUSTED = "adjusted", _("Adjusted by staff")

    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="stock_movements", verbose_name=_("release")
    )
    change = models.IntegerField(_("change"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    # The order behind the change, by number ("PL-7K3QX9"): the catalogue knows no orders.
    reference = models.CharField(_("reference"), max_length=40, blank=True, db_index=True)
    created = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        ordering = ["-created", "-id"]

    def __str__(self):
        return f"{self.release} {self.change:+d}"
