"""Returns in the admin: read-only, moved along by approve, reject, receive and refund."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups
from shop.formatting import format_money

from .. import returns
from ..lifecycle import RETURN, ReturnAction
from ..models import Refund, Return, ReturnLine, ReturnPolicy
from .forms import ReceiveReturnForm, RefundReturnForm, RejectReturnForm, ReturnForm
from .lifecycle_actions import LifecycleActionsAdmin, StaffAction
from .orders import ReadOnlyInline

RETURN_ACTIONS = {
    ReturnAction.APPROVE: StaffAction(
        title=_("Approve"),
        form=ReturnForm,
        run=lambda return_request: returns.approve(return_request=return_request),
        success=_("Return %(number)s is approved; the shopper was emailed the return slip."),
        explanation=_(
            "The shopper is emailed the return address and a slip to print, and sends the records."
        ),
    ),
    ReturnAction.REJECT: StaffAction(
        title=_("Reject"),
        form=RejectReturnForm,
        run=lambda return_request, reason: returns.reject(
            return_request=return_request, reason=reason
        ),
        success=_("Return %(number)s is rejected, and the shopper was emailed why."),
    ),
    ReturnAction.RECEIVE: StaffAction(
        title=_("Mark as received"),
        form=ReceiveReturnForm,
        run=lambda return_request, restock: returns.receive(
            return_request=return_request, restock=restock
        ),
        success=_("Return %(number)s is received, and the shopper was emailed."),
    ),
    ReturnAction.REFUND: StaffAction(
        title=_("Refund"),
        form=RefundReturnForm,
        run=lambda return_request, amount: returns.refund(
            return_request=return_request, amount=amount
        ),
        success=_(
            "A refund for return %(number)s is under way. The shopper is emailed once Stripe "
            "confirms it."
        ),
        # The money is the order's: refunding it takes the right to change orders.
        permission="orders.change_order",
    ),
}


class ReturnLineInline(ReadOnlyInline):
    model = ReturnLine
    fields = ["order_line", "quantity"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("order_line")


class ReturnRefundInline(ReadOnlyInline):
    model = Refund
    fk_name = "return_request"
    fields = ["created", "amount", "status", "completed"]


@admin.register(Return)
class ReturnAdmin(LifecycleActionsAdmin, StrictLookups, admin.ModelAdmin):
    staff_actions = RETURN_ACTIONS
    form_subject = "return_request"
    allowed_actions = staticmethod(RETURN.allowed_actions)
    require = staticmethod(RETURN.require)

    list_display = ["number", "order", "shopper", "created", "status", "reason", "free"]
    list_filter = ["status", "reason", "free", "created"]
    list_select_related = ["order"]
    search_fields = ["number", "order__number", "order__email", "order__name"]
    date_hierarchy = "created"
    inlines = [ReturnLineInline, ReturnRefundInline]
    # Its page is the shopper's, behind their login: staff work here.
    view_on_site = False
    fields = [
        "number",
        "order",
        "shopper",
        "status",
        "reason",
        "comment",
        "free",
        "rejection_reason",
        "restocked",
        "created",
        "approved",
        "rejected",
        "received",
        "refunded",
    ]

    @admin.display(description=_("shopper"), ordering="order__email")
    def shopper(self, obj):
        return f"{obj.order.name} <{obj.order.email}>" if obj.order.email else obj.order.name

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("lines__order_line")

    def get_readonly_fields(self, request, obj=None):
        # A return is a record of what happened: staff change it through the actions.
        return self.fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def action_summary(self, obj):
        return _("Return %(number)s of order %(order)s: %(value)s, %(status)s.") % {
            "number": obj.number,
            "order": obj.order.number,
            "value": format_money(obj.value(), obj.order.currency),
            "status": obj.get_status_display(),
        }


@admin.register(ReturnPolicy)
class ReturnPolicyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "window_days"]

    def has_add_permission(self, request):
        return not ReturnPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
