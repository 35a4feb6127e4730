"""Translated colour and notes for releases, and a translated name for artists.

Every translated text may be left empty, and then falls back to the default language."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0009_track_clips")]

    operations = [
        migrations.AlterModelOptions(
            name="artisttranslation",
            options={"verbose_name": "translation", "verbose_name_plural": "translations"},
        ),
        migrations.AlterModelOptions(
            name="releasetranslation",
            options={"verbose_name": "translation", "verbose_name_plural": "translations"},
        ),
        migrations.AddField(
            model_name="artisttranslation",
            name="name",
            field=models.CharField(
                blank=True,
                help_text="For example “Майлз Девіс”.",
                max_length=200,
                verbose_name="name",
            ),
        ),
        migrations.AddField(
            model_name="releasetranslation",
            name="colour",
            field=models.CharField(
                blank=True, help_text="For example “Жовтий”.", max_length=60, verbose_name="colour"
            ),
        ),
        migrations.AddField(
            model_name="releasetranslation",
            name="notes",
            field=models.TextField(blank=True, verbose_name="notes"),
        ),
        migrations.AlterField(
            model_name="artisttranslation",
            name="biography",
            field=models.TextField(blank=True, verbose_name="biography"),
        ),
        migrations.AlterField(
            model_name="releasetranslation",
            name="description",
            field=models.TextField(blank=True, verbose_name="description"),
        ),
    ]
