from django.core.management.base import BaseCommand, CommandError

from catalog.stock import ledger_mismatches
from orders.books import money_mismatches
from orders.errors import PaymentProviderError


class Command(BaseCommand):
    help = (
        "Check that stock movements add up to every record's stock, and that every payment "
        "less its refunds matches what Stripe holds. Exits with status 1 on any difference."
    )

    def handle(self, *args, **options):
        stock = ledger_mismatches()
        for release in stock:
            self.stdout.write(f"Stock: {release}")
        try:
            money = money_mismatches()
        except PaymentProviderError as error:
            raise CommandError(f"Stripe could not be reached: {error}") from error
        for mismatch in money:
            self.stdout.write(
                f"Money: order {mismatch.order} payment {mismatch.payment_intent}: the shop "
                f"counts {mismatch.shop_holds}, Stripe holds {mismatch.stripe_holds}"
            )
        if stock or money:
            raise CommandError(f"{len(stock)} stock and {len(money)} money difference(s).")
        self.stdout.write("The books add up: stock and money.")
