"""Orders in the admin: a read-only record, changed only through the lifecycle's actions."""

from django.contrib import admin
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from catalog.models import StockMovement
from shop.admin import StrictLookups
from shop.formatting import format_money

from .. import fulfilment, lifecycle
from ..lifecycle import require
from ..models import Order, OrderLine, PaymentEvent, Refund, Return
from .actions import STAFF_ACTIONS
from .lifecycle_actions import LifecycleActionsAdmin


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = ["title", "catalogue_number", "quantity", "unit_price", "line_total"]


class PaymentEventInline(ReadOnlyInline):
    model = PaymentEvent
    fields = ["received", "kind", "amount", "payment_intent", "event_id"]


class RefundInline(ReadOnlyInline):
    model = Refund
    fk_name = "order"
    fields = ["created", "amount", "reason", "status", "attempts", "last_error", "completed"]


class ReturnInline(ReadOnlyInline):
    model = Return
    fields = ["number", "created", "status", "reason"]
    show_change_link = True


@admin.register(Order)
class OrderAdmin(LifecycleActionsAdmin, StrictLookups, admin.ModelAdmin):
    staff_actions = STAFF_ACTIONS
    form_subject = "order"
    require = staticmethod(require)

    list_display = [
        "number",
        "created",
        "name",
        "email",
        "country",
        "total_display",
        "status",
        "attention",
    ]
    list_filter = ["status", "shipping_method", "currency", "country", "created"]
    search_fields = ["number", "email", "name", "tracking_number", "stripe_payment_intent"]
    date_hierarchy = "created"
    inlines = [OrderLineInline, ReturnInline, PaymentEventInline, RefundInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "number",
                    "status",
                    "needs_attention",
                    "created",
                    "paid",
                    "shipped",
                    "delivered",
                    "returned",
                    "cancelled",
                ]
            },
        ),
        (_("Shopper"), {"fields": ["email", "language", "phone"]}),
        (
            _("Shipping address"),
            {
                "fields": [
                    "printed_address",
                    "name",
                    "address_line1",
                    "address_line2",
                    "city",
                    "postcode",
                    "region",
                    "country",
                ]
            },
        ),
        (
            _("Shipping"),
            {
                "fields": [
                    "shipping_method",
                    ("delivery_from", "delivery_by"),
                    "tracking_number",
                ]
            },
        ),
        (
            _("Amounts"),
            {
                "fields": [
                    ("currency", "rate"),
                    "subtotal",
                    "shipping_price",
                    "total",
                    "amount_paid",
                    "refunded",
                ]
            },
        ),
        (
            _("Payment"),
            {
                "fields": [
                    "reserved_until",
                    "stock_held",
                    "stripe_session",
                    "stripe_payment_intent",
                    "stock_movements",
                ]
            },
        ),
    ]

    def allowed_actions(self, order):
        actions = lifecycle.allowed_actions(order)
        # Copies a shopper has asked to send back are handled on their return, not as a parcel.
        if lifecycle.Action.RETURN in actions and fulfilment.open_return(order):
            actions.remove(lifecycle.Action.RETURN)
        return actions

    def get_readonly_fields(self, request, obj=None):
        # An order is a record of what happened: staff change it through the actions.
        return [f.name for f in Order._meta.fields] + ["printed_address", "stock_movements"]

    @admin.display(description=_("as printed on the parcel"))
    def printed_address(self, obj):
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in obj.address_lines()))

    @admin.display(description=_("stock movements"))
    def stock_movements(self, obj):
        movements = StockMovement.objects.filter(reference=obj.number).select_related("release")
        return (
            format_html_join(
                mark_safe("<br>"),
                "{} · {} · {} · {}",
                (
                    (
                        date_format(localtime(m.created), "SHORT_DATETIME_FORMAT"),
                        m.release,
                        f"{m.change:+d}",
                        m.get_reason_display(),
                    )
                    for m in movements
                ),
            )
            or "–"
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("total"), ordering="total")
    def total_display(self, obj):
        return format_money(obj.total, obj.currency)

    @admin.display(description=_("needs attention"), boolean=True)
    def attention(self, obj):
        return bool(obj.needs_attention)

    def action_summary(self, obj):
        return _("Order %(number)s: %(total)s, %(status)s.") % {
            "number": obj.number,
            "total": format_money(obj.total, obj.currency),
            "status": obj.get_status_display(),
        }
