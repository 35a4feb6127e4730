"""More from this artist, label and collection: one query for all three shelves."""

import json
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import connection
from django.urls import reverse

from .models import Artist, CoverImage, Release, ReleaseArtist
from .models.images import rendition_name

PER_SHELF = 4
CENTS = Decimal("0.01")


@dataclass(frozen=True)
class RelatedRecord:
    pk: int
    title: str
    artist: str
    url: str
    price: Decimal
    thumbnail_url: str | None


def more_from(release):
    """{"artist": [...], "label": [...], "collection": [...]}, newest first, up to 4 each.

    Raw SQL on the product page's hot path: the query is fixed, and building it
    through the ORM cost ten times what the database takes to answer it.
    """
    artist_ids = [credit.artist_id for credit in release.release_artists.all()]
    query, params = _shelves_sql(artist_ids, release)
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        columns = [column[0] for column in cursor.description]
        rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
    shelves = {0: [], 1: [], 2: []}
    for row in rows:
        shelves[row["shelf"]].append(_record(row))
    return {"artist": shelves[0], "collection": shelves[1], "label": shelves[2]}


def _shelves_sql(artist_ids, release):
    """The newest PER_SHELF published records on each shelf: by an artist of this
    record, else in its collection, else on its label.

    The candidates are a union of indexed lookups (an OR across them would scan
    every release), and the first artist and cover are read for the chosen rows only.
    """
    releases, credits = Release._meta.db_table, ReleaseArtist._meta.db_table
    artists, covers = Artist._meta.db_table, CoverImage._meta.db_table
    placeholders = ", ".join(["%s"] * len(artist_ids)) or "NULL"
    by_artist = f"SELECT release_id FROM {credits} WHERE artist_id IN ({placeholders})"
    query = f"""
        SELECT ranked.*,
            (SELECT a.name FROM {credits} c JOIN {artists} a ON a.id = c.artist_id
             WHERE c.release_id = ranked.id ORDER BY c.position, c.id LIMIT 1) AS first_artist,
            (SELECT i.image FROM {covers} i
             WHERE i.release_id = ranked.id ORDER BY i.position, i.id LIMIT 1) AS cover,
            (SELECT i.rendition_widths FROM {covers} i
             WHERE i.release_id = ranked.id ORDER BY i.position, i.id LIMIT 1) AS cover_widths
        FROM (
            SELECT shelved.*,
                ROW_NUMBER() OVER (PARTITION BY shelf ORDER BY created DESC, id) AS place
            FROM (
                SELECT r.id, r.title, r.slug, r.current_price, r.created,
                    CASE WHEN r.id IN ({by_artist}) THEN 0
                         WHEN r.collection_id = %s THEN 1 ELSE 2 END AS shelf
                FROM {releases} r
                WHERE r.published AND r.id <> %s AND r.id IN (
                    {by_artist}
                    UNION SELECT id FROM {releases} WHERE label_id = %s
                    UNION SELECT id FROM {releases} WHERE collection_id = %s
                )
            ) shelved
        ) ranked
        WHERE place <= %s
        ORDER BY shelf, place
    """
    collection = release.collection_id
    params = [*artist_ids, collection, release.pk, *artist_ids, release.label_id, collection]
    return query, [*params, PER_SHELF]


def _record(row):
    thumbnail = None
    if row["cover"]:
        widths = row["cover_widths"] or []
        if isinstance(widths, str):  # SQLite hands JSON back as text
            widths = json.loads(widths)
        name = rendition_name(row["cover"], 240) if 240 in widths else row["cover"]
        thumbnail = default_storage.url(name)
    return RelatedRecord(
        pk=row["id"],
        title=row["title"],
        artist=row["first_artist"] or "",
        url=reverse("catalog:release", kwargs={"slug": row["slug"]}),
        price=Decimal(str(row["current_price"])).quantize(CENTS),
        thumbnail_url=thumbnail,
    )
