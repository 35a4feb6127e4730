from django import forms
from django.utils.translation import gettext_lazy as _

from shop.forms import PlainTextField

from ..errors import RETURN_AWAITS_REFUND, OrderActionError
from ..models import Return
from ..refunds import check_refund_amount
from ..returns import suggested_refund


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

    def clean(self):
        # A received return is refunded from its own page, or it could be paid twice.
        waiting = self.order.returns.filter(status=Return.Status.RECEIVED).first()
        if waiting:
            raise forms.ValidationError(RETURN_AWAITS_REFUND % {"number": waiting.number})
        return super().clean()


class ReturnForm(forms.Form):
    """A step of a return with nothing to fill in: the button is the confirmation."""

    def __init__(self, *args, return_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.return_request = return_request


class RejectReturnForm(ReturnForm):
    reason = PlainTextField(
        label=_("Why it cannot be accepted"),
        max_length=1000,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Emailed to the shopper as you write it, so write it for them."),
    )


class ReceiveReturnForm(ReturnForm):
    restock = forms.BooleanField(
        label=_("Put the copies back on sale"),
        required=False,
        initial=True,
        help_text=_("Untick for copies that came back damaged: they stay out of stock."),
    )


class RefundReturnForm(ReturnForm):
    amount = forms.DecimalField(label=_("Amount to refund"), max_digits=12, decimal_places=2)

    def __init__(self, *args, return_request, **kwargs):
        super().__init__(*args, return_request=return_request, **kwargs)
        order = return_request.order
        self.fields["amount"].initial = suggested_refund(return_request)
        self.fields["amount"].help_text = _(
            "In %(currency)s; at most %(amount)s. Suggested: the returned records, and the "
            "shipping when the whole order came back or the fault was ours."
        ) % {"currency": order.currency, "amount": order.refundable()}

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        try:
            check_refund_amount(self.return_request.order, amount)
        except OrderActionError as error:
            raise forms.ValidationError(error.message) from None
        return amount
