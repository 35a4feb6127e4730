"""Orders in the admin: a read-only record, changed only through the lifecycle's actions."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from catalog.models import StockMovement
from shop.admin import StrictLookups
from shop.formatting import format_money

from ..errors import OrderActionError
from ..lifecycle import allowed_actions, require
from ..models import Order, OrderLine, PaymentEvent, Refund
from .actions import STAFF_ACTIONS


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
    fields = ["created", "amount", "reason", "status", "attempts", "last_error", "completed"]


@admin.register(Order)
class OrderAdmin(StrictLookups, admin.ModelAdmin):
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
    inlines = [OrderLineInline, PaymentEventInline, RefundInline]
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

    def get_urls(self):
        return [
            path(
                "<int:pk>/action/<slug:action>/",
                self.admin_site.admin_view(self.action_view),
                name="orders_order_action",
            ),
        ] + super().get_urls()

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # The buttons above the record: only what the lifecycle allows now.
        context["order_actions"] = (
            [
                (action, STAFF_ACTIONS[action].title)
                for action in allowed_actions(obj)
                if action in STAFF_ACTIONS
            ]
            if obj
            else []
        )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def action_view(self, request, pk, action):
        if not request.user.has_perm("orders.change_order"):
            raise PermissionDenied
        order = get_object_or_404(Order, pk=pk)
        if action not in STAFF_ACTIONS:
            raise Http404
        staff_action = STAFF_ACTIONS[action]
        try:
            require(order, action)
        except OrderActionError as error:
            return self._back_to_order(request, order, error.message, messages.ERROR)
        data = request.POST if request.method == "POST" else None
        form = staff_action.form(data, order=order)
        if request.method == "POST" and form.is_valid():
            return self._run(request, order, staff_action, form.cleaned_data)
        return self._action_page(request, order, form, staff_action)

    def _run(self, request, order, staff_action, data):
        try:
            staff_action.run(order, **data)
        except OrderActionError as error:
            return self._back_to_order(request, order, error.message, messages.ERROR)
        success = staff_action.success % {"number": order.number}
        return self._back_to_order(request, order, success, messages.SUCCESS)

    def _back_to_order(self, request, order, message, level):
        self.message_user(request, message, level)
        return redirect(reverse("admin:orders_order_change", args=[order.pk]))

    def _action_page(self, request, order, form, staff_action):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "order": order,
            "form": form,
            "title": staff_action.title,
            "explanation": staff_action.explanation,
        }
        return render(request, "admin/orders/order/action.html", context)
