from django.core.management.base import BaseCommand

from catalog.alerts import forget_expired
from orders.accounts import forget_settled_emails
from shop.ratelimit import forget_old_sign_ins


class Command(BaseCommand):
    help = (
        "Delete what the privacy notice keeps only for a while: back-in-stock alerts never "
        "confirmed or sent long ago, sign-in records older than 30 days, and the email on "
        "closed accounts' orders once they are settled. Run daily."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Back-in-stock alerts deleted: {forget_expired()}")
        self.stdout.write(f"Sign-in records deleted: {forget_old_sign_ins()}")
        self.stdout.write(f"Closed accounts' order emails forgotten: {forget_settled_emails()}")
