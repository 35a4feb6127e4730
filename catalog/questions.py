"""Product questions: shoppers ask, staff answer, the answer is emailed and shown on the page."""

from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import Question
from .tasks import email_answer_to_shopper, tell_staff_about_question


@transaction.atomic
def ask_question(*, release, name, email, body, language) -> Question:
    question = Question.objects.create(
        release=release, name=name, email=email, body=body, language=language
    )
    transaction.on_commit(partial(tell_staff_about_question.enqueue, question.pk))
    return question


@transaction.atomic
def answer_question(*, question, answer, staff_user) -> Question:
    """Save the answer; the first answer to a question is emailed to whoever asked it,
    unless they have closed their account since."""
    first_answer = question.answered is None
    question.answer = answer
    question.answered = timezone.now()
    question.answered_by = staff_user
    question.save(update_fields=["answer", "answered", "answered_by"])
    if first_answer and question.email:
        transaction.on_commit(partial(email_answer_to_shopper.enqueue, question.pk))
    return question
