"""The order lifecycle: an order's states, and which action may move it from which state.

Everything that changes an order (checkout, payments, the webhook, refunds, the
admin's actions and the buttons it shows) asks this module first. A refused
action raises `OrderActionError` with a message for staff or the shopper.

    action    from                                   to
    pay       pending, expired                       paid
    expire    pending                                expired
    cancel    pending, paid                          cancelled
    ship      paid                                   shipped
    deliver   shipped                                delivered
    return    shipped, delivered                     returned
    refund    paid, shipped, delivered, returned,    (unchanged; refunded once the
              cancelled, while money is held          refunds add up to the payment)

`refunded` is the end: every penny paid went back. A payment that arrives for an
order that may not be paid (cancelled, already paid) is refunded on its own,
without changing the order's state.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .errors import ACTION_NOT_ALLOWED, NOTHING_TO_REFUND, OrderActionError
from .models import Order

Status = Order.Status


class Action(models.TextChoices):
    PAY = "pay", _("payment")
    EXPIRE = "expire", _("expiry")
    CANCEL = "cancel", _("cancellation")
    SHIP = "ship", _("shipping")
    DELIVER = "deliver", _("delivery")
    RETURN = "return", _("a return")
    REFUND = "refund", _("a refund")


# action -> {state it may start from: state it leads to}
TRANSITIONS = {
    Action.PAY: {Status.PENDING: Status.PAID, Status.EXPIRED: Status.PAID},
    Action.EXPIRE: {Status.PENDING: Status.EXPIRED},
    Action.CANCEL: {Status.PENDING: Status.CANCELLED, Status.PAID: Status.CANCELLED},
    Action.SHIP: {Status.PAID: Status.SHIPPED},
    Action.DELIVER: {Status.SHIPPED: Status.DELIVERED},
    Action.RETURN: {Status.SHIPPED: Status.RETURNED, Status.DELIVERED: Status.RETURNED},
    Action.REFUND: {
        state: state
        for state in (
            Status.PAID,
            Status.SHIPPED,
            Status.DELIVERED,
            Status.RETURNED,
            Status.CANCELLED,
        )
    },
}

# When each state was reached, for the states that keep a date.
STAMPS = {
    Status.PAID: "paid",
    Status.SHIPPED: "shipped",
    Status.DELIVERED: "delivered",
    Status.RETURNED: "returned",
    Status.CANCELLED: "cancelled",
    Status.EXPIRED: "cancelled",
}


def can(order, action) -> bool:
    """Whether `action` is allowed for the order as it is now."""
    if order.status not in TRANSITIONS[action]:
        return False
    if action == Action.REFUND:
        return order.refundable() > 0
    return True


def allowed_actions(order) -> list[Action]:
    return [action for action in Action if can(order, action)]


def require(order, action):
    """Refuse `action` with a clear message unless the order's state allows it."""
    if can(order, action):
        return
    action = Action(action)
    if action == Action.REFUND and order.status in TRANSITIONS[action]:
        raise OrderActionError(NOTHING_TO_REFUND % {"number": order.number})
    raise OrderActionError(
        ACTION_NOT_ALLOWED
        % {"number": order.number, "action": action.label, "status": order.get_status_display()}
    )


def advance(order, action, *, now=None):
    """Move the order along `action` and date the new state. The caller saves it."""
    require(order, action)
    target = TRANSITIONS[action][order.status]
    if target != order.status:
        order.status = target
        if stamp := STAMPS.get(target):
            setattr(order, stamp, now or timezone.now())
    return order


def mark_fully_refunded(order):
    """Every penny of the payment went back: the order's story ends here."""
    order.status = Status.REFUNDED
