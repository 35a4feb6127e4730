from django import template

from shop.formatting import format_partial_date

register = template.Library()


@register.filter
def release_date(release):
    """The release date as precisely as it is known, for the active language."""
    if release.released is None:
        return ""
    return format_partial_date(release.released, release.released_precision)
