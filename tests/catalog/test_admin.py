from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse

from catalog import stock
from catalog.models import Artist, CoverImage, Label, Question, Release, Role
from tests.factories import add_image, image_file, make_release


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("staff", "staff@example.com", "secret-password")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def admin_urls(model_admin, request, obj=None):
    """The admin pages of a model that this staff member may open."""
    prefix = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    urls = [reverse(f"{prefix}_changelist")]
    if model_admin.has_add_permission(request):
        urls.append(reverse(f"{prefix}_add"))
    if obj is not None:
        urls += [reverse(f"{prefix}_{view}", args=[obj.pk]) for view in ("change", "history")]
        if model_admin.has_delete_permission(request, obj):
            urls.append(reverse(f"{prefix}_delete", args=[obj.pk]))
    return urls


def test_every_admin_page_loads_for_staff(staff_client, staff, rf, seed):
    add_image(seed)
    Question.objects.create(release=seed, name="Ann", email="ann@example.com", body="Mono?")
    request = rf.get("/admin/")
    request.user = staff
    assert staff_client.get(reverse("admin:index")).status_code == 200
    for model, model_admin in admin.site._registry.items():
        for url in admin_urls(model_admin, request, model.objects.first()):
            response = staff_client.get(url)
            assert response.status_code == 200, url


def test_release_list_search_finds_catalogue_number_artist_and_barcode(staff_client, seed):
    url = reverse("admin:catalog_release_changelist")
    for query in ["VNL 12204", "Miles", "Ascenseur"]:
        response = staff_client.get(url, {"q": query})
        assert "Ascenseur Pour L&#x27;Echafaud" in response.content.decode(), query
    response = staff_client.get(url, {"q": "nothing like this"})
    assert "0 releases" in response.content.decode()


@pytest.mark.parametrize(
    "filters",
    [
        {"published__exact": "1"},
        {"stock": "low"},
        {"stock": "out"},
        {"stock": "in"},
        {"format": "LP"},
    ],
)
def test_release_list_filters_load(staff_client, seed, filters):
    response = staff_client.get(reverse("admin:catalog_release_changelist"), filters)
    assert response.status_code == 200


def test_publish_and_unpublish_actions(staff_client, db):
    drafts = [make_release(published=False), make_release(published=False)]
    url = reverse("admin:catalog_release_changelist")
    ids = [str(release.pk) for release in drafts]

    response = staff_client.post(url, {"action": "publish", "_selected_action": ids}, follow=True)
    assert "2 releases published." in response.content.decode()
    assert Release.objects.filter(published=True).count() == 2

    staff_client.post(url, {"action": "unpublish", "_selected_action": ids[:1]})
    assert list(Release.objects.filter(published=True)) == [drafts[1]]


def test_price_and_stock_are_editable_from_the_list(staff_client, seed):
    url = reverse("admin:catalog_release_changelist")
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(seed.pk),
        "form-0-price": "25.50",
        "form-0-stock": "4",
        "_save": "Save",
    }

    response = staff_client.post(url, data)

    assert response.status_code == 302
    seed.refresh_from_db()
    assert (seed.price, seed.stock) == (Decimal("25.50"), 4)


