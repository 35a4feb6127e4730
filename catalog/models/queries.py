from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    StringAgg,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.utils.translation import get_language

from .translations import localized_text


def sold_out():
    """0 for a record with copies for sale, 1 for one without: ordered by it first,
    sold-out records come after all the others, each part in the order that follows."""
    return Case(When(stock__gt=0, then=Value(0)), default=Value(1), output_field=IntegerField())


def listing_prefetches():
    """What a record card reads besides the record and its label: artists and images."""
    from .releases import ReleaseArtist

    return [Prefetch("release_artists", ReleaseArtist.objects.select_related("artist")), "images"]


class ReleaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def in_stock(self):
        return self.filter(stock__gt=0)

    def sold_out_last(self, *ordering):
        """In this order, except that records with no copies for sale come last."""
        return self.order_by(sold_out(), *ordering)

    def back_in_stock(self, since):
        """Records restocked since then that still have copies, latest first."""
        return self.in_stock().filter(restocked__gte=since).order_by("-restocked", "-pk")

    def staff_picks(self, language=None):
        """The staff's picks in their order, each with its note in `language` as `pick_note`;
        sold-out picks after the others."""
        from .shelves import StaffPickTranslation

        note = localized_text(
            StaffPickTranslation.objects,
            "note",
            language or get_language(),
            parent="staff_pick__pk",
            fallback="staff_pick__note",
        )
        return (
            self.filter(staff_pick__isnull=False)
            .annotate(pick_note=note)
            .sold_out_last("staff_pick__position", "staff_pick__pk")
        )

    def with_listing_data(self):
        """What a record card needs: label, artists and images, in three queries."""
        return self.select_related("label").prefetch_related(*listing_prefetches())

    def for_product_page(self, language=None):
        """Everything the product page shows, in a fixed number of queries.

        One query for the release (with its label, original label, collection,
        the collection's size, and its description, colour and notes in
        `language` as `description_text`, `colour_text` and `notes_text`), then one
        each for artists, images, tracks, personnel, company credits and answered
        questions. Genres come as ids, named from a cached table (catalog.genres).
        """
        from .people import ArtistTranslation
        from .questions import Question
        from .releases import ReleaseArtist, ReleaseTranslation
        from .tracks import Credit, RoleTranslation

        language = language or get_language()
        release_artists = ReleaseArtist.objects.select_related("artist").annotate(
            biography_text=localized_text(
                ArtistTranslation.objects,
                "biography",
                language,
                parent="artist_id",
                fallback="artist__biography",
            )
        )
        credits = Credit.objects.select_related("artist").annotate(
            role_name=localized_text(
                RoleTranslation.objects, "name", language, parent="role_id", fallback="role__name"
            )
        )
        return (
            self.select_related("label", "original_label", "collection")
            .annotate(
                description_text=localized_text(
                    ReleaseTranslation.objects, "description", language
                ),
                colour_text=localized_text(ReleaseTranslation.objects, "colour", language),
                notes_text=localized_text(ReleaseTranslation.objects, "notes", language),
                collection_size=self._collection_size(),
                genre_ids=self._genre_ids(),
            )
            .prefetch_related(
                Prefetch("release_artists", release_artists),
                "images",
                "tracks",
                Prefetch("credits", credits),
                "company_credits",
                Prefetch(
                    "questions",
                    Question.objects.visible().order_by("-answered"),
                    to_attr="answered_questions",
                ),
            )
        )

    def _genre_ids(self):
        """The release's genre ids as "3,17": names come from the cached genre table."""
        links = (
            self.model.genres.through.objects.filter(release_id=OuterRef("pk"))
            .order_by()
            .values("release_id")
            .annotate(ids=StringAgg(Cast("genre_id", CharField()), Value(",")))
            .values("ids")
        )
        return Subquery(links)

    def _collection_size(self):
        """The number of published releases in this release's collection."""
        siblings = (
            self.model.objects.published()
            .filter(collection=OuterRef("collection"))
            .order_by()
            .values("collection")
            .annotate(size=Count("pk"))
            .values("size")
        )
        return Subquery(siblings)
