import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from orders.errors import PaymentProviderError
from orders.reconcile import reconcile_payments


class Command(BaseCommand):
    help = (
        "Compare recent Checkout Sessions and refunds at Stripe with the orders: complete what "
        "a lost webhook missed, retry overdue refunds, and flag what does not add up. Run every "
        "15 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="How far back to look (3).")

    def handle(self, *args, days, **options):
        since = timezone.now() - datetime.timedelta(days=days)
        try:
            report = reconcile_payments(since=since)
        except PaymentProviderError as error:
            raise CommandError(f"Stripe could not be reached: {error}") from error
        for label, numbers in [
            ("Payments completed", report.payments_completed),
            ("Expired sessions released", report.sessions_expired),
            ("Refunds completed", report.refunds_completed),
            ("Refunds retried", report.refunds_retried),
            ("Orders flagged", report.flagged),
        ]:
            self.stdout.write(f"{label}: {len(numbers)} {' '.join(numbers)}".rstrip())
