from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from .cart_hint import cart_count


def site(request):
    """The shop's name, and the current page in every language for the switch and hreflang."""
    path = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
            }
        )
    # x-default: the address without a language, which redirects by Accept-Language.
    prefix = f"/{get_language()}/"
    unprefixed = "/" + path.removeprefix(prefix) if path.startswith(prefix) else path
    return {
        "x_default_url": request.build_absolute_uri(unprefixed),
        "cart_count": cart_count(request),
        "shop_name": settings.SHOP_NAME,
        "language_links": links,
        "currencies": getattr(request, "offered_currencies", []),
    }
