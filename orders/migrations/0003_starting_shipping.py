import datetime
from decimal import Decimal

from django.db import migrations

EUROPE = (
    "AD AL AT BA BE BG CH CY CZ DE DK EE ES FI FO FR GI GR HR HU IE IS IT LI LT LU LV MC MD "
    "ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA"
).split()

# (zone, countries, rest of world, standard price, express price), in pounds.
ZONES = [
    ("United Kingdom", ["GB"], False, Decimal("3.95"), Decimal("7.95")),
    ("Europe", EUROPE, False, Decimal("9.95"), Decimal("17.95")),
    ("Rest of the world", [], True, Decimal("14.95"), Decimal("27.95")),
]


def add_shipping(apps, schema_editor):
    Zone = apps.get_model("orders", "ShippingZone")
    Method = apps.get_model("orders", "ShippingMethod")
    Rate = apps.get_model("orders", "ShippingRate")
    Dispatch = apps.get_model("orders", "DispatchSettings")
    standard = Method.objects.create(
        kind="standard", min_days=4, max_days=5, position=0,
        free_from=Decimal("100"), free_from_currency_id="USD",
    )
    express = Method.objects.create(kind="express", min_days=2, max_days=4, position=1)
    for name, countries, rest, standard_price, express_price in ZONES:
        zone = Zone.objects.create(name=name, countries=",".join(countries), rest_of_world=rest)
        Rate.objects.create(zone=zone, method=standard, price=standard_price)
        Rate.objects.create(zone=zone, method=express, price=express_price)
    Dispatch.objects.create(cutoff=datetime.time(14, 0), holiday_country="GB", holiday_subdivision="ENG")


class Migration(migrations.Migration):
    dependencies = [("orders", "0002_shipping"), ("shop", "0002_offered_currencies")]

    operations = [migrations.RunPython(add_shipping, migrations.RunPython.noop)]
