"""Orders in the admin: a read-only record, fulfilled through ship, refund and cancel."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shop.formatting import format_money

from .. import payments
from ..errors import PaymentProviderError
from ..models import Order, OrderLine, PaymentEvent, StockMovement
from .forms import RefundForm, ShipForm


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
    fields = ["received", "kind", "amount", "event_id"]


class StockMovementInline(ReadOnlyInline):
    model = StockMovement
    fields = ["created", "release", "change", "reason"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
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
    inlines = [OrderLineInline, PaymentEventInline, StockMovementInline]
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
                    "cancelled",
                ]
            },
        ),
        (_("Shopper"), {"fields": ["email", "language", "phone"]}),
        (
            _("Shipping address"),
            {
                "fields": [
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
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # An order is a record of what happened: staff change it through the actions.
        return [f.name for f in Order._meta.fields]

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
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/ship/", view(self.ship_view), name="orders_order_ship"),
            path("<int:pk>/refund/", view(self.refund_view), name="orders_order_refund"),
            path("<int:pk>/cancel/", view(self.cancel_view), name="orders_order_cancel"),
        ] + super().get_urls()

    def ship_view(self, request, pk):
        order = self._order_for_action(request, pk)
        form = ShipForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            return self._run(
                request,
                order,
                lambda: payments.mark_shipped(
                    order=order, tracking_number=form.cleaned_data["tracking_number"]
                ),
                gettext("Order %(number)s is marked shipped and the shopper was emailed."),
            )
        return self._action_page(request, order, form, gettext("Mark as shipped"))

    def refund_view(self, request, pk):
        order = self._order_for_action(request, pk)
        form = RefundForm(request.POST or None, order=order)
        if request.method == "POST" and form.is_valid():
            return self._run(
                request,
                order,
                lambda: payments.refund_order(order=order, amount=form.cleaned_data["amount"]),
                gettext("The refund for order %(number)s was sent and the shopper was emailed."),
            )
        return self._action_page(request, order, form, gettext("Refund"))

    def cancel_view(self, request, pk):
        order = self._order_for_action(request, pk)
        if request.method == "POST":
            return self._run(
                request,
                order,
                lambda: payments.cancel_order(order=order),
                gettext("Order %(number)s is cancelled; its copies are back in stock."),
            )
        return self._action_page(request, order, None, gettext("Cancel order"))

    def _order_for_action(self, request, pk):
        if not request.user.has_perm("orders.change_order"):
            raise PermissionDenied
        return get_object_or_404(Order, pk=pk)

    def _run(self, request, order, action, success):
        try:
            action()
        except ValueError as error:
            self.message_user(request, str(error), messages.ERROR)
        except PaymentProviderError:
            self.message_user(
                request,
                gettext("Stripe could not be reached; nothing was refunded. Try again."),
                messages.ERROR,
            )
        else:
            self.message_user(request, success % {"number": order.number}, messages.SUCCESS)
        return redirect(reverse("admin:orders_order_change", args=[order.pk]))

    def _action_page(self, request, order, form, title):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "order": order,
            "form": form,
            "title": title,
        }
        return render(request, "admin/orders/order/action.html", context)


@admin.register(StockMovement)
class StockMovementAdmin(admin.ModelAdmin):
    list_display = ["created", "release", "change_display", "reason", "order"]
    list_filter = ["reason", "created"]
    search_fields = ["release__title", "order__number"]
    list_select_related = ["release", "order"]
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("change"), ordering="change")
    def change_display(self, obj):
        colour = "#1f6b35" if obj.change > 0 else "#a1261b"
        return format_html('<strong style="color:{}">{}</strong>', colour, f"{obj.change:+d}")
