"""A default currency per language: shoppers who chose none see their language's."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from shop.models import Currency, DefaultCurrency

EN_POUNDS, UK_HRYVNIAS = "£23.95", "1\xa0257\xa0₴"


@pytest.fixture
def hryvnias_for_ukrainian(db):
    return DefaultCurrency.objects.create(language="uk", currency_id="UAH")


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(User.objects.create_superuser("staff", "s@example.com", "pw"))
    return client


def page(client, language, seed):
    return client.get(f"/{language}/records/{seed.slug}/").content.decode()


def test_without_defaults_every_language_sees_the_base_currency(client, seed):
    assert EN_POUNDS in page(client, "en", seed)
    assert "23,95\xa0£" in page(client, "uk", seed)


def test_a_shopper_without_a_choice_sees_the_language_default(seed, hryvnias_for_ukrainian):
    ukrainian = page(Client(), "uk", seed)
    assert UK_HRYVNIAS in ukrainian
    assert '<option value="UAH" selected>UAH</option>' in ukrainian
    english = page(Client(), "en", seed)
    assert EN_POUNDS in english and "₴" not in english


def test_an_explicit_choice_wins_over_the_default(client, seed, hryvnias_for_ukrainian):
    client.post("/uk/currency/", {"currency": "USD", "next": "/uk/"})
    assert "29,99\xa0US$" in page(client, "uk", seed)
    client.post("/uk/currency/", {"currency": "GBP", "next": "/uk/"})
    assert "23,95\xa0£" in page(client, "uk", seed)


def test_cached_pages_of_two_languages_are_never_mixed(
    seed, hryvnias_for_ukrainian, warm_caches, django_assert_num_queries
):
    shopper = Client()
    page(shopper, "uk", seed), page(shopper, "en", seed)  # rendered and stored

    with django_assert_num_queries(0):
        ukrainian, english = page(shopper, "uk", seed), page(shopper, "en", seed)

    assert UK_HRYVNIAS in ukrainian and EN_POUNDS not in ukrainian
    assert EN_POUNDS in english and "₴" not in english


def test_staff_change_a_default_and_the_next_page_shows_it(admin_client, seed):
    shopper = Client()
    page(shopper, "uk", seed), page(shopper, "uk", seed)  # cached, in pounds
    add = admin_client.post(
        reverse("admin:shop_defaultcurrency_add"), {"language": "uk", "currency": "UAH"}
    )
    assert add.status_code == 302
    assert UK_HRYVNIAS in page(shopper, "uk", seed)

    change = reverse("admin:shop_defaultcurrency_change", args=["uk"])
    assert admin_client.post(change, {"language": "uk", "currency": "EUR"}).status_code == 302
    assert "28,02\xa0€" in page(shopper, "uk", seed)

    delete = reverse("admin:shop_defaultcurrency_delete", args=["uk"])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert "23,95\xa0£" in page(shopper, "uk", seed)


def test_one_default_per_language(admin_client, hryvnias_for_ukrainian):
    response = admin_client.post(
        reverse("admin:shop_defaultcurrency_add"), {"language": "uk", "currency": "EUR"}
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert DefaultCurrency.objects.get().currency_id == "UAH"


@pytest.mark.parametrize(
    ("language", "currency"), [("de", "EUR"), ("uk", "XYZ"), ("uk", ""), ("", "UAH")]
)
def test_a_default_must_name_a_language_and_an_offered_currency(admin_client, language, currency):
    Currency.objects.filter(code="EUR").update(active=False)
    response = admin_client.post(
        reverse("admin:shop_defaultcurrency_add"), {"language": language, "currency": currency}
    )
    assert response.status_code == 200
    assert not DefaultCurrency.objects.exists()


def test_inactive_currency_cannot_become_a_default(admin_client, db):
    Currency.objects.filter(code="UAH").update(active=False)
    response = admin_client.post(
        reverse("admin:shop_defaultcurrency_add"), {"language": "uk", "currency": "UAH"}
    )
    assert response.status_code == 200
    assert not DefaultCurrency.objects.exists()


def test_a_default_currency_cannot_be_withdrawn(admin_client, hryvnias_for_ukrainian):
    url = reverse("admin:shop_currency_change", args=["UAH"])
    form = {"code": "UAH", "rate": "52.50", "rounding": "whole", "position": "3"}  # not active

    response = admin_client.post(url, form)

    assert response.status_code == 200
    assert "choose another first" in response.content.decode()
    assert Currency.objects.get(code="UAH").active


def test_a_withdrawn_default_falls_back_to_the_base_currency(seed, hryvnias_for_ukrainian):
    Currency.objects.filter(code="UAH").update(active=False)  # past the admin's check
    assert "23,95\xa0£" in page(Client(), "uk", seed)


def test_withdrawing_a_default_is_explained_in_ukrainian(hryvnias_for_ukrainian):
    currency = Currency.objects.get(code="UAH")
    currency.active = False
    with override("uk"):
        with pytest.raises(ValidationError) as refused:
            currency.full_clean()
        assert refused.value.message_dict["active"] == [
            "Валюту за замовчуванням для мови не можна вимкнути: спершу виберіть іншу."
        ]


def test_the_demo_prices_ukrainian_pages_in_hryvnias_and_keeps_staff_choices(db):
    from catalog.demo.loader import _default_currencies

    _default_currencies()
    assert dict(DefaultCurrency.objects.values_list("language", "currency")) == {
        "en": "GBP",
        "uk": "UAH",
    }
    DefaultCurrency.objects.filter(language="uk").update(currency="EUR")
    _default_currencies()  # loading the demo again
    assert DefaultCurrency.objects.get(language="uk").currency_id == "EUR"


def test_a_rule_change_reprices_cached_pages_of_the_language_default(
    admin_client, seed, hryvnias_for_ukrainian
):
    shopper = Client()
    page(shopper, "uk", seed), page(shopper, "uk", seed)  # cached, in whole hryvnias
    url = reverse("admin:shop_currency_change", args=["UAH"])
    form = {"code": "UAH", "rate": "52.50", "rounding": "minor", "active": "on", "position": "3"}

    assert admin_client.post(url, form).status_code == 302

    assert "1\xa0257,38\xa0₴" in page(shopper, "uk", seed)
