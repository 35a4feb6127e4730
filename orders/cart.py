"""The cart: what a shopper means to buy, capped by stock, priced in their currency."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Prefetch

from catalog.models import ReleaseArtist
from shop.cart_hint import COUNT_COOKIE
from shop.money import Rate
from shop.parsing import is_uuid, parse_whole

from .errors import (
    BAD_QUANTITY,
    LIMIT_PER_ORDER,
    NO_LONGER_FOR_SALE_IN_CART,
    NOT_FOR_SALE,
    SOLD_OUT,
    CartError,
)
from .models import Cart, CartLine

MAX_QUANTITY = 99
CART_COOKIE = "cart"
COOKIE_SALT = "orders.cart"
COOKIE_AGE = 60 * 60 * 24 * 30


@dataclass(frozen=True)
class CartChange:
    quantity: int
    capped: bool  # fewer copies than asked for went in
    by_limit: bool = False  # held back by the record's per-customer limit, not by stock


@dataclass(frozen=True)
class CartItem:
    release: object
    quantity: int
    unit_price: Decimal
    line_total: Decimal


@dataclass(frozen=True)
class CartSummary:
    items: list[CartItem]
    currency: str
    subtotal: Decimal
    base_subtotal: Decimal

    @property
    def count(self):
        return sum(item.quantity for item in self.items)

    @property
    def is_empty(self):
        return not self.items


def parse_quantity(raw, *, allow_zero=False) -> int:
    """A quantity typed by a shopper (ASCII digits only), or CartError saying what is allowed."""
    quantity = parse_whole(raw, low=0 if allow_zero else 1, high=MAX_QUANTITY)
    if quantity is None:
        raise CartError(BAD_QUANTITY % {"max": MAX_QUANTITY})
    return quantity


@transaction.atomic
def add_to_cart(*, cart, release, quantity) -> CartChange:
    if not release.published:
        raise CartError(NOT_FOR_SALE)
    if release.stock == 0:
        raise CartError(SOLD_OUT)
    line = cart.lines.filter(release=release).first()
    wanted = quantity + (line.quantity if line else 0)
    return _store_quantity(cart=cart, release=release, wanted=min(wanted, MAX_QUANTITY))


@transaction.atomic
def set_quantity(*, cart, release, quantity) -> CartChange:
    """Change a line; 0 removes it, and so does the record selling out meanwhile.

    A record taken off sale can only be removed.
    """
    if quantity > 0 and not release.published:
        raise CartError(NOT_FOR_SALE)
    if quantity == 0 or release.stock == 0:
        cart.lines.filter(release=release).delete()
        return CartChange(quantity=0, capped=quantity > 0)
    return _store_quantity(cart=cart, release=release, wanted=quantity)


def _store_quantity(*, cart, release, wanted) -> CartChange:
    allowed = min(wanted, release.stock, release.limit_per_order)
    CartLine.objects.update_or_create(cart=cart, release=release, defaults={"quantity": allowed})
    cart.save(update_fields=["updated"])
    by_limit = release.limit_per_order < min(wanted, release.stock)
    return CartChange(quantity=allowed, capped=allowed < wanted, by_limit=by_limit)


@transaction.atomic
def keep_to_what_is_for_sale(cart) -> str:
    """Take withdrawn records out of the cart and hold others to their per-order limit.

    Returns what the shopper should be told, or "" when nothing changed.
    """
    lines = list(cart.lines.select_related("release")) if cart is not None else []
    withdrawn = [line for line in lines if not line.release.published]
    over_limit = [line for line in lines if line.quantity > line.release.limit_per_order]
    for line in withdrawn:
        line.delete()
    for line in over_limit:
        if line not in withdrawn:
            line.quantity = line.release.limit_per_order
            line.save(update_fields=["quantity"])
    if withdrawn:
        return NO_LONGER_FOR_SALE_IN_CART % {"title": withdrawn[0].release.title}
    if over_limit:
        limited = over_limit[0].release
        return LIMIT_PER_ORDER % {"title": limited.title, "count": limited.limit_per_order}
    return ""


def summarize(cart, rate: Rate) -> CartSummary:
    """The cart's lines priced in the shopper's currency. Prices come from the catalogue."""
    lines = [] if cart is None else _lines_with_releases(cart)
    items = [
        CartItem(
            release=line.release,
            quantity=line.quantity,
            unit_price=rate.convert(line.release.current_price),
            line_total=rate.convert(line.release.current_price) * line.quantity,
        )
        for line in lines
    ]
    return CartSummary(
        items=items,
        currency=rate.code,
        subtotal=sum((item.line_total for item in items), Decimal(0)),
        base_subtotal=sum(
            (line.release.current_price * line.quantity for line in lines), Decimal(0)
        ),
    )


def _lines_with_releases(cart):
    return list(
        cart.lines.select_related("release__label").prefetch_related(
            Prefetch("release__release_artists", ReleaseArtist.objects.select_related("artist")),
            "release__images",
        )
    )


def cart_for(request, *, create=False):
    """The shopper's cart: a member's own, else a guest's from the signed cookie.

    A new one is made when `create` is set. A guest never gets a member's cart that
    a signed-out browser still points at.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if create:
            return Cart.objects.get_or_create(customer=user)[0]
        return Cart.objects.filter(customer=user).first()
    cart = guest_cart(request)
    if cart is None and create:
        cart = Cart.objects.create()
    return cart


def guest_cart(request):
    token = request.get_signed_cookie(CART_COOKIE, default=None, salt=COOKIE_SALT)
    return Cart.objects.filter(token=token, customer=None).first() if is_uuid(token) else None


@transaction.atomic
def carry_over(*, guest, member):
    """Bring a guest's cart to the member signing in; returns the member's cart, if any.

    Without a cart of their own the member takes the guest's. Otherwise each line
    joins theirs, capped by stock and the per-order limit, and the guest cart stays,
    empty, for the orders that point at it.
    """
    cart = Cart.objects.filter(customer=member).first()
    if guest is None or guest == cart or not guest.lines.exists():
        return cart
    if cart is None:
        guest.customer = member
        guest.save(update_fields=["customer", "updated"])
        return guest
    for line in guest.lines.select_related("release"):
        release = line.release
        if release.published and release.stock > 0:
            mine = cart.lines.filter(release=release).values_list("quantity", flat=True).first()
            wanted = min(line.quantity + (mine or 0), MAX_QUANTITY)
            _store_quantity(cart=cart, release=release, wanted=wanted)
    guest.lines.all().delete()
    return cart


def count_copies(cart) -> int:
    return sum(cart.lines.values_list("quantity", flat=True))


def remember_cart(response, cart, count, *, secure):
    """Point the browser at its cart and refresh the mini-cart count."""
    response.set_signed_cookie(
        CART_COOKIE,
        str(cart.token),
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=secure,
    )
    response.set_cookie(COUNT_COOKIE, str(count), max_age=COOKIE_AGE, samesite="Lax", secure=secure)
