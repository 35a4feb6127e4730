from .alerts import StockAlert
from .collections import Collection, CollectionTranslation, Genre, GenreTranslation
from .images import CoverImage
from .people import Artist, ArtistTranslation, Label
from .questions import Question
from .releases import (
    Availability,
    DatePrecision,
    Format,
    FormatDescription,
    Release,
    ReleaseArtist,
    ReleaseTranslation,
)
from .shelves import StaffPick, StaffPickTranslation
from .stock import StockMovement
from .tracks import (
    CompanyCredit,
    CompanyRole,
    Credit,
    Role,
    RoleTranslation,
    Track,
    has_clips,
    tracks_by_side,
)

__all__ = [
    "Artist",
    "ArtistTranslation",
    "Availability",
    "Collection",
    "CollectionTranslation",
    "CompanyCredit",
    "CompanyRole",
    "CoverImage",
    "Credit",
    "DatePrecision",
    "Format",
    "FormatDescription",
    "Genre",
    "GenreTranslation",
    "Label",
    "Question",
    "Release",
    "ReleaseArtist",
    "ReleaseTranslation",
    "Role",
    "StaffPick",
    "StaffPickTranslation",
    "StockAlert",
    "StockMovement",
    "RoleTranslation",
    "Track",
    "has_clips",
    "tracks_by_side",
]
