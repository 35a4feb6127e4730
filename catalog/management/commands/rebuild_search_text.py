from django.core.management.base import BaseCommand

from catalog.freshness import catalogue_changed
from catalog.models import Release
from catalog.search_index import refresh_search_text

BATCH = 2000


class Command(BaseCommand):
    help = "Rebuild every release's search text (after an import or an upgrade)."

    def handle(self, *args, **options):
        ids = list(Release.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            refresh_search_text(ids[start : start + BATCH])
        catalogue_changed()  # searches in running shops use the new text at once
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the search text of {len(ids)} releases."))
