"""What the catalogue does when a member downloads their data or closes their account.

A member follows records by their email, which they proved to own before they
could sign in; the alerts go with the account. Questions stay on the product
page, since other shoppers read them, but the email they were answered at is
forgotten.
"""

from .models import Question, StockAlert


def export_alerts_and_questions(sender, user, **kwargs):
    """The records the member follows and the questions they asked, for "Download my data"."""
    alerts = StockAlert.objects.filter(email__iexact=user.email).select_related("release")
    questions = Question.objects.filter(email__iexact=user.email).select_related("release")
    return {
        "back_in_stock_alerts": [
            {
                "title": alert.release.full_title,
                "catalogue_number": alert.release.catalogue_number,
                "asked": alert.created.isoformat(),
                "confirmed": alert.confirmed is not None,
                "sent": alert.notified.isoformat() if alert.notified else None,
            }
            for alert in alerts.order_by("-created", "-pk")
        ],
        "questions": [
            {
                "title": question.release.full_title,
                "asked": question.asked.isoformat(),
                "name": question.name,
                "question": question.body,
                "answer": question.answer,
            }
            for question in questions.order_by("-asked", "-pk")
        ],
    }


def forget_alerts_and_question_emails(sender, user, **kwargs):
    StockAlert.objects.filter(email__iexact=user.email).delete()
    Question.objects.filter(email__iexact=user.email).update(email="")


def connect_signals():
    from shop.accounts import signals

    signals.account_closing.connect(forget_alerts_and_question_emails, dispatch_uid="catalog-close")
    signals.collecting_data.connect(export_alerts_and_questions, dispatch_uid="catalog-export")
