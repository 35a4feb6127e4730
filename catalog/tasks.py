"""Background work for the catalogue: emails about product questions and back-in-stock alerts."""

import logging
import smtplib

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from shop.emails import send_email
from shop.tasks import retry_later

from . import alerts
from .models import Question, StockAlert

log = logging.getLogger(__name__)

SUBJECTS = {
    "stock_alert_confirm": gettext_noop("Confirm your alert for %(title)s"),
    "back_in_stock": gettext_noop("%(title)s is back in stock"),
}


@task
def tell_staff_about_question(question_id):
    question = Question.objects.select_related("release").get(pk=question_id)
    send_email(
        subject=gettext_noop("New question about %(title)s"),
        template="catalog/emails/staff_question",
        context={
            "question": question,
            "title": question.release.title,
            "admin_path": reverse("admin:catalog_question_change", args=[question.pk]),
        },
        to=settings.STAFF_EMAILS,
        language=settings.LANGUAGE_CODE,
    )


@task
def email_answer_to_shopper(question_id):
    question = Question.objects.select_related("release").get(pk=question_id)
    with translation.override(question.language):
        page_path = question.release.get_absolute_url()
    send_email(
        subject=gettext_noop("Your question about %(title)s"),
        template="catalog/emails/answer",
        context={"question": question, "title": question.release.title, "page_path": page_path},
        to=[question.email],
        language=question.language,
    )


# SMTP servers that are down or refuse for a while raise these.
MAIL_OUTAGES = (OSError, smtplib.SMTPException)


@task
def email_stock_alert_confirmation(alert_id, attempt=1):
    """A guest's link to confirm their back-in-stock alert."""
    alert = StockAlert.objects.live().select_related("release").filter(pk=alert_id).first()
    if alert is None or alert.confirmed is not None:
        return  # gone, or confirmed meanwhile: no link is needed
    with translation.override(alert.language):
        context = {
            "title": alert.release.full_title,
            "page_path": alert.release.get_absolute_url(),
            "confirm_path": reverse(
                "catalog:confirm_alert", args=[alerts.confirmation_code(alert)]
            ),
            "days": alerts.CONFIRM_WITHIN.days,
        }
    try:
        _send_alert_email(alert, "stock_alert_confirm", context)
    except MAIL_OUTAGES as error:
        retry_later(email_stock_alert_confirmation, alert_id, attempt=attempt, error=error)


@task
def send_back_in_stock_alerts(release_id):
    """A record is back: its confirmed alerts are emailed in batches, one task each."""
    for batch in alerts.batches_of_due_alerts(release_id):
        email_back_in_stock.enqueue(batch)


@task
def email_back_in_stock(alert_ids, attempt=1):
    """Email each alert of the batch once; those the mail server refused are tried again later."""
    failed, outage = [], None
    for alert_id in alert_ids:
        if not alerts.claim(alert_id):
            continue  # unsubscribed, or sent by an earlier attempt
        try:
            _email_one_alert(alert_id)
        except MAIL_OUTAGES as error:
            alerts.unclaim(alert_id)
            failed.append(alert_id)
            outage = error
        except Exception:
            # One broken alert must not stop the rest: it stays unsent for the next restock.
            log.exception("Back-in-stock alert %s could not be emailed", alert_id)
            alerts.unclaim(alert_id)
    if failed:
        retry_later(email_back_in_stock, failed, attempt=attempt, error=outage)


def _email_one_alert(alert_id):
    alert = StockAlert.objects.select_related("release").get(pk=alert_id)
    with translation.override(alert.language):
        context = {
            "title": alert.release.full_title,
            "page_path": alert.release.get_absolute_url(),
        }
    _send_alert_email(alert, "back_in_stock", context)


def _send_alert_email(alert, template, context):
    with translation.override(alert.language):
        unsubscribe_url = settings.SHOP_URL + reverse(
            "catalog:unsubscribe_alert", args=[alert.token]
        )
    send_email(
        subject=SUBJECTS[template],
        template=f"catalog/emails/{template}",
        context=context | {"unsubscribe_url": unsubscribe_url},
        to=[alert.email],
        language=alert.language,
        # One-click unsubscribe from the mail client (RFC 8058): a POST to the same link.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
