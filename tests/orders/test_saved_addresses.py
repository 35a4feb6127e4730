"""A member's saved addresses: one default, checked like checkout's, pre-filling checkout;
other members' and forged ids are 404."""

import pytest
from django.test import Client

from orders.models import SavedAddress
from tests.factories import make_member, make_order
from tests.orders.helpers import add_to_cart

pytestmark = pytest.mark.usefixtures("commits")

KYIV = {
    "name": "Olena Kovalenko",
    "address_line1": "vul. Khreshchatyk 1",
    "address_line2": "",
    "city": "Kyiv",
    "postcode": "01001",
    "region": "",
    "country": "UA",
    "phone": "",
}
LONDON = KYIV | {
    "address_line1": "10 Downing St",
    "city": "London",
    "postcode": "sw1a2aa",
    "country": "GB",
}


@pytest.fixture
def member(client):
    user = make_member()
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_the_first_address_is_the_default_and_one_marked_so_takes_over(client, member):
    assert client.post("/en/account/addresses/new/", KYIV).status_code == 302
    client.post("/en/account/addresses/new/", LONDON | {"is_default": "on"})

    addresses = SavedAddress.objects.filter(customer=member)
    assert addresses.count() == 2
    assert addresses.get(is_default=True).city == "London"
    assert addresses.get(city="London").postcode == "SW1A 2AA"  # written the country's way
    page = client.get("/en/account/addresses/").content.decode()
    assert page.index("Downing") < page.index("Khreshchatyk")
    assert "Default" in page


@pytest.mark.django_db
def test_making_another_default_and_deleting_the_default(client, member):
    client.post("/en/account/addresses/new/", KYIV)
    client.post("/en/account/addresses/new/", LONDON)
    kyiv, london = (SavedAddress.objects.get(city=c) for c in ("Kyiv", "London"))

    client.post(f"/en/account/addresses/{london.pk}/default/")
    assert SavedAddress.objects.get(is_default=True) == london
    client.post(f"/en/account/addresses/{london.pk}/delete/")

    assert list(SavedAddress.objects.all()) == [kyiv]
    assert SavedAddress.objects.get().is_default


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter the postcode."), ("uk", "Вкажіть поштовий індекс.")],
)
def test_an_address_is_checked_by_its_countrys_rules(client, member, language, message):
    response = client.post(f"/{language}/account/addresses/new/", KYIV | {"postcode": ""})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SavedAddress.objects.exists()


@pytest.mark.django_db
def test_control_characters_and_overlong_fields_are_refused(client, member):
    long_line = KYIV | {"address_line1": "x" * 201}
    response = client.post("/en/account/addresses/new/", long_line)
    assert response.status_code == 400

    client.post("/en/account/addresses/new/", KYIV | {"name": "Olena\x00\x07 Kovalenko"})
    assert SavedAddress.objects.get().name == "Olena Kovalenko"


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["", "default/", "delete/"])
def test_another_members_address_and_forged_ids_are_404(client, member, action):
    stranger = make_member("taras@example.com")
    theirs = SavedAddress.objects.create(customer=stranger, **KYIV, is_default=True)

    for pk in (theirs.pk, 987654, 2**63, 10**30):
        method = client.post if action else client.get
        assert method(f"/en/account/addresses/{pk}/{action}", KYIV).status_code == 404
    theirs.refresh_from_db()
    assert theirs.address_line1 == KYIV["address_line1"]


@pytest.mark.django_db
def test_checkout_starts_from_the_members_default_address(client, member, seed):
    SavedAddress.objects.create(
        customer=member, **LONDON | {"postcode": "SW1A 2AA"}, is_default=True
    )
    add_to_cart(client, seed)

    page = client.get("/en/checkout/").content.decode()

    assert 'value="olena@example.com"' in page
    assert 'value="10 Downing St"' in page and 'value="SW1A 2AA"' in page
    assert '<option value="GB" selected>' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "offer"), [("en", "Create an account"), ("uk", "Створити обліковий запис")]
)
def test_a_guest_order_page_offers_an_account_with_the_email_filled_in(language, offer):
    order = make_order(email="olena@example.com")
    guest = Client()

    page = guest.get(f"/{language}/orders/{order.token}/").content.decode()

    assert offer in page
    link = f"/{language}/account/sign-up/?email=olena%40example.com"
    assert link in page
    assert 'value="olena@example.com"' in guest.get(link).content.decode()


@pytest.mark.django_db
def test_a_members_order_page_does_not_offer_an_account(client, member):
    order = make_order(customer=member)

    assert "Create an account" not in client.get(f"/en/orders/{order.token}/").content.decode()
