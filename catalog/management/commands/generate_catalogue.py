import time

from django.core.management.base import BaseCommand

from catalog.freshness import catalogue_changed
from catalog.synthetic import generate, remove_synthetic


class Command(BaseCommand):
    help = (
        "Generate a large synthetic catalogue for benchmarks (100,000 releases by default), "
        "deterministic from --seed. Not demo data: --remove deletes it again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--remove", action="store_true", help="Only delete generated rows.")

    def handle(self, *args, releases, seed, remove, **options):
        started = time.monotonic()
        remove_synthetic()
        if not remove:
            generate(releases=releases, seed=seed, log=self.stdout.write)
        catalogue_changed()  # bulk writes send no signals: running shops count afresh
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.0f} s."))
