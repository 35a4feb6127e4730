"""Listen before you buy: staff upload a clip per track, shoppers get a play button.

Uploads are checked by name and by their first bytes (catalog.clips); the product page
gets one shared player; the JSON-LD describes each clip; and a clip added, replaced or
removed in the admin shows on the next request.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from catalog.clips import sniff_kind
from catalog.models import Release, Track
from tests.catalog.test_freshness import admin_change, assert_cached, fresh, warm
from tests.catalog.test_seo import json_ld
from tests.factories import add_clip, add_tracks, clip_file, make_release, wav_bytes

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
MP3_WITH_TAG = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(200)
MP3_FRAME = b"\xff\xfb\x90\x64" + bytes(200)
OGG = b"OggS\x00\x02" + bytes(200)


def first_track(release):
    return release.tracks.get(side="A", position=1)


def change_url(release):
    return reverse("admin:catalog_release_change", args=[release.pk])


def upload(staff, release, upload_file, **headers):
    """Staff upload a clip for the first track (A1) on the release's change form."""
    form = staff.get(change_url(release), headers=headers)
    data = _form_fields(form) | {"tracks-0-clip": upload_file}
    return staff.post(change_url(release), data, headers=headers)


def _form_fields(page):
    from tests.catalog.test_freshness import AdminForm

    form = AdminForm("release_form")
    form.feed(page.content.decode())
    fields = {}
    for name, value in form.fields:
        fields.setdefault(name, []).append(value)
    return fields


def stored_clips():
    return set(Path(settings.MEDIA_ROOT).glob("clips/*"))


def clip_errors(response):
    assert response.status_code == 200, "the form was accepted"
    track_formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "tracks"
    )
    return track_formset.forms[0].errors.get("clip", [])


# --- Uploading in the admin -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [("so-what.wav", None), ("so-what.mp3", MP3_WITH_TAG), ("so-what.MP3", MP3_FRAME)]
    + [("so-what.ogg", OGG), ("so-what.opus", OGG), ("so-what.oga", OGG)],
)
def test_staff_upload_a_clip_in_each_accepted_format(admin_client, seed, name, content):
    response = upload(admin_client, seed, clip_file(name, content))

    assert response.status_code == 302
    track = first_track(seed)
    extension = name.rpartition(".")[2].lower()
    assert re.fullmatch(
        rf"clips/miles-davis-ascenseur-pour-lechafaud-a1-generique-[0-9a-f]{{8}}\.{extension}",
        track.clip.name,
    )
    assert default_storage.exists(track.clip.name)


def test_a_wav_clips_length_is_measured_on_upload(admin_client, seed):
    upload(admin_client, seed, clip_file("a1.wav", wav_bytes(seconds=2.5)))

    assert first_track(seed).clip_duration == datetime.timedelta(seconds=2.5)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cover.mp3", PNG, "This file is not MP3 audio, whatever its name says."),
        ("clip.mp3", wav_bytes(), "This file is not MP3 audio, whatever its name says."),
        ("clip.ogg", MP3_WITH_TAG, "This file is not Ogg audio, whatever its name says."),
        ("clip.wav", b"RIFF\x00\x00\x00\x00AVI " + bytes(100), "This file is not WAV audio"),
        ("clip.flac", b"fLaC" + bytes(100), "A clip must be an MP3, Ogg or WAV file"),
        ("clip", OGG, "A clip must be an MP3, Ogg or WAV file"),
        ("clip.mp3", b"", "The submitted file is empty."),
    ],
)
def test_a_file_that_is_not_an_accepted_clip_is_refused_and_nothing_is_saved(
    admin_client, seed, name, content, message
):
    before = list(Track.objects.values_list("pk", "title", "clip"))
    files_before = stored_clips()

    errors = clip_errors(upload(admin_client, seed, clip_file(name, content)))

    assert any(message in error for error in errors), errors
    assert list(Track.objects.values_list("pk", "title", "clip")) == before
    assert stored_clips() == files_before


def test_a_clip_over_the_size_limit_is_refused(admin_client, seed, settings):
    settings.CLIP_MAX_BYTES = 1000

    errors = clip_errors(upload(admin_client, seed, clip_file("a1.wav", wav_bytes(seconds=1))))

    assert errors == ["The clip is 7.9\xa0KB; a clip may be at most 1000\xa0bytes."]
    assert not first_track(seed).clip


def test_refusals_are_in_the_staff_members_language(admin_client, seed, settings):
    settings.CLIP_MAX_BYTES = 1000
    ukrainian = {"accept-language": "uk"}

    wrong_kind = upload(admin_client, seed, clip_file("cover.mp3", PNG), **ukrainian)
    too_large = upload(admin_client, seed, clip_file("a1.wav"), **ukrainian)

    assert clip_errors(wrong_kind) == [
        "Цей файл не є аудіо у форматі MP3, хоч як би він називався."
    ]
    assert clip_errors(too_large) == [
        "Фрагмент займає 7,9\xa0Кб, а дозволено щонайбільше 1000\xa0байтів."
    ]


def test_leading_bytes_name_the_kind_of_audio():
    assert sniff_kind(MP3_WITH_TAG[:12]) == "mp3"
    assert sniff_kind(MP3_FRAME[:12]) == "mp3"
    assert sniff_kind(OGG[:12]) == "ogg"
    assert sniff_kind(wav_bytes()[:12]) == "wav"
    for other in (PNG[:12], b"", b"\xff", b"RIFF\x00\x00\x00\x00AVI ", b"fLaC"):
        assert sniff_kind(other) is None


