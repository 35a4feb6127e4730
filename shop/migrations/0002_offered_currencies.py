from decimal import Decimal

from django.db import migrations

# Starting rates from one pound; staff keep them current in the admin.
STARTING_RATES = [
    ("GBP", Decimal("1"), 0),
    ("USD", Decimal("1.27"), 1),
    ("EUR", Decimal("1.17"), 2),
    ("UAH", Decimal("52.50"), 3),
]


def add_currencies(apps, schema_editor):
    Currency = apps.get_model("shop", "Currency")
    for code, rate, position in STARTING_RATES:
        Currency.objects.get_or_create(code=code, defaults={"rate": rate, "position": position})


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_currencies")]

    operations = [migrations.RunPython(add_currencies, migrations.RunPython.noop)]
