from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from .money import offered_rates


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
    return {
        "shop_name": settings.SHOP_NAME,
        "language_links": links,
        "currencies": list(offered_rates()),
    }
