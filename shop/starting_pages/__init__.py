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


def rewrite_untouched(page_model, slug, starting_digests) -> tuple[list[str], list[str]]:
    """Give a page its current starting text, field by field, where staff have not edited it.

    `starting_digests` maps field names to the SHA-256 of the text an earlier
    migration wrote; a field that still holds that text (whatever line endings the
    admin's form saved it with) is rewritten. Returns the fields rewritten and those
    left alone because staff changed them.
    """
    page = page_model.objects.filter(slug=slug).first()
    if page is None:
        return [], []
    fields = page_fields(slug)
    untouched, edited = [], []
    for name, digest in starting_digests.items():
        held = _digest(getattr(page, name))
        if held == digest:
            untouched.append(name)
        elif held != _digest(fields[name]):  # not the current text either: staff wrote it
            edited.append(name)
    for name in untouched:
        setattr(page, name, fields[name])
    if untouched:
        page.save(update_fields=untouched)
        _forget_cached_page(slug)
    return untouched, edited


def tell_operator_what_was_kept(slug, edited, change):
    """A migration's note for the fields staff had edited, which it left for them."""
    if edited:
        print(
            f"\n  The {slug} page's {', '.join(edited)} had been edited in the admin, so they "
            f"were kept. Update them by hand: {change}"
        )


def _digest(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").strip().encode()).hexdigest()


def _forget_cached_page(slug):
    # A migration's model sends no signals, so the cached page is moved on here, and
    # again at commit, as shop.pages does for a staff edit.
    from django.db import transaction

    from shop.cache_keys import bump
    from shop.pages import page_family

    bump(page_family(slug))
    transaction.on_commit(lambda: bump(page_family(slug)), robust=True)
