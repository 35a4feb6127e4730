import pytest

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


def test_shopper_reads_the_seed_page_in_english(live_server, page, screenshot, seed_with_cover):
    page.goto(f"{live_server.url}/en/records/{seed_with_cover.slug}/")

    assert page.locator("h1").inner_text() == "Miles Davis – Ascenseur Pour L'Echafaud"
    assert page.locator(".badge").inner_text() == "In stock"
    assert "£23.95" in page.locator(".release__summary .price").inner_text()
    assert page.locator(".tracklist li").count() == 10
    assert page.get_by_role("img", name="Miles Davis – Ascenseur Pour L'Echafaud").is_visible()
    assert screenshot("product-page-en").stat().st_size > 0


def test_shopper_switches_to_ukrainian_and_stays_on_the_record(
    live_server, page, screenshot, seed_with_cover
):
    page.goto(f"{live_server.url}/en/records/{seed_with_cover.slug}/")

    page.get_by_role("link", name="Українська").click()

    assert page.url == f"{live_server.url}/uk/records/{seed_with_cover.slug}/"
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator(".badge").inner_text() == "В наявності"
    assert "23,95" in page.locator(".release__summary .price").inner_text()
    assert page.get_by_role("heading", name="Сторона A").is_visible()
    assert screenshot("product-page-uk").stat().st_size > 0


def test_root_redirects_a_ukrainian_browser_to_ukrainian(live_server, browser, seed_with_cover):
    context = browser.new_context(locale="uk-UA")
    page = context.new_page()

    page.goto(f"{live_server.url}/")

    assert page.url == f"{live_server.url}/uk/"
    assert page.get_by_role("link", name="Ascenseur Pour L'Echafaud").is_visible()
    context.close()
