from django.core.management.base import BaseCommand

from catalog.alerts import forget_unconfirmed


class Command(BaseCommand):
    help = "Delete guests' back-in-stock alerts whose confirmation link expired unused. Run daily."

    def handle(self, *args, **options):
        deleted = forget_unconfirmed()
        self.stdout.write(f"{deleted} unconfirmed alert{'s' if deleted != 1 else ''} deleted.")
