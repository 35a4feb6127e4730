"""A member's wishlist: the page, saving and removing a record, moving it to the cart."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from shop.ratelimit import rate_limited
from shop.views import safe_next_url

from .. import cart as carts
from .. import wishlist
from ..errors import CartError
from .cart import capped_message, cart_response


@login_required
def wishlist_page(request):
    records = wishlist.saved_records(request.user)
    return render(request, "orders/wishlist.html", {"records": records})


@require_POST
@rate_limited("cart")
def wishlist_save(request, release_id):
    release = wishlist.record_for_saving(release_id)
    if release is None:
        raise Http404
    if not request.user.is_authenticated:
        # Signing in brings the guest back to the record, to press "Save" again.
        return redirect_to_login(release.get_absolute_url())
    wishlist.save(customer=request.user, release=release)
    messages.success(request, _("%(title)s is saved to your wishlist.") % {"title": release.title})
    return redirect(safe_next_url(request, release.get_absolute_url()))


@login_required
@require_POST
@rate_limited("cart")
def wishlist_remove(request, release_id):
    item = _own_item_or_404(request, release_id)
    item.delete()
    message = _("%(title)s is no longer on your wishlist.") % {"title": item.release.title}
    messages.success(request, message)
    return redirect(safe_next_url(request, reverse("orders:wishlist")))


@login_required
@require_POST
@rate_limited("cart")
def wishlist_move(request, release_id):
    item = _own_item_or_404(request, release_id)
    cart = carts.cart_for(request, create=True)
    try:
        change = wishlist.move_to_cart(item=item, cart=cart)
    except CartError as error:
        messages.error(request, error.message)
        return redirect("orders:wishlist")
    if change.capped:
        message = capped_message(item.release, change)
    else:
        message = _("%(title)s is in your cart.") % {"title": item.release.title}
    return cart_response(request, cart, message, reverse("orders:wishlist"), capped=change.capped)


def _own_item_or_404(request, release_id):
    item = wishlist.own_item(request.user, release_id)
    if item is None:
        raise Http404
    return item
