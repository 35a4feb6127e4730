"""Background work for the catalogue: emails about product questions."""

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from shop.emails import send_email

from .models import Question


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
