import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Release


class Cart(models.Model):
    """A shopper's cart, kept in the database and found through a signed cookie.

    Any web process can serve it, and a guest needs no account.
    """

    token = models.UUIDField(_("token"), default=uuid.uuid4, unique=True, editable=False)
    # A member's one cart, found from any browser they sign in on.
    customer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cart",
        verbose_name=_("customer"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("cart")
        verbose_name_plural = _("carts")

    def __str__(self):
        return str(self.token)


class CartLine(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="lines")
    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="+", verbose_name=_("release")
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    added = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("cart line")
        verbose_name_plural = _("cart lines")
        ordering = ["added", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cart", "release"], name="one_line_per_release"),
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="cart_quantity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.release}"
