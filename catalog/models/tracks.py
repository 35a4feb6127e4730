from itertools import groupby

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..clips import clip_type, clip_upload_to, validate_clip
from .people import Artist
from .releases import Release
from .translations import Translation

side_validator = RegexValidator(r"^[A-Z]?$", _("A side is a single capital letter: A, B, C…"))


class Track(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="tracks")
    side = models.CharField(
        _("side"),
        max_length=1,
        blank=True,
        validators=[side_validator],
        help_text=_("A, B, C… Leave empty for a CD."),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=300)
    duration = models.DurationField(_("duration"), null=True, blank=True)
    clip = models.FileField(
        _("audio clip"),
        upload_to=clip_upload_to,
        max_length=200,
        blank=True,
        validators=[validate_clip],
        help_text=_("A short excerpt for shoppers to listen to: MP3, Ogg or WAV."),
    )
    # How long the clip plays, when its format says so (WAV); see catalog.clips.
    clip_duration = models.DurationField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["side", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "side", "position"], name="unique_track_position"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def code(self):
        """ "A1", "B5", or just "3" on a CD."""
        return f"{self.side}{self.position}"

    @property
    def clip_type(self):
        return clip_type(self.clip.name) if self.clip else ""

    @property
    def duration_display(self):
        if self.duration is None:
            return ""
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"


def tracks_by_side(tracks):
    """[("A", [A1, A2…]), ("B", [...])] from tracks already ordered by side and position."""
    return [(side, list(side_tracks)) for side, side_tracks in groupby(tracks, lambda t: t.side)]


def has_clips(sides):
    """Whether any track in tracks_by_side()'s groups has a clip to listen to."""
    return any(track.clip for _side, tracks in sides for track in tracks)


class Role(models.Model):
    """What a contributor did on a release: an instrument ("Trumpet") or a job ("Producer")."""

    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("role or instrument")
        verbose_name_plural = _("roles and instruments")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoleTranslation(Translation):
    parent = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("name translation")
        verbose_name_plural = _("name translations")
        constraints = [
            models.UniqueConstraint(fields=["parent", "language"], name="unique_role_language")
        ]

    def __str__(self):
        return self.name


class Credit(models.Model):
    """A musician or other contributor and what they did: "Pierre Michelot – Bass"."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="credits")
    artist = models.ForeignKey(
        Artist, on_delete=models.PROTECT, related_name="credits", verbose_name=_("artist")
    )
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="credits", verbose_name=_("role or instrument")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("credit")
        verbose_name_plural = _("personnel")
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.artist} – {self.role}"


class CompanyRole(models.TextChoices):
    RECORDED_AT = "recorded_at", _("Recorded at")
    MASTERED_AT = "mastered_at", _("Mastered at")
    COPYRIGHT = "copyright", _("Copyright ©")
    PHONOGRAPHIC_COPYRIGHT = "phonographic_copyright", _("Phonographic copyright ℗")
    LICENSED_FROM = "licensed_from", _("Licensed from")
    MANUFACTURED_BY = "manufactured_by", _("Manufactured by")
    PRESSED_BY = "pressed_by", _("Pressed by")
    DISTRIBUTED_BY = "distributed_by", _("Distributed by")


class CompanyCredit(models.Model):
    """A company's part in the release: "Distributed by OpenReelTopReel Hub"."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="company_credits")
    role = models.CharField(_("role"), max_length=30, choices=CompanyRole)
    name = models.CharField(_("company"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("company credit")
        verbose_name_plural = _("companies")
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"