def inline_management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def new_release_form(label, artist, role):
    data = {
        "title": "Kind of Blue",
        "slug": "miles-davis-kind-of-blue",
        "published": "on",
        "label": label.pk,
        "catalogue_number": "NE 002",
        "format": "LP",
        "format_descriptions": ["album", "reissue"],
        "colour": "Yellow",
        "country": "IT",
        "released": "2024-01-15",
        "released_precision": "month",
        "price": "24.95",
        "stock": "7",
        "description": "Modal jazz.",
        **inline_management("release_artists", 1),
        "release_artists-0-artist": artist.pk,
        "release_artists-0-position": "0",
        **inline_management("images", 1),
        "images-0-image": image_file("kind-of-blue.png", size=(1200, 1200)),
        "images-0-alt_text": "Front cover",
        "images-0-position": "0",
        **inline_management("tracks", 2),
        "tracks-0-side": "A",
        "tracks-0-position": "1",
        "tracks-0-title": "So What",
        "tracks-0-duration": "9:22",
        "tracks-1-side": "B",
        "tracks-1-position": "1",
        "tracks-1-title": "All Blues",
        **inline_management("credits", 1),
        "credits-0-position": "0",
        "credits-0-artist": artist.pk,
        "credits-0-role": role.pk,
        **inline_management("company_credits", 1),
        "company_credits-0-position": "0",
        "company_credits-0-role": "distributed_by",
        "company_credits-0-name": "OpenReelTopReel Hub",
        **inline_management("translations", 1),
        "translations-0-language": "uk",
        "translations-0-description": "Модальний джаз.",
    }
    return data


def test_staff_add_a_record_with_tracks_credits_and_cover_that_shows_in_both_languages(
    staff_client, client, db
):
    label = Label.objects.create(name="Ermitage", slug="ermitage")
    artist = Artist.objects.create(name="Miles Davis", slug="miles-davis")
    role = Role.objects.create(name="Trumpet")

    response = staff_client.post(
        reverse("admin:catalog_release_add"), new_release_form(label, artist, role)
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    release = Release.objects.get(slug="miles-davis-kind-of-blue")
    assert release.tracks.count() == 2
    assert release.format_descriptions == ["album", "reissue"]
    cover = CoverImage.objects.get(release=release)
    assert cover.rendition_widths == [240, 480, 960]

    english = client.get("/en/records/miles-davis-kind-of-blue/").content.decode()
    for text in [
        "Miles Davis – Kind of Blue",
        "NE 002",
        "So What",
        "9:22",
        "Side B",
        "All Blues",
        "Trumpet",
        "January 2024",
        "Modal jazz.",
        "960w",
        "Vinyl, LP, Album, Reissue, Yellow",
        "OpenReelTopReel Hub",
    ]:
        assert text in english, text
    ukrainian = client.get("/uk/records/miles-davis-kind-of-blue/").content.decode()
    for text in ["Модальний джаз.", "січень 2024", "Сторона B"]:
        assert text in ukrainian, text


def test_invalid_release_is_rejected_with_errors_and_nothing_saved(staff_client, db):
    label = Label.objects.create(name="Ermitage", slug="ermitage")
    artist = Artist.objects.create(name="Miles Davis", slug="miles-davis")
    role = Role.objects.create(name="Trumpet")
    data = new_release_form(label, artist, role) | {
        "price": "-1",
        "sale_price": "99",
        "tracks-1-side": "b!",
    }

    response = staff_client.post(reverse("admin:catalog_release_add"), data)

    assert response.status_code == 200
    assert response.context["errors"]
    assert not Release.objects.exists()


def test_adding_a_release_opens_its_stock_ledger(staff_client, db):
    label = Label.objects.create(name="Ermitage", slug="ermitage")
    artist = Artist.objects.create(name="Miles Davis", slug="miles-davis")
    role = Role.objects.create(name="Trumpet")

    staff_client.post(reverse("admin:catalog_release_add"), new_release_form(label, artist, role))

    release = Release.objects.get(slug="miles-davis-kind-of-blue")
    assert list(release.stock_movements.values_list("reason", "change")) == [("opening", 7)]
    movements = staff_client.get(reverse("admin:catalog_stockmovement_changelist"))
    assert "Opening stock" in movements.content.decode()


def test_release_page_shows_copies_held_for_checkouts_and_the_order_limit(staff_client, seed):
    with transaction.atomic():
        stock.reserve([(seed.pk, 2)], reference="PL-7K3QX9")

    page = staff_client.get(reverse("admin:catalog_release_change", args=[seed.pk]))

    content = page.content.decode()
    assert "Held in checkouts" in content and "Limit per order" in content
    assert '<div class="readonly">2</div>' in content
    assert 'name="held"' not in content  # read-only
