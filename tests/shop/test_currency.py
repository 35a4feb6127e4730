from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from shop.models import Currency
from shop.money import Rate, offered_rates


def choose(client, code, next_url="/en/records/"):
    return client.post("/en/currency/", {"currency": code, "next": next_url})


def test_conversion_rounds_half_up_to_the_minor_unit():
    assert Rate("USD", Decimal("1.27")).convert(Decimal("23.95")) == Decimal("30.42")
    assert Rate("UAH", Decimal("52.50")).convert(Decimal("23.95")) == Decimal("1257.38")
    assert Rate("JPY", Decimal("190.5")).convert(Decimal("23.95")) == Decimal("4562")
    assert Rate("USD", Decimal("1.25")).to_base(Decimal("100")) == Decimal("80.00")


def test_shop_offers_the_four_starting_currencies(db):
    assert list(offered_rates()) == ["GBP", "USD", "EUR", "UAH"]


def test_chosen_currency_is_remembered_and_used_for_every_price(client, seed):
    response = choose(client, "USD", seed.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == seed.get_absolute_url()
    assert response.cookies["currency"].value == "USD"
    # 23.95 × 1.27 = 30.4165, priced by the dollar's rule (ending in .99) as 29.99.
    assert "US$29.99" in client.get(seed.get_absolute_url()).content.decode()
    assert "US$29.99" in client.get("/en/records/").content.decode()
    assert "29,99\xa0US$" in client.get(f"/uk/records/{seed.slug}/").content.decode()


def test_hryvnia_prices_in_ukrainian(client, seed):
    choose(client, "UAH")
    # 23.95 × 52.50 = 1,257.375: whole hryvnias.
    assert "1\xa0257\xa0₴" in client.get(f"/uk/records/{seed.slug}/").content.decode()
    assert "₴1,257" in client.get(f"/en/records/{seed.slug}/").content.decode()


def test_header_switch_marks_the_current_currency(client, seed):
    choose(client, "EUR")
    page = client.get(seed.get_absolute_url()).content.decode()
    assert '<option value="EUR" selected>EUR</option>' in page
    assert "€28.02" in page


@pytest.mark.parametrize("code", ["XYZ", "", "<script>", "usd' OR 1=1", "U" * 500])
def test_unknown_currency_is_a_localized_400(client, db, code):
    response = client.post("/uk/currency/", {"currency": code, "next": "/uk/"})

    assert response.status_code == 400
    assert "Ми не пропонуємо цю валюту" in response.content.decode()
    assert "currency" not in response.cookies


def test_inactive_currency_cannot_be_chosen(client, db):
    Currency.objects.filter(code="EUR").update(active=False)
    assert choose(client, "EUR").status_code == 400


def test_lowercase_code_is_accepted(client, db):
    assert choose(client, "usd").cookies["currency"].value == "USD"


def test_switch_never_redirects_off_site(client, db):
    response = choose(client, "USD", "https://evil.example/")
    assert response["Location"] == "/en/"


def test_switch_only_accepts_post(client, db):
    assert client.get("/en/currency/?currency=USD").status_code == 405


def test_unknown_currency_cookie_falls_back_to_pounds(client, seed):
    client.cookies["currency"] = "ZZZ"
    assert "£23.95" in client.get(seed.get_absolute_url()).content.decode()


def test_staff_change_a_rate_and_shoppers_see_it_at_once(client, seed):
    staff = User.objects.create_superuser("staff", "s@example.com", "pw")
    admin = type(client)()
    admin.force_login(staff)
    choose(client, "USD")
    client.get(seed.get_absolute_url())  # rates are now cached

    url = reverse("admin:shop_currency_change", args=["USD"])
    form = {"code": "USD", "rate": "1.50", "rounding": "99", "active": "on", "position": "1"}
    response = admin.post(url, form)

    assert response.status_code == 302
    assert "US$35.99" in client.get(seed.get_absolute_url()).content.decode()  # 35.925
    changelist = admin.get(reverse("admin:shop_currency_changelist")).content.decode()
    assert "Rate set" in changelist


def test_base_currency_rate_stays_one(client, db):
    staff = User.objects.create_superuser("staff", "s@example.com", "pw")
    client.force_login(staff)
    url = reverse("admin:shop_currency_change", args=["GBP"])

    form = {"code": "GBP", "rate": "2", "rounding": "minor", "active": "on", "position": "0"}
    response = client.post(url, form)

    assert response.status_code == 200
    assert "The base currency" in response.content.decode()
    assert Currency.objects.get(code="GBP").rate == 1
