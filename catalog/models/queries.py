from django.db import models
from django.db.models import CharField, Count, OuterRef, Prefetch, StringAgg, Subquery, Value
from django.db.models.functions import Cast
from django.utils.translation import get_language

from .translations import localized_text


class ReleaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def in_stock(self):
        return self.filter(stock__gt=0)

    def with_listing_data(self):
        """What a record card needs: label, artists and images, in three queries."""
        from .releases import ReleaseArtist

        return self.select_related("label").prefetch_related(
            Prefetch("release_artists", ReleaseArtist.objects.select_related("artist")),
            "images",
        )

    def for_product_page(self, language=None):
        """Everything the product page shows, in a fixed number of queries.

        One query for the release (with its label, original label, collection,
        the collection's size and the description in `language`), then one
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
