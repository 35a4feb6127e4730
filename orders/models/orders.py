import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.models import Release

from .addresses import PostalAddress
from .cart import Cart
from .shipping import ShippingMethod

# Order numbers avoid letters that read like digits (I, L, O, U).
NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_order_number():
    """A short, human-friendly order number such as "PL-7K3QX9"."""
    return "PL-" + "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(6))


class OrderQuerySet(models.QuerySet):
    def reservation_expired(self, now):
        return self.filter(status=Order.Status.PENDING, reserved_until__lt=now)

    def of_customer(self, user):
        """A member's orders, newest first."""
        return self.filter(customer=user).order_by("-created", "-id")


class Order(PostalAddress):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        EXPIRED = "expired", _("Payment window closed")
        PAID = "paid", _("Paid")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        RETURNED = "returned", _("Returned")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    number = models.CharField(
        _("order number"), max_length=20, unique=True, default=new_order_number
    )
    # The shopper's unguessable link to the order's page.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    email = models.EmailField(_("email"))
    # The member who placed it, or whose verified email it was placed with as a guest.
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("customer"),
    )
    # The shopper closed their account while the order was under way: its email, kept
    # for the emails still to come, goes once the order is settled (orders.accounts).
    forget_email = models.BooleanField(_("forget the email once settled"), default=False)
    language = models.CharField(_("language"), max_length=10)
    # The cart the order came from: emptied once the order is paid.
    cart = models.ForeignKey(
        Cart, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    shipping_method = models.CharField(
        _("shipping method"), max_length=20, choices=ShippingMethod.Kind
    )
    delivery_from = models.DateField(_("estimated delivery from"), null=True)
    delivery_by = models.DateField(_("estimated delivery by"), null=True)

    # Every amount is in `currency`, converted from pounds at `rate` when the
    # order was placed, so the order never changes afterwards.
    currency = models.CharField(_("currency"), max_length=3)
    rate = models.DecimalField(_("exchange rate"), max_digits=14, decimal_places=6)
    subtotal = models.DecimalField(_("subtotal"), max_digits=12, decimal_places=2)
    shipping_price = models.DecimalField(_("shipping"), max_digits=12, decimal_places=2)
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=2)
    # What the accepted payment brought in, and how much of it went back (done refunds).
    amount_paid = models.DecimalField(_("amount paid"), max_digits=12, decimal_places=2, default=0)
    refunded = models.DecimalField(_("refunded"), max_digits=12, decimal_places=2, default=0)

    reserved_until = models.DateTimeField(_("copies reserved until"), null=True)
    stock_held = models.BooleanField(
        _("copies held"),
        default=False,
        help_text=_("Whether this order's copies are taken out of stock right now."),
    )
    client = models.CharField(
        _("client"),
        max_length=32,
        blank=True,
        db_index=True,
        help_text=_("A keyed hash of the address the order came from, to cap what one holds."),
    )
    stripe_session = models.CharField(_("Stripe Checkout session"), max_length=255, blank=True)
    stripe_payment_intent = models.CharField(_("Stripe payment"), max_length=255, blank=True)
    needs_attention = models.TextField(
        _("needs attention"),
        blank=True,
        help_text=_("Why staff should look at this order, such as a payment that came too late."),
    )
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)

    created = models.DateTimeField(_("placed"), auto_now_add=True)
    paid = models.DateTimeField(_("paid"), null=True, blank=True)
    shipped = models.DateTimeField(_("shipped"), null=True, blank=True)
    delivered = models.DateTimeField(_("delivered"), null=True, blank=True)
    returned = models.DateTimeField(_("returned"), null=True, blank=True)
    cancelled = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "reserved_until"], name="order_status_reserved")]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("orders:order", kwargs={"token": self.token})

    def stock_lines(self):
        """The order's (release id, quantity) pairs, as the stock ledger takes them."""
        return [(line.release_id, line.quantity) for line in self.lines.all()]

    def refundable(self):
        """What may still be refunded: the payment less every refund already decided."""
        if not self.stripe_payment_intent:
            return Decimal(0)
        decided = self.refunds.filter(payment_intent=self.stripe_payment_intent).aggregate(
            total=models.Sum("amount")
        )["total"]
        return self.amount_paid - (decided or 0)


class OrderLine(models.Model):
    """A record in an order, with its title and price as they were when it was placed."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=400)
    catalogue_number = models.CharField(_("catalogue number"), max_length=50, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=2)
    line_total = models.DecimalField(_("line total"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["id"]

    def __str__(self):
        return f"{self.quantity} × {self.title}"


class PaymentEvent(models.Model):
    """A Stripe event (or a demo payment) as received: the order's payment history."""

    order = models.ForeignKey(
        Order, on_delete=models.SET_NULL, null=True, blank=True, related_name="payment_events"
    )
    event_id = models.CharField(_("event"), max_length=255, unique=True)
    kind = models.CharField(_("type"), max_length=100)
    payment_intent = models.CharField(
        _("Stripe payment"), max_length=255, blank=True, db_index=True
    )
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2, null=True)
    received = models.DateTimeField(_("received"), auto_now_add=True)
    payload = models.JSONField(_("payload"), default=dict)

    class Meta:
        verbose_name = _("payment event")
        verbose_name_plural = _("payment events")
        ordering = ["received", "id"]

    def __str__(self):
        return f"{self.kind} {self.event_id}"
