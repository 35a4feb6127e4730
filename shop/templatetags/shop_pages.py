from django import template
from django.urls import reverse

from shop.contact import CONTACT
from shop.models import ShopPage
from shop.page_cache import depends_on
from shop.page_text import page_html
from shop.pages import FOOTER, footer_slugs

register = template.Library()
register.filter("page_html", page_html)


@register.simple_tag(takes_context=True)
def shop_footer(context):
    """{% shop_footer as footer %}: the published shop pages to link, and how to reach
    the shop. Read from the cache only: the footer costs a page no query."""
    request = context.get("request")
    if request is not None:
        depends_on(request, FOOTER)
    links = [
        {"slug": slug, "label": ShopPage.Slug(slug).label, "url": reverse("page", args=[slug])}
        for slug in footer_slugs()
    ]
    return {"links": links, "contact": CONTACT}
