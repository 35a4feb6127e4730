from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from shop.forms import PlainTextField

from .models import ShippingMethod


class CheckoutForm(forms.Form):
    """Who the order is for and where it goes. Prices never come from this form."""

    email = forms.EmailField(label=_("Email"), help_text=_("For your receipt and updates."))
    name = PlainTextField(label=_("Full name"), max_length=150)
    address_line1 = PlainTextField(label=_("Address"), max_length=200)
    address_line2 = PlainTextField(label=_("Address, line 2"), max_length=200, required=False)
    city = PlainTextField(label=_("City"), max_length=100)
    postcode = PlainTextField(label=_("Postcode"), max_length=20, required=False)
    region = PlainTextField(label=_("Region or state"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"))
    phone = PlainTextField(
        label=_("Phone"),
        max_length=40,
        required=False,
        help_text=_("Only for the courier, if they need to reach you."),
    )
    shipping_method = forms.ChoiceField(
        label=_("Shipping"),
        choices=ShippingMethod.Kind.choices,
        widget=forms.RadioSelect,
        initial=ShippingMethod.Kind.STANDARD,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the shopper's language, sorted for it.
        self.fields["country"].choices = list(countries)
        autocomplete = {
            "email": "email",
            "name": "name",
            "address_line1": "address-line1",
            "address_line2": "address-line2",
            "city": "address-level2",
            "postcode": "postal-code",
            "region": "address-level1",
            "country": "country",
            "phone": "tel",
        }
        for name, token in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = token

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = " ".join(value.split())
        return cleaned
