import django.db.models.deletion
from django.db import migrations, models

import catalog.models.translations


class Migration(migrations.Migration):
    dependencies = [("catalog", "0010_ukrainian_texts")]

    operations = [
        migrations.CreateModel(
            name="StaffPick",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Lower numbers come first on the home page.",
                        verbose_name="position",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="One line on why it is worth hearing, shown under the record.",
                        max_length=120,
                        verbose_name="note",
                    ),
                ),
                (
                    "release",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="staff_pick",
                        to="catalog.release",
                        verbose_name="release",
                    ),
                ),
            ],
            options={
                "verbose_name": "staff pick",
                "verbose_name_plural": "staff picks",
                "ordering": ["position", "pk"],
            },
        ),
        migrations.CreateModel(
            name="StaffPickTranslation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=catalog.models.translations.translation_languages,
                        max_length=10,
                        verbose_name="language",
                    ),
                ),
                ("note", models.CharField(max_length=120, verbose_name="note")),
                (
                    "parent",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="translations",
                        to="catalog.staffpick",
                    ),
                ),
            ],
            options={
                "verbose_name": "note translation",
                "verbose_name_plural": "note translations",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("parent", "language"), name="unique_staff_pick_language"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="release",
            index=models.Index(
                models.Case(
                    models.When(stock__gt=0, then=models.Value(0)),
                    default=models.Value(1),
                    output_field=models.IntegerField(),
                ),
                models.OrderBy(models.F("created"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("published", True)),
                name="release_sold_out_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="release",
            index=models.Index(
                models.OrderBy(models.F("restocked"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("restocked__isnull", False)),
                name="release_restocked",
            ),
        ),
    ]
