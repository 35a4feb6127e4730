from django.core.management.base import BaseCommand

from catalog.demo.loader import load_demo_catalogue
from catalog.models import Release
from shop.models import ShopPage
from shop.starting_pages import create_missing_pages


class Command(BaseCommand):
    help = "Load the demo catalogue: New Ermitage jazz and soul reissues. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the catalogue already has releases.",
        )

    def handle(self, *args, if_empty, **options):
        # The shop pages (shipping, returns...): any missing one is put back, and
        # pages staff have edited are kept as they are.
        if created := create_missing_pages(ShopPage):
            self.stdout.write(f"Created {created} shop pages.")
        if if_empty and Release.objects.exists():
            self.stdout.write("The catalogue already has releases; demo data not loaded.")
            return
        count = load_demo_catalogue()
        self.stdout.write(self.style.SUCCESS(f"Loaded {count} demo releases."))
