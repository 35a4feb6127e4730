from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Release


class WishlistItem(models.Model):
    """A record a member saved for later: once per member."""

    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="wishlist_items",
        verbose_name=_("customer"),
    )
    release = models.ForeignKey(
        Release,
        on_delete=models.CASCADE,
        related_name="wishlist_items",
        verbose_name=_("release"),
    )
    added = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("wishlist item")
        verbose_name_plural = _("wishlist items")
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "release"], name="one_wishlist_item_per_release"
            ),
        ]

    def __str__(self):
        return str(self.release)
