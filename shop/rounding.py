"""How a shop rounds a converted price: to the cent, to whole units, to .99 endings...

Each rule is a grid of prices: whole multiples of a step, moved by an ending (the
.99 rule is every whole unit less one cent: 0.99, 1.99, 2.99...). A price goes to
the nearest point of its grid, half-way up, so it never strays more than half a
step from the exchange rate either way, and a converted price already on the grid
stays as it is. A positive price never rounds to nothing: the least it becomes is
the grid's first point above zero.
"""

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision
from django.db import models
from django.utils.translation import gettext_lazy as _


class PriceRounding(models.TextChoices):
    MINOR_UNIT = "minor", _("To the minor unit (29.42)")
    HALF_UNIT = "half", _("To the nearest half unit (29.50)")
    WHOLE_UNIT = "whole", _("To whole units (29)")
    NINETY_NINE = "99", _("Ending in .99 (28.99)")


def minor_unit(code: str) -> Decimal:
    """The currency's smallest coin as an amount: 0.01 for pounds, 1 for yen."""
    return Decimal(1).scaleb(-get_currency_precision(code))


def _grid(rule: str, code: str) -> tuple[Decimal, Decimal]:
    """The rule's step and ending."""
    match rule:
        case PriceRounding.HALF_UNIT:
            return Decimal("0.5"), Decimal(0)
        case PriceRounding.WHOLE_UNIT:
            return Decimal(1), Decimal(0)
        case PriceRounding.NINETY_NINE:
            return Decimal(1), -minor_unit(code)
        case _:
            return minor_unit(code), Decimal(0)


def round_price(amount: Decimal, rule: str, code: str) -> Decimal:
    """`amount` of currency `code` rounded by `rule`, at the currency's minor unit."""
    cent = minor_unit(code)
    if amount < 0:  # prices never are; a difference keeps its size either way
        return -round_price(-amount, rule, code)
    if amount == 0:
        return Decimal(0).quantize(cent)
    step, ending = _grid(rule, code)
    # A step finer than the currency's coin (half units of yen) is the coin.
    step = max(step, cent)
    steps = ((amount - ending) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (max(steps, 1) * step + ending).quantize(cent)
