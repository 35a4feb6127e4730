from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import Release
from .translations import Translation


class StaffPick(models.Model):
    """A record the staff recommend on the home page, in the order they choose."""

    release = models.OneToOneField(
        Release, on_delete=models.CASCADE, related_name="staff_pick", verbose_name=_("release")
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on the home page.")
    )
    note = models.CharField(
        _("note"),
        max_length=120,
        blank=True,
        help_text=_("One line on why it is worth hearing, shown under the record."),
    )

    class Meta:
        verbose_name = _("staff pick")
        verbose_name_plural = _("staff picks")
        ordering = ["position", "pk"]

    def __str__(self):
        return str(self.release)


class StaffPickTranslation(Translation):
    parent = models.ForeignKey(StaffPick, on_delete=models.CASCADE, related_name="translations")
    note = models.CharField(_("note"), max_length=120)

    class Meta:
        verbose_name = _("note translation")
        verbose_name_plural = _("note translations")
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "language"], name="unique_staff_pick_language"
            )
        ]

    def __str__(self):
        return self.note
