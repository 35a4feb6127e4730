from django import forms
from django.utils.translation import gettext_lazy as _

from ..errors import OrderActionError
from ..refunds import check_refund_amount


class ConfirmForm(forms.Form):
    """An action with nothing to fill in: the button is the confirmation."""

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order


class ShipForm(ConfirmForm):
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=100)


class RefundForm(ConfirmForm):
    amount = forms.DecimalField(label=_("Amount to refund"), max_digits=12, decimal_places=2)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, order=order, **kwargs)
        refundable = order.refundable()
        self.fields["amount"].help_text = _("In %(currency)s; at most %(amount)s.") % {
            "currency": order.currency,
            "amount": refundable,
        }
        self.fields["amount"].initial = refundable

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        try:
            check_refund_amount(self.order, amount)
        except OrderActionError as error:
            raise forms.ValidationError(error.message) from None
        return amount
