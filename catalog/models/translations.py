"""Per-language texts (descriptions, biographies) that fall back to the default language.

The default-language text lives on the model itself; other languages are rows in
a small translation table. Pages read the right one through a single annotation,
so translation costs no extra query.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _


def translation_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class Translation(models.Model):
    language = models.CharField(_("language"), max_length=10, choices=translation_languages)

    class Meta:
        abstract = True


def localized_text(translations, field, language, *, parent="pk", fallback=None):
    """An expression for `field` in `language`, falling back to the default-language column.

    `translations` is the translation model's manager or queryset. `parent` is
    the outer reference to the translated row, `fallback` the column to fall
    back to (by default `field` itself).
    """
    fallback = F(fallback or field)
    if language == settings.LANGUAGE_CODE:
        return fallback
    translated = translations.filter(parent=OuterRef(parent), language=language).values(field)[:1]
    text = models.TextField()
    return Coalesce(
        NullIf(Subquery(translated), Value(""), output_field=text), fallback, output_field=text
    )