# --- The product page ----------------------------------------------------------


@pytest.fixture
def seed_with_clips(seed):
    for track in seed.tracks.filter(side="A", position__lte=2):
        add_clip(track, f"{track.code}.wav", wav_bytes(seconds=1.5))
    return seed


def test_tracks_with_a_clip_get_a_play_button_in_english(client, seed_with_clips):
    page = client.get(seed_with_clips.get_absolute_url()).content.decode()

    assert page.count('class="track-play"') == 2
    assert 'aria-label="Play A1 Générique"' in page
    assert 'aria-label="Play A2 L&#x27;Assassinat de Carala"' in page
    assert "Next track" in page and 'aria-label="Clip progress"' in page
    assert '<audio preload="none"></audio>' in page
    assert page.count("shop/player.js") == 1
    a1 = first_track(seed_with_clips)
    assert f'data-clip="{a1.clip.url}"' in page


def test_play_buttons_are_named_in_ukrainian(client, seed_with_clips):
    page = client.get(f"/uk/records/{seed_with_clips.slug}/").content.decode()

    assert 'aria-label="Відтворити A1 Générique"' in page
    assert "Наступний трек" in page and 'aria-label="Аудіофрагменти"' in page


def test_a_record_without_clips_has_no_player_and_loads_no_script(client, seed):
    page = client.get(seed.get_absolute_url()).content.decode()

    assert "track-play" not in page and "data-player" not in page
    assert "player.js" not in page


def test_clips_add_no_query_to_the_product_page(
    client, seed_with_clips, warm_caches, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get(seed_with_clips.get_absolute_url())
    assert response.content.decode().count('class="track-play"') == 2


def test_page_weight_with_the_player_stays_in_budget(client, seed_with_clips):
    page = client.get(seed_with_clips.get_absolute_url()).content
    static = Path(settings.BASE_DIR) / "static" / "shop"
    scripts = re.findall(rb'<script src="/static/([^"]+)"', page)

    assert b"shop/player.js" in b" ".join(scripts)
    assert len(page) <= 30 * 1024
    assert sum((static.parent / s.decode()).stat().st_size for s in scripts) <= 15 * 1024
    assert (static / "player.js").stat().st_size <= 3 * 1024


def test_json_ld_describes_each_clip_as_an_audio_object(client, seed_with_clips):
    data = json_ld(client.get(seed_with_clips.get_absolute_url()).content.decode())
    tracks = [item["item"] for item in data["track"]["itemListElement"]]
    a1 = first_track(seed_with_clips)

    assert tracks[0]["audio"] == {
        "@type": "AudioObject",
        "contentUrl": f"http://testserver{a1.clip.url}",
        "encodingFormat": "audio/wav",
        "duration": "PT1.5S",
    }
    assert tracks[1]["audio"]["encodingFormat"] == "audio/wav"
    assert "audio" not in tracks[2]


def test_json_ld_states_no_duration_for_a_clip_of_unknown_length(client, db):
    release = make_release()
    add_tracks(release, 1)
    add_clip(release.tracks.get(), "a1.mp3", MP3_WITH_TAG)

    data = json_ld(client.get(release.get_absolute_url()).content.decode())

    audio = data["track"]["itemListElement"][0]["item"]["audio"]
    assert audio["encodingFormat"] == "audio/mpeg" and "duration" not in audio


# --- Freshness: a change in the admin shows at once ------------------------------


def test_a_clip_added_replaced_and_removed_in_the_admin_shows_at_once(
    client, admin_client, seed, warm_caches
):
    other = make_release(title="Otis Blue", slug="otis-blue")
    page, other_page = seed.get_absolute_url(), other.get_absolute_url()
    warm(client, page, other_page)

    admin_change(admin_client, seed, **{"tracks-0-clip": clip_file("a1.wav")})
    added = first_track(seed).clip.url
    assert f'data-clip="{added}"' in fresh(client, page)
    warm(client, page)

    admin_change(admin_client, seed, **{"tracks-0-clip": clip_file("a1-new.wav")})
    replaced = first_track(seed).clip.url
    assert replaced != added
    shown = fresh(client, page)
    assert f'data-clip="{replaced}"' in shown and added not in shown
    warm(client, page)

    admin_change(admin_client, seed, **{"tracks-0-clip-clear": "on"})
    assert not first_track(seed).clip and first_track(seed).clip_duration is None
    assert "track-play" not in fresh(client, page)
    assert_cached(client, other_page)


# --- Demo clips -----------------------------------------------------------------


def test_demo_records_come_with_short_synthetic_clips(db, client):
    call_command("load_demo_catalogue", verbosity=0)
    seed = Release.objects.get(catalogue_number="VNL 12204 LP")
    clips = [track.clip for track in Track.objects.exclude(clip="")]

    assert all(track.clip.name.endswith(".wav") for track in seed.tracks.all())
    assert all(6 <= t.clip_duration.total_seconds() <= 9 for t in seed.tracks.all())
    assert 10 < len(clips) < Track.objects.count()
    assert sum(clip.size for clip in clips) < 4 * 1024 * 1024
    assert len({clip.size for clip in clips}) > 1  # different for every track
    assert 'class="track-play"' in client.get(seed.get_absolute_url()).content.decode()

    call_command("load_demo_catalogue", verbosity=0)
    assert sorted(clip.name for clip in clips) == sorted(
        Track.objects.exclude(clip="").values_list("clip", flat=True)
    )
