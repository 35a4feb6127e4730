"""A member's own pages in orders: "My orders" and saved addresses."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import saved_addresses
from ..forms import SavedAddressForm
from ..models import Order, Return, SavedAddress
from .cart import estimate_country

ORDERS_PER_PAGE = 20


@login_required
def my_orders(request):
    orders = (
        Order.objects.of_customer(request.user)
        .only(
            "number",
            "token",
            "created",
            "status",
            "currency",
            "total",
            "refunded",
            "delivery_from",
            "delivery_by",
            "tracking_number",
        )
        .prefetch_related(
            Prefetch("returns", queryset=Return.objects.only("number", "status", "order_id"))
        )
    )
    page = Paginator(orders, ORDERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "orders/my_orders.html", {"page": page})


def _own_address_or_404(request, pk):
    address = saved_addresses.own_address(request.user, pk)
    if address is None:
        raise Http404
    return address


@login_required
def addresses(request):
    mine = SavedAddress.objects.of_customer(request.user)
    return render(request, "orders/addresses.html", {"addresses": mine})


@login_required
def address_form(request, pk=None):
    """Add an address, or change one of the member's own."""
    address = _own_address_or_404(request, pk) if pk is not None else None
    initial = address.as_dict() | {"is_default": address.is_default} if address else {}
    if request.method != "POST":
        form = SavedAddressForm(initial=initial or {"country": estimate_country(request)})
        return render(request, "orders/address_form.html", {"form": form, "address": address})
    form = SavedAddressForm(request.POST)
    if not form.is_valid():
        context = {"form": form, "address": address}
        return render(request, "orders/address_form.html", context, status=400)
    saved_addresses.save_address(customer=request.user, data=form.cleaned_data, address=address)
    messages.success(request, _("The address is saved."))
    return redirect("orders:addresses")


@login_required
@require_POST
def address_default(request, pk):
    saved_addresses.make_default(_own_address_or_404(request, pk))
    messages.success(request, _("This is now your default address."))
    return redirect("orders:addresses")


@login_required
@require_POST
def address_delete(request, pk):
    saved_addresses.delete_address(_own_address_or_404(request, pk))
    messages.success(request, _("The address is deleted."))
    return redirect("orders:addresses")
