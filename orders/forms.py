from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from shop.forms import PlainTextField

from .addresses import NOT_NEEDED, AddressError, labels_for, normalise_address
from .errors import RETURN_NOTHING_CHOSEN
from .models import Return, ShippingMethod


class AddressForm(forms.Form):
    """A delivery address, checked by its country's rules (orders.addresses)."""

    name = PlainTextField(label=_("Full name"), max_length=150)
    address_line1 = PlainTextField(label=_("Address"), max_length=200)
    address_line2 = PlainTextField(label=_("Address, line 2"), max_length=200, required=False)
    city = PlainTextField(label=_("City"), max_length=100)
    # Whether these are needed, and what they are called, depends on the country.
    postcode = PlainTextField(label=_("Postcode"), max_length=20, required=False)
    region = PlainTextField(label=_("Region or state"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"))
    phone = PlainTextField(
        label=_("Phone"),
        max_length=40,
        required=False,
        help_text=_("Only for the courier, if they need to reach you."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the shopper's language, sorted for it.
        self.fields["country"].choices = list(countries)
        autocomplete = {
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
        if "email" in self.fields:
            self.fields["email"].widget.attrs["autocomplete"] = "email"
        self._label_for_country(self._country())

    def _country(self):
        """The country the page is shown for: the one sent, else the one suggested."""
        if self.is_bound:
            return self.data.get(self.add_prefix("country"), "")
        return self.initial.get("country", "")

    def _label_for_country(self, country):
        # Without JavaScript the labels follow the country the page was last shown for.
        labels = labels_for(country)
        if labels is None:
            return
        self.fields["postcode"].label = labels.postcode
        self.fields["region"].label = labels.region
        for name, used in (("postcode", labels.postcode_used), ("region", labels.region_used)):
            if not used:
                self.fields[name].help_text = NOT_NEEDED

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = " ".join(value.split())
        if not self.errors.keys() & {"country", "address_line1", "city", "postcode", "region"}:
            self._clean_address(cleaned)
        return cleaned

    def _clean_address(self, cleaned):
        """Check the address against its country's rules and write it the country's way."""
        fields = ("country", "address_line1", "city", "postcode", "region")
        try:
            cleaned.update(normalise_address(**{name: cleaned[name] for name in fields}))
        except AddressError as error:
            for name, message in error.errors.items():
                self.add_error(name, message)


class CheckoutForm(AddressForm):
    """Who the order is for and where it goes. Prices never come from this form."""

    email = forms.EmailField(label=_("Email"), help_text=_("For your receipt and updates."))
    shipping_method = forms.ChoiceField(
        label=_("Shipping"),
        choices=ShippingMethod.Kind.choices,
        widget=forms.RadioSelect,
        initial=ShippingMethod.Kind.STANDARD,
    )
    field_order = ["email"]


class SavedAddressForm(AddressForm):
    is_default = forms.BooleanField(label=_("Use this address by default"), required=False)


class ReturnRequestForm(forms.Form):
    """Which copies of a delivered order go back, and why: one quantity field per line."""

    # No reason is chosen for the shopper: a faulty record sent back as "changed my mind"
    # would wrongly cost them the postage.
    reason = forms.ChoiceField(
        label=_("Why are you returning them?"),
        choices=[("", _("Choose a reason")), *Return.Reason.choices],
    )
    comment = PlainTextField(
        label=_("Anything we should know? (optional)"),
        max_length=1000,
        required=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, returnable, **kwargs):
        """`returnable` maps each order line to the copies of it that may still go back."""
        super().__init__(*args, **kwargs)
        self.line_fields = []
        for line, most in returnable.items():
            name = f"copies_{line.pk}"
            self.fields[name] = forms.TypedChoiceField(
                label=line.title,
                choices=[(count, str(count)) for count in range(most + 1)],
                coerce=int,
                initial=0,
                disabled=most == 0,
            )
            self.line_fields.append((line, most, name))

    def line_rows(self):
        """(order line, copies that may go back, bound field) for the template."""
        return [(line, most, self[name]) for line, most, name in self.line_fields]

    def copies(self) -> dict[int, int]:
        return {line.pk: self.cleaned_data.get(name) or 0 for line, _most, name in self.line_fields}

    def clean(self):
        data = super().clean()
        lines_valid = not any(name in self.errors for _line, _most, name in self.line_fields)
        if lines_valid and not any(self.copies().values()):
            raise forms.ValidationError(RETURN_NOTHING_CHOSEN)
        return data
