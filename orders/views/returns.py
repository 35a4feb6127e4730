"""Returns from the shopper's side: ask for one from the order page, follow it, print its slip.

An order's page is reached by its unguessable link, and so are its returns. A
member's order asks for that member as well: anyone else signed in gets a 404,
as if the order did not exist, and a visitor is asked to log in.
"""

import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import returns
from ..errors import RETURN_ALL_IN_RETURNS, ReturnError
from ..forms import ReturnRequestForm
from ..models import Order, Return, ReturnPolicy

# A slip is for a return the shop has agreed to take.
SLIP_STATUSES = (Return.Status.APPROVED, Return.Status.RECEIVED, Return.Status.REFUNDED)


class MemberMustLogIn(Exception):
    pass


def _order(request, token):
    order = get_object_or_404(Order.objects.prefetch_related("lines"), token=token)
    if order.customer_id is None:
        return order
    if not request.user.is_authenticated:
        raise MemberMustLogIn
    if request.user.pk != order.customer_id:
        raise Http404
    return order


def _for_member(view):
    """Send a visitor to log in first when the order belongs to a member."""

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except MemberMustLogIn:
            return redirect_to_login(request.get_full_path())

    return checked


@_for_member
def ask_for_return(request, token):
    """Choose the copies to send back and why; every refusal is a 400 that writes nothing."""
    order = _order(request, token)
    policy = ReturnPolicy.current()
    left = returns.returnable(order)
    posted = request.method == "POST"
    context = {"order": order, "policy": policy, "closes": policy.closes(order)}
    problem = returns.refusal(order, policy)
    if problem is None and not any(left.values()):
        problem = RETURN_ALL_IN_RETURNS
    if problem:
        context["problem"] = problem
        return render(request, "orders/return_request.html", context, status=400 if posted else 200)
    form = ReturnRequestForm(request.POST if posted else None, returnable=left)
    context["form"] = form
    if not posted:
        return render(request, "orders/return_request.html", context)
    if form.is_valid():
        try:
            return_request = returns.request_return(
                order=order,
                copies=form.copies(),
                reason=form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"],
            )
        except ReturnError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your return request is sent. We have emailed you a copy."))
            return redirect(return_request)
    return render(request, "orders/return_request.html", context, status=400)


def _return(request, token, number):
    order = _order(request, token)
    queryset = Return.objects.prefetch_related("lines__order_line", "refunds")
    return_request = get_object_or_404(queryset, order=order, number=number)
    return_request.order = order  # already read: the page needs no second query for it
    return return_request


@_for_member
def return_page(request, token, number):
    return_request = _return(request, token, number)
    context = {"return_request": return_request, "policy": ReturnPolicy.current()}
    return render(request, "orders/return_detail.html", context)


@_for_member
def return_slip(request, token, number):
    """The slip that goes in the parcel: the return number, the records and where they go."""
    return_request = _return(request, token, number)
    if return_request.status not in SLIP_STATUSES:
        raise Http404
    context = {"return_request": return_request, "policy": ReturnPolicy.current()}
    return render(request, "orders/return_slip.html", context)
