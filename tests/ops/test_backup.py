"""bin/backup and bin/restore round-trip the database and the uploaded media.

The commands run in-process against the test database: on SQLite it lives in memory,
where only this process's connection reaches it. On PostgreSQL the round trip goes
through pg_dump and pg_restore.
"""

import io
import json
import re
import subprocess
import tarfile
import tomllib
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from catalog.images import make_renditions
from catalog.models import CoverImage, Release
from orders.models import Order
from tests.factories import add_image, make_order, make_release
from tests.ops.sessions import end_other_sessions

ROOT = Path(__file__).resolve().parents[2]
OTHER_ENGINE = {"sqlite": "postgresql", "postgresql": "sqlite"}


@pytest.fixture(autouse=True)
def alone_on_the_database(transactional_db):
    """Restore refuses while other sessions are connected, as an operator's would. Earlier
    tests in this process leave some (the live server's thread, worker threads): end them,
    as the operator stops the web and worker processes first."""
    end_other_sessions()


@pytest.fixture
def media_root(settings, tmp_path):
    """A MEDIA_ROOT of the test's own, since a restore replaces everything in it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def media_files(media_root):
    return {
        str(path.relative_to(media_root)): path.read_bytes()
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


def test_restore_brings_back_the_rows_and_the_media(
    transactional_db, media_root, settings, tmp_path
):
    settings.VAR_DIR = tmp_path  # archives go to var/backups/ by default
    release = make_release(title="Kind of Blue")
    cover = add_image(release)
    make_renditions(cover)
    order = make_order(release, quantity=2)
    before = media_files(media_root)
    assert len(before) > 1  # the upload and its renditions

    output = run("backup_shop")
    [archive] = (tmp_path / "backups").iterdir()
    assert re.fullmatch(r"shop-\d{8}-\d{6}\.tar\.gz", archive.name)
    assert f"Archive: {archive}" in output
    assert archive.stat().st_mode & 0o777 == 0o600

    # After the backup: an edit, a deleted order, a new record, a lost and a stray file.
    Release.objects.filter(pk=release.pk).update(title="Changed")
    Order.objects.filter(pk=order.pk).delete()
    make_release(title="Added after the backup")
    Path(cover.image.path).unlink()
    (media_root / "stray.txt").write_text("not in the backup")

    with pytest.raises(CommandError, match="run again with --yes"):
        run("restore_shop", str(archive))
    assert Release.objects.get(pk=release.pk).title == "Changed"
    assert not Path(cover.image.path).exists()

    output = run("restore_shop", str(archive), "--yes")
    assert "Restored the" in output

    assert Release.objects.get(pk=release.pk).title == "Kind of Blue"
    restored_order = Order.objects.get(number=order.number)
    assert restored_order.lines.get().quantity == 2
    assert not Release.objects.filter(title="Added after the backup").exists()
    assert CoverImage.objects.get(pk=cover.pk).image.name == cover.image.name
    assert media_files(media_root) == before
    assert [p.name for p in media_root.iterdir()] == ["covers"]  # no staging left behind
    # The shop carries on writing after a restore (PostgreSQL's sequences came back too).
    assert make_release(title="After the restore").pk


def test_archive_says_what_it_holds(transactional_db, media_root, tmp_path):
    run("backup_shop", f"{tmp_path / 'offsite'}/")  # a folder, named with a trailing slash
    [archive] = (tmp_path / "offsite").iterdir()

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["engine"] == connection.vendor
    assert manifest["database"] in names
    with open(ROOT / "pyproject.toml", "rb") as f:
        assert manifest["shop_version"] == tomllib.load(f)["project"]["version"]
    applied = MigrationRecorder(connection).applied_migrations()
    assert ("catalog", manifest["migrations"]["catalog"]) in applied
    assert ("orders", manifest["migrations"]["orders"]) in applied

    with pytest.raises(CommandError, match="already exists"):
        run("backup_shop", str(archive))


def test_restore_refuses_an_archive_from_another_engine(transactional_db, media_root, tmp_path):
    make_release(title="Kept")
    archive = tmp_path / "shop.tar.gz"
    run("backup_shop", str(archive))
    other = OTHER_ENGINE[connection.vendor]
    foreign = tmp_path / f"from-{other}.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(foreign, "w:gz") as target:
        for member in source.getmembers():
            if member.name == "manifest.json":
                manifest = json.load(source.extractfile(member)) | {"engine": other}
                data = json.dumps(manifest).encode()
                member.size = len(data)
                target.addfile(member, io.BytesIO(data))
            else:
                target.addfile(member, source.extractfile(member))
    Release.objects.filter(title="Kept").update(title="Changed since")

    with pytest.raises(CommandError) as refusal:
        run("restore_shop", str(foreign), "--yes")
    assert f"holds a {other} database, but this shop runs on {connection.vendor}" in str(
        refusal.value
    )
    assert Release.objects.filter(title="Changed since").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL sessions")
def test_restore_refuses_while_another_session_is_connected(transactional_db, media_root, tmp_path):
    import psycopg

    make_release(title="Kept")
    archive = tmp_path / "shop.tar.gz"
    run("backup_shop", str(archive))
    Release.objects.filter(title="Kept").update(title="Changed since")

    web_process = psycopg.connect(**connection.get_connection_params())
    with web_process, pytest.raises(CommandError, match="1 other session"):
        run("restore_shop", str(archive), "--yes")
    assert Release.objects.filter(title="Changed since").exists()


def test_restore_refuses_links_in_the_media(transactional_db, media_root, tmp_path):
    """A tampered archive must not plant a link that leads out of MEDIA_ROOT once moved up."""
    make_release(title="Kept")
    archive = tmp_path / "shop.tar.gz"
    run("backup_shop", str(archive))
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            target.addfile(member, source.extractfile(member) if member.isfile() else None)
        link = tarfile.TarInfo("media/escape")
        link.type, link.linkname = tarfile.SYMTYPE, "../x"
        target.addfile(link)
    Release.objects.filter(title="Kept").update(title="Changed since")

    with pytest.raises(CommandError, match="holds links or devices in its media"):
        run("restore_shop", str(tampered), "--yes")
    assert Release.objects.filter(title="Changed since").exists()
    assert not (media_root / "escape").exists()


def test_restore_refuses_what_is_not_a_backup(transactional_db, media_root, tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Cannot read"):
        run("restore_shop", str(junk), "--yes")


@pytest.mark.parametrize(
    ("script", "command"), [("backup", "backup_shop"), ("restore", "restore_shop")]
)
def test_bin_scripts_run_the_commands(script, command):
    result = subprocess.run(
        [ROOT / "bin" / script, "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"manage.py {command}" in result.stdout
