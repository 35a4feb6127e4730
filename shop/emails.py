"""Emails in the recipient's language, with plain-text and HTML parts."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_email(*, subject, template, context, to, language, headers=None):
    """Render `template`.txt and .html in `language` and send them.

    `subject` is an untranslated message id (mark it with gettext_noop) whose
    %(name)s placeholders are filled from `context`.
    """
    with translation.override(language):
        context = context | {"shop_name": settings.SHOP_NAME, "shop_url": settings.SHOP_URL}
        message = EmailMultiAlternatives(
            subject=translation.gettext(subject) % context,
            body=render_to_string(f"{template}.txt", context),
            to=to,
            headers=headers,
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
        message.send()
