"""A member's pages about their orders: "My orders"."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from ..models import Order

ORDERS_PER_PAGE = 20


@login_required
def my_orders(request):
    orders = Order.objects.of_customer(request.user).only(
        "number",
        "token",
        "created",
        "status",
        "currency",
        "total",
        "delivery_from",
        "delivery_by",
        "tracking_number",
    )
    page = Paginator(orders, ORDERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "orders/my_orders.html", {"page": page})
