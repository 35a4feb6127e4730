from django.core.management.base import BaseCommand

from orders.reservations import expire_reservations


class Command(BaseCommand):
    help = "Give back the copies of unpaid orders whose reservation has lapsed. Run every minute."

    def handle(self, *args, **options):
        released = expire_reservations()
        self.stdout.write(f"{released} reservation{'s' if released != 1 else ''} released.")
