import logging

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from shop import ratelimit
from shop.client import client_fingerprint
from shop.views import bad_request

from .. import cart as carts
from .. import payments, returns, shipping
from ..checkout import Address, place_order
from ..errors import EMPTY_CART, PAYMENT_UNAVAILABLE, CheckoutError, PaymentProviderError
from ..forms import CheckoutForm
from ..models import Order
from ..saved_addresses import default_address
from .cart import estimate_country

log = logging.getLogger(__name__)


def checkout(request):
    cart = carts.cart_for(request)
    summary = carts.summarize(cart, request.currency)
    if summary.is_empty:
        if request.method == "POST":
            return bad_request(request, EMPTY_CART)
        messages.info(request, EMPTY_CART)
        return redirect("orders:cart")
    if request.method == "POST" and "recalculate" not in request.POST:
        form = CheckoutForm(request.POST)
        if form.is_valid():
            return _place(request, cart, form)
        return _render_checkout(request, form, summary, status=400)
    # Showing the page, or new totals for another country or method: no errors yet.
    initial = request.POST.dict() if request.method == "POST" else _member_details(request)
    form = CheckoutForm(initial={"country": estimate_country(request)} | initial)
    return _render_checkout(request, form, summary, status=200)


def _member_details(request):
    """A signed-in member's email and default address, to start the form from."""
    if not request.user.is_authenticated:
        return {}
    address = default_address(request.user)
    return {"email": request.user.email} | (address.as_dict() if address else {})


def _place(request, cart, form):
    data = form.cleaned_data
    address = Address(**{name: data[name] for name in Address.__dataclass_fields__})
    ratelimit.check("order", request, email=address.email)
    try:
        order = place_order(
            cart=cart,
            address=address,
            method=data["shipping_method"],
            currency=request.currency.code,
            language=get_language(),
            client=client_fingerprint(request),
            customer=request.user if request.user.is_authenticated else None,
        )
    except CheckoutError as error:
        messages.error(request, error.message)
        summary = carts.summarize(cart, request.currency)
        return _render_checkout(request, form, summary, status=409)
    return start_payment(request, order)


def _render_checkout(request, form, summary, *, status):
    country = form["country"].value() or estimate_country(request)
    method = form["shipping_method"].value() or "standard"
    options = shipping.shipping_options(
        config=shipping.shipping_config(),
        country=country,
        base_subtotal=summary.base_subtotal,
        rate=request.currency,
    )
    chosen = next((o for o in options if o.kind == method), options[0] if options else None)
    context = {
        "form": form,
        "summary": summary,
        "options": options,
        "chosen": chosen,
        "total": summary.subtotal + (chosen.price if chosen else 0),
        "demo_payments": settings.DEMO_PAYMENTS,
    }
    return render(request, "orders/checkout.html", context, status=status)


def start_payment(request, order):
    """Send the shopper to pay: Stripe's hosted page, or the demo page without Stripe."""
    try:
        url = payments.start_payment(
            order=order,
            success_url=request.build_absolute_uri(order.get_absolute_url()) + "?paid=1",
            cancel_url=request.build_absolute_uri(reverse("orders:cart")),
        )
    except CheckoutError as error:
        messages.error(request, error.message)
        return redirect(order.get_absolute_url())
    except PaymentProviderError:
        messages.error(request, PAYMENT_UNAVAILABLE)
        return redirect(order.get_absolute_url())
    return redirect(url)


@require_POST
@ratelimit.rate_limited("payment")
def pay(request, token):
    """Pay for an order still holding its copies, reusing its open payment page."""
    order = get_object_or_404(Order, token=token)
    return start_payment(request, order)


def demo_payment(request, token):
    """A clearly labelled stand-in for Stripe, only when no Stripe key is set."""
    if not settings.DEMO_PAYMENTS:
        return bad_request(request, PAYMENT_UNAVAILABLE)
    order = get_object_or_404(Order.objects.prefetch_related("lines"), token=token)
    if request.method == "POST" and order.status == Order.Status.PENDING:
        payments.pay_demo(order)
        return redirect(order.get_absolute_url() + "?paid=1")
    return render(request, "orders/demo_payment.html", {"order": order})


def order_detail(request, token):
    order = get_object_or_404(Order.objects.prefetch_related("lines", "returns"), token=token)
    context = {"order": order, "returns_until": returns.open_until(order)}
    cart = carts.cart_for(request)
    # A paid order emptied its cart: show and remember the new count at once.
    refresh_count = (
        cart is not None and order.cart_id == cart.pk and order.status != Order.Status.PENDING
    )
    if refresh_count:
        context["cart_count"] = carts.count_copies(cart)
    response = render(request, "orders/order_detail.html", context)
    if refresh_count:
        carts.remember_cart(response, cart, context["cart_count"], secure=settings.HTTPS)
    return response
