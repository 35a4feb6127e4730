import django.db.models.deletion
from django.db import migrations, models

# How the starting currencies are priced, as shops there price: whole hryvnias and
# dollar prices ending in .99. Pounds and euros keep the cent.
STARTING_ROUNDING = {"USD": "99", "UAH": "whole"}


def set_starting_rounding(apps, schema_editor):
    Currency = apps.get_model("shop", "Currency")
    for code, rule in STARTING_ROUNDING.items():
        # Only a currency still on the default rule: a staff choice is kept.
        Currency.objects.filter(code=code, rounding="minor").update(rounding=rule)


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_shop_pages")]

    operations = [
        migrations.AddField(
            model_name="currency",
            name="rounding",
            field=models.CharField(
                choices=[
                    ("minor", "To the minor unit (29.42)"),
                    ("half", "To the nearest half unit (29.50)"),
                    ("whole", "To whole units (29)"),
                    ("99", "Ending in .99 (28.99)"),
                ],
                default="minor",
                help_text=(
                    "How prices converted into this currency are rounded, on the shop's "
                    "pages, in carts and in orders alike."
                ),
                max_length=5,
                verbose_name="price rounding",
            ),
        ),
        migrations.CreateModel(
            name="DefaultCurrency",
            fields=[
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("uk", "Ukrainian")],
                        max_length=10,
                        primary_key=True,
                        serialize=False,
                        verbose_name="language",
                    ),
                ),
                (
                    "currency",
                    models.ForeignKey(
                        limit_choices_to={"active": True},
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="default_for",
                        to="shop.currency",
                        verbose_name="currency",
                    ),
                ),
            ],
            options={
                "verbose_name": "default currency for a language",
                "verbose_name_plural": "default currencies for languages",
                "ordering": ["language"],
            },
        ),
        migrations.RunPython(set_starting_rounding, migrations.RunPython.noop),
    ]
