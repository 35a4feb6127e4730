"""Who is asking: the client's address, as the shop's own proxies report it."""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac


def client_address(request) -> str:
    """REMOTE_ADDR; behind PROXY_COUNT trusted proxies, the address the outermost one saw.

    Each proxy appends the address it was connected from to X-Forwarded-For, so
    only the last PROXY_COUNT entries are trustworthy: anything before them is
    whatever the client chose to send.
    """
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [entry.strip() for entry in forwarded if entry.strip()]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


def client_key(request) -> str:
    """The client as limits count it. An IPv6 subscriber usually holds a whole /64, so
    the network counts as one client; otherwise one address would be endless clients."""
    address = client_address(request)
    if not address:
        return "unknown"
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return address


def client_fingerprint(request) -> str:
    """A keyed hash of the client key: enough to match one client's orders, not to
    tell anyone where they connected from."""
    return salted_hmac("shop.client", client_key(request), algorithm="sha256").hexdigest()[:32]
