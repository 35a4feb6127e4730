"""Restore an archive made by `backup_shop`: the database, then the uploaded media."""

import json
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .backup_shop import (
    DATABASE_FILES,
    FORMAT,
    MANIFEST,
    STAGING_PREFIX,
    engine_of,
    media_bucket,
    postgres_env,
    run_client,
    sqlite_copy,
)


def open_archive(archive):
    """Open the archive and read its whole index, so that a truncated file fails here."""
    try:
        tar = tarfile.open(archive, "r:gz")  # noqa: SIM115 (the caller closes it)
    except (OSError, tarfile.TarError) as error:
        raise CommandError(f"Cannot read {archive}: {error}") from error
    try:
        tar.getmembers()
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        tar.close()
        raise CommandError(f"Cannot read {archive}: {error}") from error
    return tar


def read_manifest(tar, archive):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise CommandError(
            f"{archive} is not a shop backup: it has no readable {MANIFEST}."
        ) from error
    if manifest.get("format") != FORMAT:
        raise CommandError(
            f"{archive} has backup format {manifest.get('format')!r}; this shop reads {FORMAT}."
        )
    return manifest


def refuse_while_others_connected():
    """pg_restore's DROPs would wait, unbounded, for any session using a table.

    (A dump resets lock_timeout to 0, so a timeout cannot be passed in.)
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        [others] = cursor.fetchone()
    if others:
        raise CommandError(
            f"{others} other session(s) are connected to the database "
            f"{connection.settings_dict['NAME']!r}. Stop the shop's web and worker "
            "processes (and close any psql) first; nothing was changed."
        )


def restore_database(engine, dump):
    if engine == "postgresql":
        refuse_while_others_connected()
    # Drop Django's own connection: it must hold no locks or cached statements across the swap.
    connection.close()
    if engine == "postgresql":
        run_client(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--no-password",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ],
            postgres_env(connection.settings_dict),
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        sqlite_copy(source, connection.connection)
    finally:
        source.close()
        connection.close()


def replace_media(media_root, restored, staging):
    """Swap MEDIA_ROOT's contents for the restored files.

    MEDIA_ROOT itself stays (it may be a mount point); what is in it goes, left-over
    staging folders of an interrupted restore included.
    """
    for entry in media_root.iterdir():
        if entry == staging:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if restored.is_dir():
        for entry in restored.iterdir():
            entry.rename(media_root / entry.name)


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded media (MEDIA_ROOT) with an archive made by "
        "`backup_shop`. Stop the shop's web and worker processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The shop-YYYYmmdd-HHMMSS.tar.gz to restore.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm that the current database and media are to be replaced.",
        )

    def handle(self, *args, archive, yes, **options):
        archive = Path(archive).absolute()
        engine = engine_of(connection)
        if connection.in_atomic_block:
            raise CommandError("restore_shop cannot run inside a database transaction.")
        media_root = Path(settings.MEDIA_ROOT)
        # Media in object storage are the bucket's to keep (its versions); only the database
        # is restored, and nothing on disk is touched.
        bucket = media_bucket()
        with open_archive(archive) as tar:
            manifest = read_manifest(tar, archive)
            if manifest["engine"] != engine:
                raise CommandError(
                    f"{archive} holds a {manifest['engine']} database, but this shop runs on "
                    f"{engine}. Restore it where DATABASE_URL points at {manifest['engine']}."
                )
            self.stdout.write(
                f"Archive {archive}: made {manifest['created']} by shop "
                f"{manifest['shop_version']}, {engine} database."
            )
            if not yes:
                also = (
                    f"and in {media_root}"
                    if not bucket
                    else f"(media in {bucket} are left as they are)"
                )
                raise CommandError(
                    f"Restoring replaces everything in the database "
                    f"{connection.settings_dict['NAME']!r} {also}. Stop the "
                    "shop's web and worker processes, then run again with --yes."
                )
            if not bucket:
                media_root.mkdir(parents=True, exist_ok=True)
            # Unpack everything before changing anything, so that a damaged archive or a
            # full disk leaves the shop as it was. Media is staged inside MEDIA_ROOT so
            # that moving it into place is a rename on the same file system.
            staging = Path(
                tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=None if bucket else media_root)
            )
            try:
                with tempfile.TemporaryDirectory(prefix="shop-restore-") as work:
                    members = tar.getmembers()
                    archived = [m for m in members if m.name.split("/")[0] == "media"]
                    media = [] if bucket else archived
                    database = [m for m in members if m.name == DATABASE_FILES[engine]]
                    if len(database) != 1 or not database[0].isfile():
                        raise CommandError(f"{archive} is damaged: it holds no database.")
                    # Only files and folders: a link checked against the staging folder
                    # could point out of MEDIA_ROOT once it is moved up into place.
                    if any(not (m.isfile() or m.isdir()) for m in media):
                        raise CommandError(f"{archive} holds links or devices in its media.")
                    try:
                        tar.extractall(work, members=database, filter="data")
                        tar.extractall(staging, members=media, filter="data")
                    except tarfile.TarError as error:
                        raise CommandError(f"{archive} is damaged: {error}") from error
                    restore_database(engine, Path(work) / DATABASE_FILES[engine])
                if not bucket:
                    replace_media(media_root, staging / "media", staging)
            finally:
                shutil.rmtree(staging, ignore_errors=True)

        files = sum(m.isfile() for m in archived)
        if bucket:
            self.stdout.write(
                f"Restored the {engine} database {connection.settings_dict['NAME']!r}. Media "
                f"are in object storage ({bucket}) and were left as they are; the archive "
                f"held {files} media file(s), not restored."
            )
        else:
            self.stdout.write(
                f"Restored the {engine} database {connection.settings_dict['NAME']!r} and "
                f"{files} media file(s) into {media_root}."
            )
        self.report_migrations(manifest)

    def report_migrations(self, manifest):
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write("The code has newer migrations: run `manage.py migrate` next.")
        unknown = [
            f"{app}.{name}"
            for app, name in manifest["migrations"].items()
            if (app, name) not in executor.loader.graph.nodes
        ]
        if unknown:
            self.stdout.write(
                f"The archive comes from newer code ({', '.join(unknown)}): deploy that "
                "version of the shop before starting it."
            )
