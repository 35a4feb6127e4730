"""The whole buying journey in Chromium, against the fake Stripe's hosted page."""

import re

import pytest
from django.core import mail

from catalog.models import Release
from orders.models import Order
from tests.factories import add_image, seed_release
from tests.fake_stripe import FakeStripe
from tests.orders.conftest import WEBHOOK_SECRET

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

WORDS = {
    "en": {
        "add": "Add to cart",
        "cart": "Cart",
        "checkout": "Go to checkout",
        "email": "Email",
        "name": "Full name",
        "address": "Address",
        "city": "City",
        "postcode": "Postcode",
        "country": "Country",
        "express": "Express delivery",
        "place": "Place order and pay",
        "paid": "Paid",
        "in_cart": "is in your cart",
        "view_cart": "View cart",
    },
    "uk": {
        "add": "Додати до кошика",
        "cart": "Кошик",
        "checkout": "Оформити замовлення",
        "email": "Електронна пошта",
        "name": "Ім’я та прізвище",
        "address": "Адреса",
        "city": "Місто",
        "postcode": "Поштовий індекс",
        "country": "Країна",
        "express": "Експрес-доставка",
        "place": "Оформити замовлення й оплатити",
        "paid": "Оплачено",
        "in_cart": "додано до кошика",
        "view_cart": "Переглянути кошик",
    },
}


@pytest.fixture
def stripe_for_live_server(live_server, settings):
    fake = FakeStripe(
        webhook_secret=WEBHOOK_SECRET, webhook_url=f"{live_server.url}/stripe/webhook/"
    ).start()
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake.url
    settings.DEMO_PAYMENTS = False
    # The checkout form's redirect goes to the fake's hosted page: let the CSP's
    # form-action allow it, as it allows https://checkout.stripe.com in production.
    form_action = [*settings.SECURE_CSP["form-action"], fake.url]
    settings.SECURE_CSP = settings.SECURE_CSP | {"form-action": form_action}
    yield fake
    fake.stop()


@pytest.mark.parametrize(
    ("language", "currency", "symbol"), [("en", "EUR", "€"), ("uk", "UAH", "₴")]
)
def test_shopper_buys_the_seed_record_with_express_shipping_to_ukraine(
    live_server, page, screenshot, stripe_for_live_server, admin_client, language, currency, symbol
):
    words = WORDS[language]
    release = seed_release()
    add_image(release)

    page.goto(f"{live_server.url}/{language}/records/{release.slug}/")
    page.get_by_role("button", name=words["add"]).click()
    drawer = page.get_by_role("dialog")
    assert words["in_cart"] in drawer.get_by_role("status").inner_text()
    assert page.locator("[data-cart-count]").inner_text() == "1"

    # The cart drawer that "Add to cart" opened leads on to the cart.
    drawer.get_by_role("link", name=words["view_cart"]).click()
    page.wait_for_url(re.compile(r"/cart/$"))
    with page.expect_navigation():
        page.select_option("#currency-select", currency)
    assert symbol in page.locator(".cart tfoot").inner_text()
    screenshot(f"cart-{language}")

    page.get_by_role("link", name=words["checkout"]).click()
    page.get_by_label(words["email"]).fill("olena@example.com")
    page.get_by_label(words["name"]).fill("Olena Kovalenko")
    page.get_by_label(words["address"], exact=True).fill("vul. Khreshchatyk 1")
    page.get_by_label(words["city"]).fill("Kyiv")
    page.get_by_label(words["postcode"]).fill("01001")
    # Each choice updates the totals (a quick round trip that keeps what was typed).
    with page.expect_navigation():
        page.get_by_label(words["country"]).select_option("UA")
    with page.expect_navigation():
        page.get_by_label(re.compile(words["express"])).check()
    assert page.get_by_label(words["email"]).input_value() == "olena@example.com"
    screenshot(f"checkout-{language}")
    page.get_by_role("button", name=words["place"]).click()

    page.wait_for_url(re.compile(r"/pay/cs_test_"))
    assert "Fake Stripe Checkout" in page.content()
    page.get_by_role("button", name="Pay").click()

    page.wait_for_url(re.compile(rf"/{language}/orders/.+\?paid=1"))
    assert page.locator(".order-status strong").inner_text() == words["paid"]
    screenshot(f"success-{language}")

    order = Order.objects.get()
    assert (order.status, order.currency, order.shipping_method, str(order.country)) == (
        "paid",
        currency,
        "express",
        "UA",
    )
    assert Release.objects.get(pk=release.pk).stock == 11
    assert [m.to for m in mail.outbox] == [["olena@example.com"]]
    assert order.number in mail.outbox[0].subject
    admin_page = admin_client.get(f"/admin/orders/order/{order.pk}/change/").content.decode()
    assert order.number in admin_page
    assert words["paid"] in admin_page or "Paid" in admin_page
