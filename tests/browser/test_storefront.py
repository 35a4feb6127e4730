"""The storefront on a phone (390×844) and a desktop (1366×900): the filter drawer,
the sticky header and buy bar, the cart drawer, the gallery and checkout's summary."""

import re

import pytest

from tests.factories import add_image, make_genre, make_release, seed_release

from .conftest import SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture
def shelf():
    """The seed record with three photos, and other records to filter among."""
    seed = seed_release()
    for position in range(3):
        add_image(seed, position=position)
    soul = make_genre("Soul")
    soul.slug = "soul"
    soul.save()
    for n in range(5):
        other = make_release(title=f"Soul Record {n}")
        other.genres.set([soul])
        add_image(other)
    return seed


def open_page(browser, viewport, url):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(url)
    return page


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_on_a_phone_records_come_first_and_filters_open_in_a_drawer(
    live_server, browser, shelf, language
):
    page = open_page(browser, PHONE, f"{live_server.url}/{language}/records/?genre=soul")
    first_card = page.locator(".release-card").first.bounding_box()
    assert first_card["y"] < PHONE["height"]  # the first record is on the first screen
    toggle = page.locator("[data-drawer-toggle=filters]")
    assert re.search(r"\(1\)", toggle.inner_text())  # one filter chosen
    assert not page.locator("#filters").is_visible()
    shoot(page, f"list-{language}-phone")

    toggle.click()
    drawer = page.get_by_role("dialog")
    drawer.wait_for()
    drawer.evaluate("d => Promise.all(d.getAnimations().map(a => a.finished))")  # slid in
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('#filters') !== null")
    shoot(page, f"list-filters-{language}-phone")

    page.keyboard.press("Escape")
    assert not page.locator("#filters").is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.drawerToggle") == "filters"


def test_on_a_desktop_the_filters_are_a_column_beside_the_records(live_server, browser, shelf):
    page = open_page(browser, DESKTOP, f"{live_server.url}/en/records/")
    assert page.locator("#filters").is_visible()
    assert not page.locator("[data-drawer-toggle=filters]").is_visible()
    facets, results = (page.locator(s).bounding_box() for s in ("#filters", ".browse__results"))
    assert facets["x"] < results["x"] and abs(facets["y"] - results["y"]) < 80
    shoot(page, "list-en-desktop")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_on_a_phone_the_header_and_buy_bar_stay_and_the_cart_drawer_opens(
    live_server, browser, shelf, language
):
    page = open_page(browser, PHONE, f"{live_server.url}/{language}/records/{shelf.slug}/")
    bar = page.locator("[data-buy-bar]")
    assert not bar.is_visible()
    shoot(page, f"product-{language}-phone")

    page.locator("#tracklist-heading").scroll_into_view_if_needed()
    page.mouse.wheel(0, 600)
    bar.wait_for(state="visible")
    assert page.locator(".site-header").bounding_box()["y"] == 0  # sticky
    assert page.locator("[data-cart-count]").is_visible()
    shoot(page, f"product-buy-bar-{language}-phone")

    bar.get_by_role("button").click()
    drawer = page.get_by_role("dialog")
    drawer.wait_for()
    assert shelf.title in drawer.inner_text()
    assert re.search(r"23[.,]95", drawer.inner_text())
    assert drawer.locator("progress").count() == 1  # on the way to free shipping
    assert page.locator("[data-cart-count]").first.inner_text() == "1"
    drawer.evaluate("d => Promise.all(d.getAnimations().map(a => a.finished))")  # slid in
    shoot(page, f"cart-drawer-{language}-phone")

    page.keyboard.press("Escape")
    drawer.wait_for(state="hidden")


def test_the_gallery_shows_another_photo_and_zooms(live_server, browser, shelf):
    page = open_page(browser, DESKTOP, f"{live_server.url}/en/records/{shelf.slug}/")
    thumbs = page.locator("[data-gallery-thumb]")
    assert thumbs.count() == 3
    main = page.locator("[data-gallery-main] img")
    first_src = main.get_attribute("src")

    thumbs.nth(2).click()
    assert main.get_attribute("src") == thumbs.nth(2).get_attribute("data-src") != first_src
    assert thumbs.nth(2).get_attribute("aria-current") == "true"
    assert thumbs.nth(0).get_attribute("aria-current") == "false"
    shoot(page, "product-en-desktop")

    page.locator("[data-gallery-main]").click()
    zoom = page.locator("dialog[data-zoom]")
    zoom.wait_for(state="visible")
    image = zoom.locator("img")
    fitted = image.bounding_box()["width"]
    image.click()
    assert "is-zoomed" in zoom.get_attribute("class")
    assert image.bounding_box()["width"] != fitted
    page.keyboard.press("Escape")
    zoom.wait_for(state="hidden")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_checkout_summary_comes_first_on_a_phone(live_server, browser, shelf, viewport):
    size = PHONE if viewport == "phone" else DESKTOP
    page = open_page(browser, size, f"{live_server.url}/en/records/{shelf.slug}/")
    page.locator("form[data-buy-form] button").click()
    page.get_by_role("dialog").get_by_role("link", name="Checkout").click()
    page.wait_for_url(re.compile(r"/checkout/$"))

    summary = page.locator(".checkout__summary")
    total = summary.locator(".checkout__summary-total").inner_text()
    assert re.search(r"£\d", total)
    assert not page.get_by_role("button", name="Update shipping for this country").is_visible()
    details_open = summary.locator("details").evaluate("details => details.open")
    form = page.locator(".checkout__form").bounding_box()
    if viewport == "phone":
        assert summary.bounding_box()["y"] < form["y"]  # the total comes first
        assert not details_open  # folded to its total
        summary.locator("summary").click()
        assert summary.locator(".order-summary__total").is_visible()
    else:
        assert summary.bounding_box()["x"] > form["x"]  # beside the form
        assert details_open
    shoot(page, f"checkout-en-{viewport}")


LAYOUT_SHIFT = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 500);
})"""


@pytest.mark.parametrize("path", ["", "records/", "records/{slug}/", "cart/", "checkout/"])
def test_nothing_moves_when_the_script_arrives(live_server, browser, shelf, path):
    """Buttons that scripts replace are hidden from the first paint, and what scripts
    open or fold does not push the page about (Lighthouse's layout shift)."""
    page = open_page(browser, PHONE, f"{live_server.url}/en/records/{shelf.slug}/")
    page.locator("form[data-buy-form] button").click()
    page.get_by_role("dialog").wait_for()
    page.goto(f"{live_server.url}/en/{path.format(slug=shelf.slug)}")
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
