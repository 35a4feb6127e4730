"""schema.org JSON-LD for the product page: the release as a MusicRelease and a Product."""

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urljoin

from django.utils.safestring import mark_safe

from .models import Availability

AVAILABILITY = {
    Availability.IN_STOCK: "https://schema.org/InStock",
    Availability.LOW_STOCK: "https://schema.org/LimitedAvailability",
    Availability.OUT_OF_STOCK: "https://schema.org/OutOfStock",
    # Every copy sits in someone's checkout: none can be bought now, but some may come
    # back when a payment window closes. OutOfStock is what a search engine should show.
    Availability.RESERVED: "https://schema.org/OutOfStock",
    Availability.PRE_ORDER: "https://schema.org/PreOrder",
}
FORMATS = {"CD": "https://schema.org/CDFormat", "cassette": "https://schema.org/CassetteFormat"}
# Characters that could end a <script> element, written as JSON escapes instead.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
WEEKDAYS = [
    f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
]


@dataclass(frozen=True)
class ShippingOffer:
    """One shipping method to the shop's own country, as the offer's JSON-LD states it.

    Whoever ships (the orders app, through settings.PRODUCT_PAGE_EXTRAS) fills these in.
    """

    name: str
    price: Decimal  # in the shopper's currency
    currency: str
    country: str
    cutoff: datetime.time
    min_days: int
    max_days: int
    free_from: Decimal | None = None
    free_from_currency: str | None = None


def product_json_ld(release, *, url, image_url, rate, sides, shipping=()):
    """The product page's facts as JSON-LD, escaped for a <script> element.

    `shipping` is a list of ShippingOffer; without it the offer states no shipping.
    """
    price = rate.convert(release.current_price)
    data = {
        "@context": "https://schema.org",
        "@type": ["Product", "MusicRelease"],
        "@id": url,
        "url": url,
        "name": release.full_title,
        "sku": release.catalogue_number or str(release.pk),
        "catalogNumber": release.catalogue_number or None,
        "gtin": release.barcode or None,
        "description": release.description_text or None,
        "image": image_url,
        "byArtist": [_artist(credit.artist) for credit in release.release_artists.all()],
        "recordLabel": {"@type": "Organization", "name": release.label.name},
        "musicReleaseFormat": FORMATS.get(release.format, "https://schema.org/VinylFormat"),
        "datePublished": _date(release),
        "releaseOf": {
            "@type": "MusicAlbum",
            "name": release.title,
            "byArtist": [_artist(credit.artist) for credit in release.release_artists.all()],
        },
        "track": {
            "@type": "ItemList",
            "numberOfItems": sum(len(tracks) for _side, tracks in sides),
            "itemListElement": [
                {"@type": "ListItem", "position": n, "item": _track(track, url)}
                for n, track in enumerate((t for _side, tracks in sides for t in tracks), start=1)
            ],
        },
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": str(price),
            "priceCurrency": rate.code,
            "availability": AVAILABILITY[release.availability],
            "itemCondition": "https://schema.org/NewCondition",
            "shippingDetails": [_shipping_detail(offer) for offer in shipping],
        },
    }
    return _as_script_text(_without_empty(data))


def breadcrumbs_json_ld(crumbs):
    """A BreadcrumbList from (name, absolute URL) pairs; the last, the page itself,
    may have no URL."""
    items = [
        _without_empty({"@type": "ListItem", "position": n, "name": str(name), "item": url})
        for n, (name, url) in enumerate(crumbs, start=1)
    ]
    data = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    return _as_script_text(data)


def _artist(artist):
    return {"@type": "MusicGroup", "name": artist.name}


def _track(track, page_url):
    recording = {"@type": "MusicRecording", "name": track.title, "position": track.code}
    if track.duration:
        seconds = int(track.duration.total_seconds())
        recording["duration"] = f"PT{seconds // 60}M{seconds % 60}S"
    if track.clip:
        recording["audio"] = _clip(track, page_url)
    return recording


def _clip(track, page_url):
    """The track's clip, at an absolute address (storage may give one relative to the site)."""
    clip = {
        "@type": "AudioObject",
        "contentUrl": urljoin(page_url, track.clip.url),
        "encodingFormat": track.clip_type,
    }
    if track.clip_duration:
        clip["duration"] = f"PT{track.clip_duration.total_seconds():g}S"
    return clip


def _date(release):
    if release.released is None:
        return None
    if release.released_precision == "year":
        return str(release.released.year)
    if release.released_precision == "month":
        return release.released.strftime("%Y-%m")
    return release.released.isoformat()


def _shipping_detail(offer):
    """A method's price and days to the shop's own country, as the shipping box shows."""
    detail = {
        "@type": "OfferShippingDetails",
        "name": offer.name,
        "shippingRate": {
            "@type": "MonetaryAmount",
            "value": str(offer.price),
            "currency": offer.currency,
        },
        "shippingDestination": {"@type": "DefinedRegion", "addressCountry": offer.country},
        "deliveryTime": {
            "@type": "ShippingDeliveryTime",
            "businessDays": {"@type": "OpeningHoursSpecification", "dayOfWeek": WEEKDAYS},
            "cutoffTime": offer.cutoff.strftime("%H:%M:%S"),
            "handlingTime": _days(0, 1),
            "transitTime": _days(offer.min_days, offer.max_days),
        },
    }
    if offer.free_from is not None:
        detail["freeShippingThreshold"] = {
            "@type": "MonetaryAmount",
            "value": str(offer.free_from),
            "currency": offer.free_from_currency,
        }
    return detail


def _days(low, high):
    return {"@type": "QuantitativeValue", "minValue": low, "maxValue": high, "unitCode": "DAY"}


def _without_empty(value):
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value


def _as_script_text(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # escaped: safe inside <script>
