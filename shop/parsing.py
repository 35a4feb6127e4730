"""Reading untrusted values: anything that fails to parse is simply not accepted.

Numbers are ASCII decimal digits within a range: no NaN, no infinity, no
exponent, no digits from other scripts, nothing that overflows a database
column. Text loses control characters. Redirect targets are local paths only.
"""

import re
import unicodedata
import uuid
from decimal import Decimal

from django.utils.http import url_has_allowed_host_and_scheme

# The largest value a 64-bit signed database column holds.
BIGGEST_ID = 2**63 - 1
_WHOLE = re.compile(r"[0-9]{1,19}", re.ASCII)
_DECIMAL = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,2})?", re.ASCII)
# Bidirectional overrides can make text read differently from what it is.
_BIDI_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
MAX_REDIRECT_LENGTH = 2000


def is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def parse_whole(value, *, low=0, high=BIGGEST_ID) -> int | None:
    """A whole number written in ASCII digits, within [low, high]; otherwise None."""
    text = str(value if value is not None else "").strip()
    if not _WHOLE.fullmatch(text):
        return None
    number = int(text)
    return number if low <= number <= high else None


def parse_amount(value, *, high=Decimal(10) ** 9) -> Decimal | None:
    """A non-negative amount like 25 or 19.95, at most `high`; otherwise None."""
    text = str(value if value is not None else "").strip()
    if not _DECIMAL.fullmatch(text):
        return None
    amount = Decimal(text)
    return amount if amount <= high else None


def clean_text(value, *, max_length=None, multiline=False) -> str:
    """Text without control characters (keeping line breaks and tabs if `multiline`),
    cut to `max_length`."""
    kept = "\n\t" if multiline else ""
    return "".join(
        ch
        for ch in str(value)
        if ch in kept or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )[:max_length]


def local_path(value, *, host) -> str | None:
    """A redirect target on this site: a path beginning with one slash, else None.

    Never a scheme, another host, a protocol-relative `//host`, or a bare word
    that `redirect()` would try to reverse as a URL name.
    """
    text = str(value or "")
    if not text.startswith("/") or text.startswith("//") or len(text) > MAX_REDIRECT_LENGTH:
        return None
    if text != clean_text(text, max_length=MAX_REDIRECT_LENGTH) or "\\" in text:
        return None
    return text if url_has_allowed_host_and_scheme(text, allowed_hosts={host}) else None
