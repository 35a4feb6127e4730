from django.db import migrations, models


def add_starting_pages(apps, schema_editor):
    from shop.starting_pages import create_missing_pages

    create_missing_pages(apps.get_model("shop", "ShopPage"))


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_offered_currencies")]

    operations = [
        migrations.CreateModel(
            name="ShopPage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        choices=[
                            ("shipping", "Shipping"),
                            ("returns", "Returns"),
                            ("contact", "Contact us"),
                            ("about", "About us"),
                            ("privacy", "Privacy"),
                            ("terms", "Terms"),
                        ],
                        max_length=20,
                        unique=True,
                        verbose_name="page",
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="title")),
                (
                    "description",
                    models.CharField(
                        help_text="One or two sentences for search engines and link previews.",
                        max_length=160,
                        verbose_name="meta description",
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        help_text=(
                            "Plain text: an empty line starts a new paragraph, and web and email "
                            "addresses become links. HTML is shown as typed."
                        ),
                        verbose_name="text",
                    ),
                ),
                (
                    "title_uk",
                    models.CharField(blank=True, max_length=120, verbose_name="title in Ukrainian"),
                ),
                (
                    "description_uk",
                    models.CharField(
                        blank=True, max_length=160, verbose_name="meta description in Ukrainian"
                    ),
                ),
                (
                    "body_uk",
                    models.TextField(
                        blank=True,
                        help_text="Left empty, the English text is shown.",
                        verbose_name="text in Ukrainian",
                    ),
                ),
                ("published", models.BooleanField(default=True, verbose_name="published")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="updated")),
            ],
            options={
                "verbose_name": "shop page",
                "verbose_name_plural": "shop pages",
                "ordering": ["slug"],
            },
        ),
        migrations.RunPython(add_starting_pages, migrations.RunPython.noop),
    ]
