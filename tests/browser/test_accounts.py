"""A member's journey in Chromium: sign up, confirm by the emailed link, buy the seed
record with the demo payment, and find the order on "My orders"; screenshots of the
account pages on a phone and a desktop."""

import re

import pytest
from django.core import mail

from orders.models import Order
from tests.factories import seed_release

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

PASSWORD = "vinyl-on-sunday-42"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
WORDS = {
    "en": {
        "sign_in": "Sign in",
        "create": "Create an account",
        "email": "Email",
        "password": "Password",
        "privacy": "I have read the privacy notice",
        "submit": "Create account",
        "check": "Check your email",
        "account": "Your account",
        "add": "Add to cart",
        "in_cart": "is in your cart",
        "checkout": "Go to checkout",
        "name": "Full name",
        "address": "Address",
        "city": "City",
        "postcode": "Postcode",
        "country": "Country",
        "place": "Place order and pay",
        "demo": "Confirm demo payment",
        "paid": "Paid",
        "my_orders": "My orders",
        "addresses": "Addresses",
        "add_address": "Add an address",
    },
    "uk": {
        "sign_in": "Увійти",
        "create": "Створити обліковий запис",
        "email": "Електронна пошта",
        "password": "Пароль",
        "privacy": "Я прочитав(-ла) повідомлення про конфіденційність",
        "submit": "Створити обліковий запис",
        "check": "Перевірте пошту",
        "account": "Ваш обліковий запис",
        "add": "Додати до кошика",
        "in_cart": "додано до кошика",
        "checkout": "Оформити замовлення",
        "name": "Ім’я та прізвище",
        "address": "Адреса",
        "city": "Місто",
        "postcode": "Поштовий індекс",
        "country": "Країна",
        "place": "Оформити замовлення й оплатити",
        "demo": "Підтвердити демо-оплату",
        "paid": "Оплачено",
        "my_orders": "Мої замовлення",
        "addresses": "Адреси",
        "add_address": "Додати адресу",
    },
}


@pytest.fixture
def demo_shop(settings):
    settings.DEMO_PAYMENTS = True
    settings.STRIPE_SECRET_KEY = ""


def shoot(page, screenshot, name):
    """The page at a phone's and a desktop's size."""
    for label, size in (("390", PHONE), ("1366", DESKTOP)):
        page.set_viewport_size(size)
        screenshot(f"{name}-{label}")
    page.set_viewport_size(DESKTOP)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_new_member_signs_up_buys_and_finds_the_order(
    live_server, page, screenshot, demo_shop, language
):
    words = WORDS[language]
    release = seed_release()
    email = f"olena-{language}@example.com"

    page.goto(f"{live_server.url}/{language}/")
    page.locator(".site-header").get_by_role("link", name=words["sign_in"]).click()
    shoot(page, screenshot, f"account-sign-in-{language}")
    page.get_by_role("link", name=words["create"]).click()
    page.get_by_label(words["email"], exact=True).fill(email)
    page.get_by_label(words["password"], exact=True).fill(PASSWORD)
    page.get_by_label(words["privacy"]).check()
    shoot(page, screenshot, f"account-sign-up-{language}")
    page.get_by_role("button", name=words["submit"]).click()
    page.get_by_role("heading", name=words["check"]).wait_for()

    link = re.search(r"https?://\S+/verify/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + link.split("8000", 1)[-1])
    page.get_by_role("heading", name=words["account"]).wait_for()
    shoot(page, screenshot, f"account-home-{language}")

    page.goto(f"{live_server.url}/{language}/records/{release.slug}/")
    page.get_by_role("button", name=words["add"]).first.click()
    page.get_by_text(words["in_cart"]).first.wait_for()
    page.goto(f"{live_server.url}/{language}/cart/")
    page.get_by_role("link", name=words["checkout"]).click()
    assert page.get_by_label(words["email"], exact=True).input_value() == email
    page.get_by_label(words["name"]).fill("Olena Kovalenko")
    page.get_by_label(words["address"], exact=True).fill("vul. Khreshchatyk 1")
    page.get_by_label(words["city"]).fill("Kyiv")
    with page.expect_navigation():
        page.get_by_label(words["country"]).select_option("UA")
    page.get_by_label(words["postcode"]).fill("01001")
    page.get_by_role("button", name=words["place"]).click()
    page.get_by_role("button", name=words["demo"]).click()
    page.wait_for_url(re.compile(rf"/{language}/orders/.+\?paid=1"))
    assert page.locator(".order-status strong").inner_text() == words["paid"]

    page.locator(".site-header").get_by_role("link").nth(1).click()
    page.get_by_role("navigation").get_by_role("link", name=words["my_orders"]).click()
    order = Order.objects.get()
    assert order.customer.email == email
    page.get_by_role("link", name=order.number).wait_for()
    shoot(page, screenshot, f"account-my-orders-{language}")

    page.get_by_role("link", name=words["addresses"]).click()
    page.get_by_role("link", name=words["add_address"]).click()
    shoot(page, screenshot, f"account-address-form-{language}")
