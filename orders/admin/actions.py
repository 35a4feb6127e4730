"""The order admin's buttons: for each lifecycle action, its form, its service and its words."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .. import fulfilment, refunds
from ..lifecycle import Action
from ..models import Order
from .forms import ConfirmForm, RefundForm, ShipForm
from .lifecycle_actions import StaffAction


@transaction.atomic
def _refund(order, *, amount):
    # Locked as every other refund path locks it, so two refunds cannot both pass the limit.
    order = Order.objects.select_for_update().get(pk=order.pk)
    refunds.refund_order(order=order, amount=amount)


STAFF_ACTIONS = {
    Action.SHIP: StaffAction(
        title=_("Mark as shipped"),
        form=ShipForm,
        run=lambda order, tracking_number: fulfilment.mark_shipped(
            order=order, tracking_number=tracking_number
        ),
        success=_("Order %(number)s is marked shipped and the shopper was emailed."),
    ),
    Action.DELIVER: StaffAction(
        title=_("Mark as delivered"),
        form=ConfirmForm,
        run=lambda order: fulfilment.mark_delivered(order=order),
        success=_("Order %(number)s is marked delivered."),
    ),
    Action.RETURN: StaffAction(
        title=_("Record a return"),
        form=ConfirmForm,
        run=lambda order: fulfilment.record_return(order=order),
        success=_("Order %(number)s is returned; its copies are back in stock."),
        explanation=_(
            "The parcel came back: its copies go back into stock. Refund the shopper "
            "separately, in full or in part."
        ),
    ),
    Action.REFUND: StaffAction(
        title=_("Refund"),
        form=RefundForm,
        run=_refund,
        success=_(
            "A refund for order %(number)s is under way. The order shows it as done, and the "
            "shopper is emailed, once Stripe confirms it."
        ),
    ),
    Action.CANCEL: StaffAction(
        title=_("Cancel order"),
        form=ConfirmForm,
        run=lambda order: fulfilment.cancel_order(order=order),
        success=_("Order %(number)s is cancelled; its copies are back in stock."),
        explanation=_(
            "The order's copies go back into stock, and a paid order is refunded in full."
        ),
    ),
}
