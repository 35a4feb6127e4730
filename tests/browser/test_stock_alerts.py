"""A guest follows a sold-out record in Chromium, confirms by email, and staff restock it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from catalog.models import StockAlert
from tests.factories import make_release

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
]


def path_in(body, word):
    return re.search(rf"http://127\.0\.0\.1:8000(/\S*{word}\S*/)", body).group(1)


def log_in_as_staff(browser, live_server):
    get_user_model().objects.create_superuser("owner", "owner@example.com", "vinyl-is-back-42")
    staff = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    staff.goto(f"{live_server.url}/admin/login/")
    staff.get_by_label("Username").fill("owner")
    staff.get_by_label("Password").fill("vinyl-is-back-42")
    staff.get_by_role("button", name="Log in").click()
    staff.wait_for_url(f"{live_server.url}/admin/")
    return staff


def test_a_guest_is_alerted_once_staff_restock_a_sold_out_record(live_server, page, browser):
    release = make_release(title="Kind of Blue", stock=0)
    page.goto(f"{live_server.url}{release.get_absolute_url()}")
    form = page.locator("#stock-alert")
    form.get_by_label("Your email").fill("olena@example.com")
    form.get_by_role("button", name="Notify me").click()
    expect(page.get_by_text("we have emailed it a link to confirm the alert")).to_be_visible()

    [confirmation] = mail.outbox
    page.goto(f"{live_server.url}{path_in(confirmation.body, 'confirm')}")
    page.get_by_role("button", name="Confirm the alert").click()
    expect(page.get_by_text("Your alert is on.")).to_be_visible()

    staff = log_in_as_staff(browser, live_server)
    staff.goto(f"{live_server.url}/admin/catalog/release/{release.pk}/change/")
    staff.locator("#id_stock").fill("3")
    staff.get_by_role("button", name="Save", exact=True).first.click()
    expect(staff.locator(".messagelist")).to_contain_text("was changed successfully")

    alert_mail = mail.outbox[-1]
    assert len(mail.outbox) == 2
    assert (
        alert_mail.to == ["olena@example.com"]
        and alert_mail.subject == "Kind of Blue is back in stock"
    )
    page.goto(f"{live_server.url}{path_in(alert_mail.body, 'records')}")
    expect(page.get_by_role("button", name="Add to cart").first).to_be_visible()
    assert StockAlert.objects.get().notified is not None


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 900)])
def test_screenshot_of_the_sold_out_page_with_the_alert_form(
    live_server, page, screenshot, width, height
):
    release = make_release(title="Ascenseur Pour L'Echafaud", stock=0)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}{release.get_absolute_url()}")
    form = page.locator("#stock-alert")
    expect(form).to_be_visible()
    box = form.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # nothing spills sideways
    screenshot(f"stock-alert-{width}")
    page.locator("#stock-alert").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot(f"stock-alert-{width}")).replace(".png", "-form.png"))


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_form_that_sends_the_shopper_back_to_it_says_how_it_went_in_sight(
    live_server, browser, language
):
    """The alert and question forms redirect to themselves (#stock-alert, #questions):
    their message shows at the form, below the sticky bar, not at the top of the page."""
    release = make_release(title="Kind of Blue", stock=0)
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    words = {
        "en": ("Your email", "Notify me", "we have emailed it a link", "Thank you! We will email"),
        "uk": ("Ваша електронна пошта", "Сповістити мене", "ми надіслали на неї", "Дякуємо!"),
    }[language]
    phone.goto(f"{live_server.url}/{language}/records/{release.slug}/")

    alert = phone.locator("#stock-alert")
    alert.get_by_label(words[0]).fill("olena@example.com")
    alert.get_by_role("button", name=words[1]).click()
    message = phone.locator("#stock-alert .messages")
    expect(message).to_contain_text(words[2])
    expect(message).to_be_in_viewport(ratio=1)
    header_bottom = phone.locator(".site-header").bounding_box()
    assert message.bounding_box()["y"] >= header_bottom["y"] + header_bottom["height"]

    phone.locator("#questions summary").click()
    questions = phone.locator("#questions form")
    questions.locator("input[name=name]").fill("Olena")
    questions.locator("input[name=email]").fill("olena@example.com")
    questions.locator("textarea[name=body]").fill("Is this the mono pressing?")
    questions.locator("button[type=submit]").click()
    answer_note = phone.locator("#questions .messages")
    expect(answer_note).to_contain_text(words[3])
    expect(answer_note).to_be_in_viewport(ratio=1)
    phone.context.close()
