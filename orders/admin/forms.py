from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _


class ShipForm(forms.Form):
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=100)


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount to refund"), max_digits=12, decimal_places=2)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.fields["amount"].help_text = _("In %(currency)s; at most %(amount)s.") % {
            "currency": order.currency,
            "amount": order.refundable,
        }
        self.fields["amount"].initial = order.refundable

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if not Decimal("0.01") <= amount <= self.order.refundable:
            raise forms.ValidationError(
                _("Enter an amount between 0.01 and %(amount)s.")
                % {"amount": self.order.refundable}
            )
        return amount
