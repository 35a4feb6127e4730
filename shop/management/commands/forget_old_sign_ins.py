import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand
from django.utils import timezone

# As the privacy notice promises: long enough to see a password-guessing run, no longer.
KEPT_FOR = datetime.timedelta(days=30)


class Command(BaseCommand):
    help = (
        "Delete the records of sign-ins and wrong passwords (email typed, network address, "
        f"browser) older than {KEPT_FOR.days} days. Run daily."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - KEPT_FOR
        deleted = sum(
            model.objects.filter(attempt_time__lt=cutoff).delete()[0]
            for model in (AccessLog, AccessAttempt, AccessFailureLog)
        )
        self.stdout.write(f"{deleted} sign-in record(s) older than {KEPT_FOR.days} days deleted.")
