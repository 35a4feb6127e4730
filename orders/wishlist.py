"""A member's wishlist: records saved for later, and moved to the cart one copy at a time."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.functional import SimpleLazyObject

from catalog.models import Release

from . import cart as carts
from .models import WishlistItem

# Primary keys are 64-bit: a longer number in a URL is simply no record.
LARGEST_ID = 2**63 - 1


def saved_records(user):
    """The member's saved records still for sale, newest saved first, ready for cards."""
    return (
        Release.objects.published()
        .filter(wishlist_items__customer=user)
        .annotate(saved_at=F("wishlist_items__added"))
        .with_listing_data()
        .order_by("-saved_at", "-pk")
    )


def saved_ids(user):
    return frozenset(WishlistItem.objects.filter(customer=user).values_list("release", flat=True))


def record_for_saving(pk):
    """A published record with this id, or None (forged and unpublished ids alike)."""
    if not 0 < pk <= LARGEST_ID:
        return None
    return Release.objects.published().filter(pk=pk).first()


def own_item(user, release_pk):
    """The member's wishlist entry for this record, or None."""
    if not 0 < release_pk <= LARGEST_ID:
        return None
    return (
        WishlistItem.objects.select_related("release")
        .filter(customer=user, release_id=release_pk, release__published=True)
        .first()
    )


def save(*, customer, release):
    """Put the record on the wishlist; saving it twice (two tabs, a double click) is fine."""
    try:
        with transaction.atomic():
            WishlistItem.objects.get_or_create(customer=customer, release=release)
    except IntegrityError:
        pass  # a concurrent request saved it first


@transaction.atomic
def move_to_cart(*, item, cart):
    """Add one copy to the cart by its rules, then take the record off the wishlist.

    CartError (sold out, off sale) leaves the record on the wishlist.
    """
    change = carts.add_to_cart(cart=cart, release=item.release, quantity=1)
    item.delete()
    return change


def context(request):
    """`wishlist_ids` for templates: the member's saved records, read only if a page asks.

    Guests get none: their pages are cached whole and show everyone the same button.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"wishlist_ids": frozenset()}
    return {"wishlist_ids": SimpleLazyObject(lambda: saved_ids(user))}
