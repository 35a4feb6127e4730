"""The shop pages and the footer in Chromium, on a phone and on a desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from shop.models import ShopPage
from shop.starting_pages import create_missing_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


@pytest.fixture
def shop_pages():
    # Transactional tests empty every table, the migration's pages included.
    create_missing_pages(ShopPage)


@pytest.fixture(params=SIZES)
def sized_page(request, browser):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield request.param, context.new_page()
    context.close()


def shoot(page, name):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.locator(".site-footer").screenshot(path=str(SCREENSHOTS / f"{name}-footer.png"))


@pytest.mark.parametrize(("language", "slug"), [("en", "returns"), ("uk", "shipping")])
def test_a_shop_page_reads_well_and_its_footer_leads_on(
    live_server, sized_page, shop_pages, language, slug
):
    size, page = sized_page
    page.goto(f"{live_server.url}/{language}/pages/{slug}/")

    assert (
        page.locator("h1").inner_text()
        == ShopPage.objects.get(slug=slug).in_language(language).title
    )
    footer = page.locator(".site-footer")
    badges = footer.get_by_role(
        "list", name="Ways to pay" if language == "en" else "Способи оплати"
    )
    assert badges.get_by_role("img").count() == 5
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size][0]
    shoot(page, f"shop-page-{slug}-{language}-{size}")

    privacy = "Privacy" if language == "en" else "Конфіденційність"
    footer.get_by_role("link", name=privacy, exact=True).click()
    assert page.url == f"{live_server.url}/{language}/pages/privacy/"
    assert page.locator("h1").is_visible()


@pytest.mark.parametrize("language", ["en", "uk"])
def test_shop_pages_have_no_accessibility_violations(live_server, page, shop_pages, language):
    for slug in ("contact", "privacy"):
        page.goto(f"{live_server.url}/{language}/pages/{slug}/")
        # What this part draws: the page's content and the footer (the header is checked
        # with the other pages in test_accessibility.py).
        violations = (
            Axe().run(page, context={"include": [["main"], ["footer"]]}).response["violations"]
        )
        assert [(v["id"], v["impact"], len(v["nodes"])) for v in violations] == []
