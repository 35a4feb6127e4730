"""Listening in Chromium: one track at a time, pausing, the next track, and the keyboard."""

import pytest
from playwright.sync_api import expect

from tests.factories import add_clip, add_image, seed_release, wav_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("starting_data"),
    # The shop serves the clips itself, as with `make run` (tests run with SERVE_MEDIA off).
    pytest.mark.urls("tests.media_urls"),
]


@pytest.fixture
def seed_with_clips():
    """The seed record; its first three tracks have clips, A3 a short one."""
    release = seed_release()
    add_image(release)
    for track in release.tracks.filter(side="A", position__lte=3):
        seconds = 1 if track.position == 3 else 20
        add_clip(track, f"{track.code}.wav", wav_bytes(seconds=seconds))
    return release


def playing(page):
    return page.evaluate("() => !document.querySelector('.player audio').paused")


def pressed(page, name):
    return page.get_by_role("button", name=name, exact=True).get_attribute("aria-pressed")


def test_shopper_plays_one_track_then_another_then_pauses(live_server, page, seed_with_clips):
    page.goto(f"{live_server.url}/en/records/{seed_with_clips.slug}/")
    a1, a2 = "Play A1 Générique", "Play A2 L'Assassinat de Carala"

    page.get_by_role("button", name=a1).click()
    page.wait_for_function("() => document.querySelector('.player audio').currentTime > 0")
    expect(page.get_by_role("button", name=a1)).to_have_attribute("aria-pressed", "true")
    assert playing(page)
    assert page.locator(".player__title").inner_text() == "A1 Générique"

    page.get_by_role("button", name=a2).click()
    expect(page.get_by_role("button", name=a2)).to_have_attribute("aria-pressed", "true")
    assert playing(page) and pressed(page, a1) == "false"
    assert "a2" in page.evaluate("() => document.querySelector('.player audio').src")
    assert (
        page.get_by_role("button", name="Play", exact=True).get_attribute("aria-pressed") == "true"
    )

    page.get_by_role("button", name=a2).click()
    expect(page.get_by_role("button", name=a2)).to_have_attribute("aria-pressed", "false")
    assert not playing(page) and pressed(page, a1) == "false"


def test_next_track_and_the_end_of_a_clip_move_on(live_server, page, seed_with_clips):
    page.goto(f"{live_server.url}/en/records/{seed_with_clips.slug}/")

    page.get_by_role("button", name="Play A2 L'Assassinat de Carala").click()
    page.get_by_role("button", name="Next track").click()
    a3 = page.get_by_role("button", name="Play A3 Sur L'Autoroute")
    expect(a3).to_have_attribute("aria-pressed", "true")

    # A3's clip lasts a second, and it is the last one: the player stops there.
    page.wait_for_function("() => document.querySelector('.player audio').ended", timeout=10_000)
    expect(a3).to_have_attribute("aria-pressed", "false")
    assert not playing(page)


def test_the_end_of_a_clip_starts_the_next(live_server, page, seed_with_clips):
    page.goto(f"{live_server.url}/en/records/{seed_with_clips.slug}/")
    page.evaluate("() => { document.querySelector('.player audio').defaultPlaybackRate = 16; }")

    page.get_by_role("button", name="Play A2 L'Assassinat de Carala").click()

    page.wait_for_function(
        "() => document.querySelector('.player audio').src.includes('a3')", timeout=10_000
    )
    expect(page.get_by_role("button", name="Play A3 Sur L'Autoroute")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert playing(page)


def test_the_player_works_from_the_keyboard_in_ukrainian(live_server, page, seed_with_clips):
    page.goto(f"{live_server.url}/uk/records/{seed_with_clips.slug}/")
    button = page.get_by_role("button", name="Відтворити A1 Générique")

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")

    page.keyboard.press("Space")
    expect(button).to_have_attribute("aria-pressed", "false")
    assert not playing(page)


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 900)])
def test_screenshots_of_the_player(live_server, browser, seed_with_clips, width, height):
    from tests.browser.conftest import SCREENSHOTS

    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/records/{seed_with_clips.slug}/")
    page.get_by_role("button", name="Play A1 Générique").click()
    page.wait_for_function("() => document.querySelector('.player audio').currentTime > 0.3")
    page.locator(".player").scroll_into_view_if_needed()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"player-{width}x{height}.png"))
    page.screenshot(path=str(SCREENSHOTS / f"player-{width}x{height}-full.png"), full_page=True)
    assert playing(page)
    context.close()


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_player_has_no_accessibility_violations(live_server, page, seed_with_clips, language):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{live_server.url}/{language}/records/{seed_with_clips.slug}/")
    page.locator(".track-play").first.click()
    expect(page.locator(".track-play").first).to_have_attribute("aria-pressed", "true")

    results = Axe().run(page, context={"include": [[".player"], [".tracklist"]]})
    assert [violation["id"] for violation in results.response["violations"]] == []
