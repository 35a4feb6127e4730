"""schema.org JSON-LD for the product page: the release as a MusicRelease and a Product."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from orders.shipping import shipping_config

from .models import Availability

AVAILABILITY = {
    Availability.IN_STOCK: "https://schema.org/InStock",
    Availability.LOW_STOCK: "https://schema.org/LimitedAvailability",
    Availability.OUT_OF_STOCK: "https://schema.org/OutOfStock",
    Availability.PRE_ORDER: "https://schema.org/PreOrder",
}
FORMATS = {"CD": "https://schema.org/CDFormat", "cassette": "https://schema.org/CassetteFormat"}
# Characters that could end a <script> element, written as JSON escapes instead.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
WEEKDAYS = [
    f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
]


def product_json_ld(release, *, url, image_url, rate, sides):
    """The product page's facts as JSON-LD, escaped for a <script> element."""
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
                {"@type": "ListItem", "position": n, "item": _track(track)}
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
            "shippingDetails": _shipping_details(rate),
        },
    }
    return _as_script_text(_without_empty(data))


def _artist(artist):
    return {"@type": "MusicGroup", "name": artist.name}


def _track(track):
    recording = {"@type": "MusicRecording", "name": track.title, "position": track.code}
    if track.duration:
        seconds = int(track.duration.total_seconds())
        recording["duration"] = f"PT{seconds // 60}M{seconds % 60}S"
    return recording


def _date(release):
    if release.released is None:
        return None
    if release.released_precision == "year":
        return str(release.released.year)
    if release.released_precision == "month":
        return release.released.strftime("%Y-%m")
    return release.released.isoformat()


def _shipping_details(rate):
    """Each method's price and days to the shop's own country, as the shipping box shows."""
    config = shipping_config()
    home = config.zone_for(settings.SHOP_COUNTRY)
    details = []
    for method in config.methods:
        if home is None or home.pk not in method.prices:
            continue
        detail = {
            "@type": "OfferShippingDetails",
            "name": str(method.label),
            "shippingRate": {
                "@type": "MonetaryAmount",
                "value": str(rate.convert(method.prices[home.pk])),
                "currency": rate.code,
            },
            "shippingDestination": {
                "@type": "DefinedRegion",
                "addressCountry": settings.SHOP_COUNTRY,
            },
            "deliveryTime": {
                "@type": "ShippingDeliveryTime",
                "businessDays": {"@type": "OpeningHoursSpecification", "dayOfWeek": WEEKDAYS},
                "cutoffTime": config.calendar.cutoff.strftime("%H:%M:%S"),
                "handlingTime": _days(0, 1),
                "transitTime": _days(method.min_days, method.max_days),
            },
        }
        if method.free_from is not None:
            detail["freeShippingThreshold"] = {
                "@type": "MonetaryAmount",
                "value": str(method.free_from),
                "currency": method.free_from_rate.code,
            }
        details.append(detail)
    return details


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
