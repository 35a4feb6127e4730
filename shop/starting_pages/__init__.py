"""The shop pages a fresh shop starts with, in English and Ukrainian.

Each page is two text files here, `<slug>.en.txt` and `<slug>.uk.txt`: the title on
the first line, the meta description on the second, then an empty line and the
body. `{email}`, `{phone}` and `{address}` are filled in from shop.contact.

Their facts follow the starting shipping settings (orders/migrations/
0003_starting_shipping.py) and shop.contact: change them together. Staff edit the
pages in the admin afterwards, and nothing here overwrites their edits.
"""

import hashlib
from pathlib import Path

from shop.contact import CONTACT

HERE = Path(__file__).parent
SLUGS = ("shipping", "returns", "contact", "about", "privacy", "terms")


def page_fields(slug: str) -> dict[str, str]:
    """The starting fields of one page, as ShopPage takes them."""
    fields = {}
    for language, suffix in (("en", ""), ("uk", "_uk")):
        text = (HERE / f"{slug}.{language}.txt").read_text(encoding="utf-8")
        title, description, body = text.split("\n", 2)
        fields[f"title{suffix}"] = title.strip()
        fields[f"description{suffix}"] = description.strip()
        fields[f"body{suffix}"] = _filled(body.strip())
    return fields


def _filled(text: str) -> str:
    address = "\n".join(CONTACT.address)
    return text.format(email=CONTACT.email, phone=CONTACT.phone, address=address)


def create_missing_pages(page_model) -> int:
    """Create each starting page that does not exist yet; returns how many were created.

    Takes the model as an argument, so that the data migration can pass its own.
    """
    existing = set(page_model.objects.values_list("slug", flat=True))
    missing = [slug for slug in SLUGS if slug not in existing]
    for slug in missing:  # one by one: the real model's signals refresh the footers
        page_model.objects.create(slug=slug, **page_fields(slug))
    return len(missing)


def rewrite_untouched(page_model, slug, starting_digests) -> list[str]:
    """Give a page its current starting text, field by field, where staff have not edited it.

    `starting_digests` maps field names to the SHA-256 of the text an earlier
    migration wrote; a field that still holds exactly that text is rewritten.
    Returns the names of the fields rewritten.
    """
    page = page_model.objects.filter(slug=slug).first()
    if page is None:
        return []
    fields = page_fields(slug)
    untouched = [
        name
        for name, digest in starting_digests.items()
        if hashlib.sha256(getattr(page, name).encode()).hexdigest() == digest
    ]
    for name in untouched:
        setattr(page, name, fields[name])
    if untouched:
        page.save(update_fields=untouched)
    return untouched
