"""The home page in Chromium, on a phone (390×844) and a desktop (1366×900), from the demo
catalogue: the hero, the shelves' grid, and card buttons level across each row."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]

SIZES = {  # viewport, and columns of cards on the home page
    "small-phone": ((360, 740), 2),
    "phone": ((390, 844), 2),
    "tablet": ((900, 1000), 3),
    "desktop": ((1366, 900), 4),
}


@pytest.fixture
def demo():
    call_command("load_demo_catalogue", verbosity=0)


def axe_violations(page):
    """What axe-core finds wrong on the page, of any impact."""
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in found]


def boxes(page, selector):
    return [box for box in page.locator(selector).evaluate_all(BOXES) if box["width"]]


# Each element's box, relative to the page.
BOXES = """els => els.map(el => { const r = el.getBoundingClientRect();
  return {x: Math.round(r.left), y: Math.round(r.top + window.scrollY),
          bottom: Math.round(r.bottom + window.scrollY), width: r.width}; })"""


# The titles of cards whose button sticks out of the card, is cut, or wraps.
MISFITS = """[...document.querySelectorAll('.release-card')].filter(card => {
  const button = card.querySelector('.button');
  if (!button) return false;
  const c = card.getBoundingClientRect(), b = button.getBoundingClientRect();
  return b.left < c.left - 1 || b.right > c.right + 1
    || button.scrollWidth > button.clientWidth + 1 || b.height > 46;
}).map(card => card.querySelector('.release-card__title').textContent)"""


@pytest.mark.parametrize("size", SIZES)
def test_home_page_grid_hero_and_aligned_card_buttons(live_server, browser, demo, size):
    (width, height), columns = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for language in ("en", "uk"):
            page.goto(f"{live_server.url}/{language}/")
            hero = page.locator(".hero")
            assert hero.locator(".hero__title").inner_text() == "New Ermitage"
            assert hero.locator(".hero__cta").is_visible()

            # No sideways scrolling, and the grid has its columns.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            cards = boxes(page, "[aria-labelledby=new-arrivals-heading] .release-card")
            assert len({card["x"] for card in cards}) == columns

            # Every button of a row sits on one line, however long the titles above it.
            buttons = boxes(page, "[aria-labelledby=new-arrivals-heading] .release-card .button")
            first_row = [b for b in buttons if b["y"] < buttons[0]["y"] + 200]
            assert len(first_row) == columns
            assert len({b["y"] for b in first_row}) == 1, first_row
            # ...and fits inside its card on one line, in either language.
            assert page.evaluate(MISFITS) == []

            assert axe_violations(page) == []
            _load_lazy_images(page)
            page.screenshot(path=str(_screenshot(f"home-{size}-{language}")), full_page=True)

        # The list page's cards, beside the filters on a wider screen, fit as well.
        page.goto(f"{live_server.url}/uk/records/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(MISFITS) == []

        page.goto(f"{live_server.url}/uk/")
        page.get_by_role("link", name="Переглянути колекцію").click()
        page.wait_for_url("**/collections/new-ermitage/")
    finally:
        context.close()


def _load_lazy_images(page):
    """Scroll down the page, so that the covers below the fold are in the screenshot."""
    page.evaluate(
        """async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {
             window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); } }"""
    )
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")


def _screenshot(name):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
