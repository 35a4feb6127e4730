from django.db import models
from django.utils.translation import gettext_lazy as _


class HoldingLimits(models.Model):
    """How much one customer may hold in unpaid orders: one row, edited by staff.

    Unpaid orders take copies out of stock while the shopper pays, so without a
    cap one client could hold a whole limited pressing. A customer is an email
    address or a client address: a new email from the same connection, or the
    same email from a new one, counts as the same customer.
    """

    copies_per_customer = models.PositiveSmallIntegerField(
        _("copies one customer may hold"),
        default=20,
        help_text=_(
            "The most copies, of all records together, that one customer may hold in unpaid "
            "orders at once. A record's own “limit per order” also applies across them."
        ),
    )

    class Meta:
        verbose_name = _("limits on unpaid orders")
        verbose_name_plural = _("limits on unpaid orders")

    def __str__(self):
        return str(_("Limits on unpaid orders"))

    @classmethod
    def current(cls):
        return cls.objects.first() or cls()
