import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import add_image, seed_release

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]


@pytest.fixture
def seed_with_cover():
    release = seed_release()
    add_image(release)
    return release


def violations(page):
    """axe-core's findings of every impact, minor ones included."""
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        f" ({len(violation['nodes'])} nodes)"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "records/",
        "records/{slug}/",
        "search/?q=miles+zzzz",
        "artists/miles-davis/",
        "labels/ermitage/",
    ],
)
def test_pages_have_no_accessibility_violations(
    live_server, page, seed_with_cover, language, path, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{language}/{path.format(slug=seed_with_cover.slug)}")
    assert violations(page) == []


def test_question_form_errors_have_no_accessibility_violations(live_server, page, seed_with_cover):
    page.goto(f"{live_server.url}/uk/records/{seed_with_cover.slug}/")
    page.get_by_text("Поставити запитання", exact=True).click()
    page.get_by_role("button", name="Надіслати запитання").click()

    assert page.get_by_text("Це поле обов'язкове.").first.is_visible()
    assert violations(page) == []


@pytest.mark.parametrize("language", ["en", "uk"])
def test_cart_and_checkout_have_no_accessibility_violations(
    live_server, page, seed_with_cover, language
):
    page.goto(f"{live_server.url}/{language}/records/{seed_with_cover.slug}/")
    page.locator("form[data-buy-form] button").click()
    page.locator("[data-cart-count]").filter(has_text="1").wait_for()

    page.goto(f"{live_server.url}/{language}/cart/")
    assert violations(page) == []
    # A form without a script of its own answers with a flash message: checked too.
    with page.expect_navigation():
        page.locator("form.cart__quantity button").click()
    assert page.locator(".messages li").count() == 1
    assert violations(page) == []

    page.goto(f"{live_server.url}/{language}/checkout/")
    assert violations(page) == []
    with page.expect_navigation():
        page.locator("form.checkout__form button[type=submit]:not([name])").click()
    assert page.locator(".field__errors").count() > 0
    assert violations(page) == []


@pytest.mark.parametrize("language", ["en", "uk"])
def test_return_pages_have_no_accessibility_violations(live_server, page, language):
    from django.utils import timezone

    from orders import returns
    from tests.factories import make_order

    order = make_order(status="delivered", delivered=timezone.now(), language=language)
    order_url = f"{live_server.url}/{language}/orders/{order.token}/"

    page.goto(order_url)
    assert violations(page) == []

    page.goto(f"{order_url}return/")
    assert violations(page) == []
    with page.expect_navigation():
        page.locator("form.return-form button[type=submit]").click()
    assert page.locator("[role=alert]").count() == 1
    assert violations(page) == []

    return_request = returns.request_return(
        order=order, copies={order.lines.get().pk: 1}, reason="faulty"
    )
    returns.approve(return_request=return_request)
    page.goto(f"{order_url}returns/{return_request.number}/")
    assert violations(page) == []
    page.goto(f"{order_url}returns/{return_request.number}/slip/")
    assert violations(page) == []
