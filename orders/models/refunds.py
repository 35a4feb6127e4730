import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .orders import Order


class RefundQuerySet(models.QuerySet):
    def unfinished(self):
        return self.exclude(status=Refund.Status.DONE)

    def due(self, now):
        """Refunds that should have been carried out by now: a retry that never ran, say."""
        return self.unfinished().filter(next_attempt__lte=now)


class Refund(models.Model):
    """Money going back to a shopper, written when it is decided and carried out by a task.

    The row is the promise: it is saved in the same transaction as the decision
    (a staff refund, a cancellation, a payment that could not be accepted), and
    the task retries it until Stripe confirms. Stripe sees one idempotency key
    per refund, so a retry can never pay out twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        FAILED = "failed", _("Failed, will retry")
        DONE = "done", _("Refunded")

    class Reason(models.TextChoices):
        STAFF = "staff", _("Refunded by staff")
        CANCELLED = "cancelled", _("Order cancelled")
        LATE_PAYMENT = "late_payment", _("Paid after the copies were sold")
        NOT_PAYABLE = "not_payable", _("Paid for an order that could no longer be paid")
        DUPLICATE_PAYMENT = "duplicate_payment", _("A second payment for the same order")
        RETURNED = "returned", _("Records returned")

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.ForeignKey(
        Order, on_delete=models.PROTECT, related_name="refunds", verbose_name=_("order")
    )
    # The return it pays for, when it pays for one.
    return_request = models.ForeignKey(
        "Return",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refunds",
        verbose_name=_("return"),
    )
    payment_intent = models.CharField(_("Stripe payment"), max_length=255)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt = models.DateTimeField(_("next attempt"), null=True, blank=True)
    stripe_refund = models.CharField(_("Stripe refund"), max_length=255, blank=True)
    created = models.DateTimeField(_("decided"), auto_now_add=True)
    completed = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = RefundQuerySet.as_manager()

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["created", "id"]
        indexes = [models.Index(fields=["status", "next_attempt"], name="refund_status_next")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive")
        ]

    def __str__(self):
        return f"{self.order} {self.amount} {self.currency}"

    @property
    def idempotency_key(self):
        return f"refund-{self.key}"
