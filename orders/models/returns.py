import datetime
import secrets
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shop.contact import CONTACT

from .orders import NUMBER_ALPHABET, Order, OrderLine


def new_return_number():
    """A return number such as "RT-4M8QZ2", written on the slip in the parcel."""
    return "RT-" + "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(6))


class ReturnPolicy(models.Model):
    """How long shoppers have to return records and where they send them: one row, by staff."""

    window_days = models.PositiveSmallIntegerField(
        _("days to ask for a return"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Counted from the day the order was marked delivered. The returns page says 30 "
            "days: change it there too."
        ),
    )
    address = models.TextField(
        _("return address"),
        default="\n".join(CONTACT.address),
        help_text=_("Printed on every return slip, one line per line."),
    )
    prepaid_postage = models.CharField(
        _("prepaid postage for free returns"),
        max_length=200,
        default="Royal Mail Tracked Returns · licence PLTV-RTN-0001 (demo)",
        help_text=_(
            "Printed on the slips of free returns (members, and damaged, faulty, wrong or "
            "misdescribed records), so "
            "that the shopper posts the parcel without paying. For example your carrier's "
            "returns licence."
        ),
    )

    class Meta:
        verbose_name = _("return policy")
        verbose_name_plural = _("return policy")

    def __str__(self):
        return str(_("Return policy"))

    @classmethod
    def current(cls):
        return cls.objects.first() or cls()

    def closes(self, order) -> datetime.date | None:
        """The last day a return of `order` may be asked for, or None before delivery."""
        if order.delivered is None:
            return None
        # The day of delivery in the shop's time zone, as the shopper and staff count it.
        delivered_on = timezone.localdate(order.delivered)
        return delivered_on + datetime.timedelta(days=self.window_days)

    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class ReturnQuerySet(models.QuerySet):
    def counted(self):
        """Returns whose copies are spoken for: every return except a rejected one."""
        return self.exclude(status=Return.Status.REJECTED)


class Return(models.Model):
    """A shopper's request to send copies of a delivered order back, and what became of it.

    Its states and the actions between them are in orders.lifecycle, beside the order's.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved: send the records")
        REJECTED = "rejected", _("Not accepted")
        RECEIVED = "received", _("Received")
        REFUNDED = "refunded", _("Refunded")

    class Reason(models.TextChoices):
        CHANGED_MIND = "changed_mind", _("I changed my mind")
        DAMAGED = "damaged", _("Damaged in the post")
        FAULTY = "faulty", _("Faulty: warped, scratched or skips")
        NOT_AS_DESCRIBED = "not_as_described", _("Not as described")
        WRONG_RECORD = "wrong_record", _("You sent the wrong record")
        OTHER = "other", _("Another reason")

    # The shop pays the postage back for these, for every shopper.
    SHOPS_FAULT = {Reason.DAMAGED, Reason.FAULTY, Reason.NOT_AS_DESCRIBED, Reason.WRONG_RECORD}

    number = models.CharField(
        _("return number"), max_length=20, unique=True, default=new_return_number
    )
    order = models.ForeignKey(
        Order, on_delete=models.PROTECT, related_name="returns", verbose_name=_("order")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.REQUESTED)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    comment = models.TextField(_("comment"), max_length=1000, blank=True)
    free = models.BooleanField(
        _("postage paid by the shop"),
        help_text=_("A member's return, or a damaged, faulty, wrong or misdescribed record."),
    )
    rejection_reason = models.TextField(_("why it was not accepted"), blank=True)
    restocked = models.BooleanField(_("copies back in stock"), default=False)

    created = models.DateTimeField(_("requested"), auto_now_add=True)
    approved = models.DateTimeField(_("approved"), null=True, blank=True)
    rejected = models.DateTimeField(_("rejected"), null=True, blank=True)
    received = models.DateTimeField(_("received"), null=True, blank=True)
    refunded = models.DateTimeField(_("refunded"), null=True, blank=True)

    objects = ReturnQuerySet.as_manager()

    class Meta:
        verbose_name = _("return")
        verbose_name_plural = _("returns")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["status", "created"], name="return_status_created")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("orders:return", kwargs={"token": self.order.token, "number": self.number})

    def value(self):
        """What the returned copies cost, in the order's currency."""
        return sum(
            (line.order_line.unit_price * line.quantity for line in self.lines.all()),
            start=Decimal(0),
        )


class ReturnLine(models.Model):
    """Copies of one order line coming back in a return."""

    return_request = models.ForeignKey(
        Return, on_delete=models.CASCADE, related_name="lines", verbose_name=_("return")
    )
    order_line = models.ForeignKey(
        OrderLine, on_delete=models.PROTECT, related_name="return_lines", verbose_name=_("record")
    )
    quantity = models.PositiveIntegerField(_("copies"))

    class Meta:
        verbose_name = _("returned record")
        verbose_name_plural = _("returned records")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["return_request", "order_line"], name="one_return_line_per_order_line"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="return_line_quantity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.order_line.title}"
