"""Back up the database and the uploaded media into one tar.gz archive.

The archive holds manifest.json, the database (a pg_dump custom-format file, or an
SQLite copy made with SQLite's backup API) and media/ (a copy of MEDIA_ROOT). Media in
object storage are not copied: the bucket's own versioning or backups keep them.
`restore_shop` reads it back.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# restore_shop stages media in a folder of this name inside MEDIA_ROOT; never back one up.
STAGING_PREFIX = ".restore-"
SQLITE_LOCK_SECONDS = 30


def default_backup_dir():
    return Path(settings.VAR_DIR) / "backups"


def media_bucket():
    """The bucket's address (s3://bucket/prefix) when media live in one; None on local disk."""
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return None
    return f"s3://{storage.bucket_name}/{storage.location}".rstrip("/")


def engine_of(connection):
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(
            f"Backups support PostgreSQL and SQLite; this shop runs on {connection.vendor}."
        )
    return connection.vendor


def postgres_env(settings_dict):
    """libpq's environment for the connection, so that no password shows in `ps`."""
    env = os.environ.copy()
    values = {
        "PGDATABASE": settings_dict["NAME"],
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
    }
    options = settings_dict.get("OPTIONS", {})
    for option in ("sslmode", "sslrootcert", "sslcert", "sslkey", "passfile", "service"):
        values[f"PG{option.upper()}"] = options.get(option)
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def run_client(args, env):
    """Run pg_dump or pg_restore; a failure becomes a CommandError with its message."""
    try:
        result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise CommandError(f"{args[0]} is not installed (PostgreSQL client tools).") from error
    if result.returncode:
        raise CommandError(f"{args[0]} failed: {result.stderr.strip()}")


def sqlite_copy(source, target):
    """Copy one SQLite database over another with the backup API.

    The copy waits while another connection holds a lock; give up after a while
    rather than hang a timer or an operator's shell.
    """
    deadline = time.monotonic() + SQLITE_LOCK_SECONDS

    def give_up_when_locked_too_long(status, remaining, total):
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise CommandError(
                f"The SQLite database stayed locked for {SQLITE_LOCK_SECONDS} seconds; "
                "stop the shop's processes and try again."
            )

    source.backup(target, progress=give_up_when_locked_too_long)


def shop_version():
    """The checkout's version: production runs from the checkout, without installing it."""
    try:
        with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as f:
            return tomllib.load(f)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def migration_state():
    """The latest applied migration of each app, e.g. {"catalog": "0012_…"}."""
    latest = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def dump_database(engine, dump):
    if engine == "postgresql":
        run_client(
            ["pg_dump", "--format=custom", "--no-password", f"--file={dump}"],
            postgres_env(connection.settings_dict),
        )
        return
    # SQLite's backup API copies a consistent snapshot even while the shop writes,
    # which a file copy does not (and it also reaches the tests' in-memory database).
    connection.ensure_connection()
    target = sqlite3.connect(dump)
    try:
        sqlite_copy(connection.connection, target)
    finally:
        target.close()


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded media (MEDIA_ROOT) into one tar.gz archive, "
        "readable only by its owner. Restore it with `restore_shop`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Archive file, or a folder for shop-YYYYmmdd-HHMMSS.tar.gz "
            "(default: var/backups/).",
        )

    def handle(self, *args, path, **options):
        engine = engine_of(connection)
        archive = self.archive_path(path)
        media_root = Path(settings.MEDIA_ROOT)
        bucket = media_bucket()

        with tempfile.TemporaryDirectory(dir=archive.parent, prefix=".backup-") as work:
            dump = Path(work) / DATABASE_FILES[engine]
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(timespec="seconds"),
                "engine": engine,
                "database": dump.name,
                "migrations": migration_state(),
                "shop_version": shop_version(),
                "django_version": django.get_version(),
            }
            if bucket:
                manifest["media_bucket"] = bucket
            # The database first, then media: media files are only ever added, so every
            # file the dump refers to is in the archive.
            dump_database(engine, dump)
            partial = Path(work) / "archive.tar.gz"
            # 0600 from the start: the archive holds customers' names and addresses.
            with (
                os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f,
                tarfile.open(fileobj=f, mode="w:gz") as tar,
            ):
                manifest_file = Path(work) / MANIFEST
                manifest_file.write_text(json.dumps(manifest, indent=2) + "\n")
                tar.add(manifest_file, MANIFEST)
                tar.add(dump, dump.name)
                media_files = 0 if bucket else self.add_media(tar, media_root)
            # Renamed into place only when complete, so a failed run leaves no half archive.
            os.replace(partial, archive)

        if bucket:
            self.stdout.write(
                f"Backed up the {engine} database {connection.settings_dict['NAME']!r}. "
                f"Media are in object storage ({bucket}) and NOT in this archive: keep them "
                "with the bucket's versioning or its own backups."
            )
        else:
            self.stdout.write(
                f"Backed up the {engine} database {connection.settings_dict['NAME']!r} and "
                f"{media_files} media file(s) from {media_root}."
            )
        self.stdout.write(f"Archive: {archive} ({archive.stat().st_size:,} bytes)")

    def archive_path(self, path):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        name = f"shop-{stamp}.tar.gz"
        if not path:
            archive = default_backup_dir() / name
        elif Path(path).is_dir() or path.endswith(os.sep):
            archive = Path(path) / name
        else:
            archive = Path(path)
        archive = archive.absolute()
        if archive.exists():
            raise CommandError(f"{archive} already exists; choose another name.")
        archive.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return archive

    def add_media(self, tar, media_root):
        """Add MEDIA_ROOT as media/ and return how many files it holds."""
        if not media_root.is_dir():
            return 0  # nothing uploaded yet; restore makes an empty MEDIA_ROOT
        files = 0

        def keep(info):
            nonlocal files
            if info.name.startswith(f"media/{STAGING_PREFIX}"):
                return None
            files += info.isfile()
            return info

        tar.add(media_root, "media", filter=keep)
        return files
