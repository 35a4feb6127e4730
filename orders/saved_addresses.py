"""A member's saved addresses: at most one default, and checkout starts from it."""

from django.db import transaction

from .models import SavedAddress

# Primary keys are 64-bit: a longer number in a URL is simply no address of anyone's.
LARGEST_ID = 2**63 - 1


def own_address(user, pk):
    """The member's address with this id, or None (forged ids and others' alike)."""
    if not 0 < pk <= LARGEST_ID:
        return None
    return SavedAddress.objects.filter(customer=user, pk=pk).first()


@transaction.atomic
def save_address(*, customer, data, address=None):
    """Create or change an address; the first one, or one marked so, becomes the default."""
    addresses = SavedAddress.objects.select_for_update().filter(customer=customer)
    first = not addresses.exclude(pk=getattr(address, "pk", None)).exists()
    make_default = data.get("is_default") or first
    if make_default:
        addresses.filter(is_default=True).update(is_default=False)
    address = address or SavedAddress(customer=customer)
    for name in SavedAddress.FIELDS:
        setattr(address, name, data[name])
    # A default stays one until another address is made the default.
    address.is_default = make_default or address.is_default
    address.save()
    return address


@transaction.atomic
def make_default(address):
    mine = SavedAddress.objects.select_for_update().filter(customer=address.customer_id)
    mine.filter(is_default=True).update(is_default=False)
    address.is_default = True
    address.save(update_fields=["is_default"])


@transaction.atomic
def delete_address(address):
    """Delete it; if it was the default, the newest other address takes its place."""
    address.delete()
    if address.is_default:
        newest = SavedAddress.objects.of_customer(address.customer_id).first()
        if newest is not None:
            newest.is_default = True
            newest.save(update_fields=["is_default"])


def default_address(user):
    return SavedAddress.objects.filter(customer=user, is_default=True).first()
