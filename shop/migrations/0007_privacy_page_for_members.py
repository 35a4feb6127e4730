"""The privacy notice now covers accounts, sign-ins, back-in-stock alerts, all six cookies,
"Download my data" and closing an account.

Only text still as 0003 wrote it is rewritten, field by field: staff edits stay.
"""

from django.db import migrations

# SHA-256 of the starting English and Ukrainian fields that 0003 wrote.
STARTING_FIELDS = {
    "body": "8e8fc2b7a820ae27003bc651205e64218af1c312cb830e6c1e5663e49018a6b5",
    "body_uk": "4a5ac3a4b7ca6e4b8425e8a1351a7ffff7a8f684ec3541f208a0b15dd92f082d",
    "description": "f0569b22bbc355c9ba63c10f12a2db0c1591fd81f1d95b7bb70f88803d1cb8dc",
    "description_uk": "451c8fe3cb10acbb77c5350d7233e8f5273950ce20b1c50935923fc73a193b3d",
}


def rewrite_untouched_privacy_page(apps, schema_editor):
    from shop.starting_pages import rewrite_untouched, tell_operator_what_was_kept

    _rewritten, edited = rewrite_untouched(
        apps.get_model("shop", "ShopPage"), "privacy", STARTING_FIELDS
    )
    tell_operator_what_was_kept(
        "privacy",
        edited,
        "the notice should now cover accounts, sign-in records, back-in-stock alerts, "
        "'Download my data', closing an account and the six cookies "
        "(shop/starting_pages/privacy.en.txt has the new text).",
    )


class Migration(migrations.Migration):
    dependencies = [("shop", "0006_returns_page_text")]

    operations = [migrations.RunPython(rewrite_untouched_privacy_page, migrations.RunPython.noop)]
