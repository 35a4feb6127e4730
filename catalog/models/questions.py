from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .releases import Release


class QuestionQuerySet(models.QuerySet):
    def visible(self):
        """Answered questions that staff have not hidden: what the product page shows."""
        return self.filter(hidden=False).exclude(answer="")

    def awaiting_answer(self):
        return self.filter(hidden=False, answer="")


class Question(models.Model):
    """A shopper's question about a record, answered by staff and shown on its page."""

    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="questions", verbose_name=_("release")
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_(
            "Never shown; the answer is sent here. Empty once the shopper closed their account."
        ),
    )
    body = models.TextField(_("question"), max_length=2000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    asked = models.DateTimeField(_("asked"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("answered by"),
    )
    hidden = models.BooleanField(
        _("hidden"), default=False, help_text=_("Hidden questions never appear on the page.")
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-asked"]
        indexes = [models.Index(fields=["release", "-asked"], name="question_release_asked")]

    def __str__(self):
        return self.body[:60]
