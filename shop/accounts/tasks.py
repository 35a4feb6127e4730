"""Account emails, sent in the shopper's language through the task queue."""

import smtplib

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_noop

from ..emails import send_email
from ..tasks import enqueue_in_transaction, retry_later
from .tokens import make_token

SUBJECTS = {
    "verify": gettext_noop("Confirm your email for %(shop_name)s"),
    "already_registered": gettext_noop("You already have an account at %(shop_name)s"),
    "reset": gettext_noop("Set a new password for %(shop_name)s"),
    "change_email": gettext_noop("Confirm your new email for %(shop_name)s"),
    "email_changed": gettext_noop("Your email at %(shop_name)s is changing"),
    "closed": gettext_noop("Your account at %(shop_name)s is closed"),
}
MAIL_OUTAGES = (OSError, smtplib.SMTPException)


def email_account(kind, *, to, language, user=None, new_email=""):
    """Queue the `kind` account email in the current transaction."""
    user_id = user.pk if user is not None else None
    enqueue_in_transaction(
        send_account_email, kind, to=to, language=language, user_id=user_id, new_email=new_email
    )


def _link(kind, user, new_email):
    """The path the email's button opens, made when the email is sent."""
    if kind == "verify":
        return reverse("account:verify", args=[make_token(user, purpose="verify")])
    if kind == "change_email":
        token = make_token(user, purpose="change_email", email=new_email)
        return reverse("account:confirm_email", args=[token])
    if kind == "reset":
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        return reverse("account:reset_confirm", args=[uid, token])
    if kind == "already_registered":
        return reverse("account:login")
    return ""


@task
def send_account_email(kind, *, to, language, user_id=None, new_email="", attempt=1):
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user_id and user is None:
        return  # the account was closed before the email went out
    with translation.override(language):
        path = _link(kind, user, new_email)
    try:
        send_email(
            subject=SUBJECTS[kind],
            template=f"shop/accounts/emails/{kind}",
            context={"path": path, "new_email": new_email, "email": to},
            to=[to],
            language=language,
        )
    except MAIL_OUTAGES as error:
        retry_later(
            send_account_email,
            kind,
            to=to,
            language=language,
            user_id=user_id,
            new_email=new_email,
            attempt=attempt,
            error=error,
        )
