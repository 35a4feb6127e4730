"""The returns page now tells shoppers to ask for a return from their order page.

Only a page whose text is still the starting text is rewritten: staff edits stay.
"""

from django.db import migrations

# SHA-256 of the starting English and Ukrainian bodies that 0003 wrote.
STARTING_BODIES = {
    "body": "3322090f5c6edb8e50c7494679d3d7c6be8c55ef6cead0383fd345b6ad863c63",
    "body_uk": "1e8cc24909c37fa163ecdb7cd3d28dd3d1df8624771f0116c58da5ea5a870fc5",
}


def rewrite_untouched_returns_page(apps, schema_editor):
    from shop.starting_pages import rewrite_untouched, tell_operator_what_was_kept

    _rewritten, edited = rewrite_untouched(
        apps.get_model("shop", "ShopPage"), "returns", STARTING_BODIES
    )
    tell_operator_what_was_kept(
        "returns", edited, "returns are now asked for from the shopper's order page."
    )


class Migration(migrations.Migration):
    dependencies = [("shop", "0005_accounts")]

    operations = [migrations.RunPython(rewrite_untouched_returns_page, migrations.RunPython.noop)]
