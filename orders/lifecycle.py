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

A delivered order's copies may come back through returns, each with states of
its own. The order becomes `returned` once every copy it held has been received.

    action    from        to
    approve   requested   approved
    reject    requested   rejected
    receive   approved    received
    refund    received    refunded    (while the order still holds money)
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .errors import (
    ACTION_NOT_ALLOWED,
    NOTHING_TO_REFUND,
    RETURN_ACTION_NOT_ALLOWED,
    OrderActionError,
)
from .models import Order, Return

Status = Order.Status
ReturnStatus = Return.Status


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


# Both tables call the action that pays money back "refund": it is allowed only while
# the order still holds money.
REFUND = "refund"


@dataclass(frozen=True)
class Lifecycle:
    """One state table, and the questions everything else asks of it."""

    actions: type[models.TextChoices]
    transitions: dict
    stamps: dict  # state: the field that records when it was reached
    not_allowed: str  # the refusal, with %(number)s, %(status)s and %(action)s
    order_of: Callable  # the order whose money a refund would pay back

    def can(self, record, action) -> bool:
        """Whether `action` is allowed for the record as it is now."""
        if record.status not in self.transitions[action]:
            return False
        if action == REFUND:
            return self.order_of(record).refundable() > 0
        return True

    def allowed_actions(self, record) -> list:
        return [action for action in self.actions if self.can(record, action)]

    def require(self, record, action):
        """Refuse `action` with a clear message unless the record's state allows it."""
        if self.can(record, action):
            return
        action = self.actions(action)
        if action == REFUND and record.status in self.transitions[action]:
            raise OrderActionError(NOTHING_TO_REFUND % {"number": self.order_of(record).number})
        raise OrderActionError(
            self.not_allowed
            % {
                "number": record.number,
                "action": action.label,
                "status": record.get_status_display(),
            }
        )

    def advance(self, record, action, *, now=None):
        """Move the record along `action` and date the new state. The caller saves it."""
        self.require(record, action)
        target = self.transitions[action][record.status]
        if target != record.status:
            record.status = target
            if stamp := self.stamps.get(target):
                setattr(record, stamp, now or timezone.now())
        return record


ORDER = Lifecycle(Action, TRANSITIONS, STAMPS, ACTION_NOT_ALLOWED, order_of=lambda order: order)
can = ORDER.can
allowed_actions = ORDER.allowed_actions
require = ORDER.require
advance = ORDER.advance


def mark_fully_refunded(order):
    """Every penny of the payment went back: the order's story ends here."""
    order.status = Status.REFUNDED


class ReturnAction(models.TextChoices):
    APPROVE = "approve", _("approval")
    REJECT = "reject", _("rejection")
    RECEIVE = "receive", _("receipt")
    REFUND = "refund", _("a refund")


RETURN_TRANSITIONS = {
    ReturnAction.APPROVE: {ReturnStatus.REQUESTED: ReturnStatus.APPROVED},
    ReturnAction.REJECT: {ReturnStatus.REQUESTED: ReturnStatus.REJECTED},
    ReturnAction.RECEIVE: {ReturnStatus.APPROVED: ReturnStatus.RECEIVED},
    ReturnAction.REFUND: {ReturnStatus.RECEIVED: ReturnStatus.REFUNDED},
}
RETURN_STAMPS = {
    ReturnStatus.APPROVED: "approved",
    ReturnStatus.REJECTED: "rejected",
    ReturnStatus.RECEIVED: "received",
    ReturnStatus.REFUNDED: "refunded",
}


RETURN = Lifecycle(
    ReturnAction,
    RETURN_TRANSITIONS,
    RETURN_STAMPS,
    RETURN_ACTION_NOT_ALLOWED,
    order_of=lambda return_request: return_request.order,
)
