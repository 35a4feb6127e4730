from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..addresses import address_lines


class PostalAddress(models.Model):
    """Checkout's address fields, for an order and a saved address alike."""

    name = models.CharField(_("full name"), max_length=150)
    address_line1 = models.CharField(_("address"), max_length=200)
    address_line2 = models.CharField(_("address, line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    region = models.CharField(_("region or state"), max_length=100, blank=True)
    country = CountryField(_("country"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        abstract = True

    def address_lines(self):
        """The address as its country prints it, line by line."""
        return address_lines(
            name=self.name,
            address_line1=self.address_line1,
            address_line2=self.address_line2,
            city=self.city,
            postcode=self.postcode,
            region=self.region,
            country=self.country.code,
        )


class SavedAddressQuerySet(models.QuerySet):
    def of_customer(self, user):
        return self.filter(customer=user).order_by("-is_default", "-created", "-id")


class SavedAddress(PostalAddress):
    """A member's delivery address, checked by its country's rules like checkout's."""

    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="addresses",
        verbose_name=_("customer"),
    )
    is_default = models.BooleanField(_("default"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SavedAddressQuerySet.as_manager()

    FIELDS = (
        "name",
        "address_line1",
        "address_line2",
        "city",
        "postcode",
        "region",
        "country",
        "phone",
    )

    class Meta:
        verbose_name = _("saved address")
        verbose_name_plural = _("saved addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["customer"],
                condition=models.Q(is_default=True),
                name="one_default_address",
            )
        ]

    def __str__(self):
        return ", ".join(self.address_lines())

    def as_dict(self):
        return {name: str(getattr(self, name)) for name in self.FIELDS}
