import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from catalog.models import Question
from tests.factories import make_release

VALID = {"name": "Olena", "email": "olena@example.com", "body": "Is this the mono mix?"}


def ask_url(release, language="en"):
    return f"/{language}/records/{release.slug}/questions/"


def test_page_invites_the_first_question(client, seed):
    page = client.get(seed.get_absolute_url()).content.decode()
    assert "Be the first to ask a question about this record." in page
    assert 'action="/en/records/miles-davis-ascenseur-pour-lechafaud/questions/"' in page


def test_shopper_asks_and_staff_are_told(client, seed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(seed, "uk"), VALID)

    assert response.status_code == 302
    assert response["Location"] == f"/uk/records/{seed.slug}/#questions"
    question = Question.objects.get()
    assert (question.name, question.language, question.answer) == ("Olena", "uk", "")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "New question about Ascenseur Pour L'Echafaud"
    assert "Is this the mono mix?" in mail.outbox[0].body
    assert f"/admin/catalog/question/{question.pk}/change/" in mail.outbox[0].body
    follow = client.get(response["Location"]).content.decode()
    assert "Дякуємо" in follow


def test_unanswered_and_hidden_questions_stay_off_the_page(client, seed):
    Question.objects.create(release=seed, name="A", email="a@example.com", body="Unanswered?")
    Question.objects.create(
        release=seed, name="B", email="b@example.com", body="Rude?", answer="No.", hidden=True
    )
    Question.objects.create(
        release=seed,
        name="C",
        email="c@example.com",
        body="Which pressing plant?",
        answer="Pressed in Italy.",
    )

    page = client.get(seed.get_absolute_url()).content.decode()

    assert "Which pressing plant?" in page
    assert "Pressed in Italy." in page
    assert "Unanswered?" not in page
    assert "Rude?" not in page
    assert "c@example.com" not in page


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (VALID | {"name": ""}, "Це поле обов'язкове."),
        (VALID | {"email": "not-an-email"}, "Введіть коректну email адресу."),
        (VALID | {"body": "x" * 2001}, "2000"),
        (VALID | {"body": "?"}, "5"),
        ({}, "Це поле обов'язкове."),
    ],
)
def test_bad_questions_get_a_localized_400_and_nothing_is_saved(client, seed, data, error):
    response = client.post(ask_url(seed, "uk"), data)

    assert response.status_code == 400
    assert escape(error) in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Question.objects.exists()
    assert not mail.outbox


def test_question_without_csrf_token_is_refused(seed):
    response = Client(enforce_csrf_checks=True).post(ask_url(seed), VALID)
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_get_on_the_question_url_is_not_allowed(client, seed):
    assert client.get(ask_url(seed)).status_code == 405


def test_questions_about_unknown_or_unpublished_records_are_404(client, db):
    draft = make_release(published=False)
    assert client.post(ask_url(draft), VALID).status_code == 404
    assert client.post("/en/records/nope/questions/", VALID).status_code == 404
    assert not Question.objects.exists()


def test_bots_filling_the_hidden_field_are_thanked_and_ignored(
    client, seed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url(seed), VALID | {"website": "http://spam.example"})
    assert response.status_code == 302
    assert not Question.objects.exists()
    assert not mail.outbox


def test_markup_in_a_question_is_escaped(client, seed):
    Question.objects.create(
        release=seed,
        name="<b>x</b>",
        email="x@example.com",
        body="<script>alert(1)</script>",
        answer="<i>no</i>",
    )
    page = client.get(seed.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_staff_answer_in_the_admin_is_emailed_in_the_shoppers_language(
    client, seed, django_capture_on_commit_callbacks
):
    staff = User.objects.create_superuser("staff", "staff@example.com", "pw")
    client.force_login(staff)
    question = Question.objects.create(
        release=seed, name="Olena", email="olena@example.com", body="Моно?", language="uk"
    )
    url = reverse("admin:catalog_question_change", args=[question.pk])
    form = {
        "release": seed.pk,
        "name": "Olena",
        "email": "olena@example.com",
        "language": "uk",
        "body": "Моно?",
        "answer": "Ні, стерео.",
    }

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, form).status_code == 302

    question.refresh_from_db()
    assert question.answered_by == staff
    assert question.answered is not None
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["olena@example.com"]
    assert email.subject == "Ваше запитання про Ascenseur Pour L'Echafaud"
    assert "Ні, стерео." in email.body
    assert f"/uk/records/{seed.slug}/" in email.body
    assert "Ні, стерео." in email.alternatives[0].content

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form | {"answer": "Ні, стерео. Перевірили ще раз."})
    assert len(mail.outbox) == 1


def test_many_questions_do_not_add_queries(client, seed, warm_caches, django_assert_num_queries):
    for n in range(12):
        Question.objects.create(
            release=seed, name="N", email="n@example.com", body=f"Q{n}?", answer="A."
        )
    with django_assert_num_queries(8):
        response = client.get(seed.get_absolute_url())
    assert response.content.decode().count('class="question"') == 12
