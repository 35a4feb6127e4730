"""The shop's own pages (shop/pages.py, shop/page_views.py): shipping, returns, contact,
about, privacy and terms, edited by staff in English and Ukrainian, cached whole, in
the sitemap and linked from every page's footer."""

import hashlib
import io

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.utils.html import escape

from shop.models import ShopPage
from shop.page_cache import forget_local_pages
from shop.pages import PUBLISHED_KEY
from shop.starting_pages import SLUGS, page_fields, rewrite_untouched

FOOTER_LABELS = {
    "en": ["Shipping", "Returns", "Contact us", "About us", "Privacy", "Terms"],
    "uk": ["Доставка", "Повернення", "Контакти", "Про нас", "Конфіденційність", "Умови продажу"],
}


def page(slug) -> ShopPage:
    return ShopPage.objects.get(slug=slug)


def unpublish(slug):
    """As staff do in the admin: the model's signals run."""
    shop_page = page(slug)
    shop_page.published = False
    shop_page.save()


def html(response) -> str:
    return response.content.decode()


def footer(content: str) -> str:
    return content[content.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("language", ["en", "uk"])
def test_each_starting_page_shows_its_own_words_in_each_language(client, db, slug, language):
    starting = page_fields(slug)
    suffix = "_uk" if language == "uk" else ""

    response = client.get(f"/{language}/pages/{slug}/")

    content = html(response)
    assert response.status_code == 200
    assert f"<h1>{starting['title' + suffix]}</h1>" in content
    assert f"<title>{starting['title' + suffix]} · Plativka</title>" in content
    assert f'<meta name="description" content="{starting["description" + suffix]}">' in content
    first_paragraph = starting["body" + suffix].split("\n")[0]
    assert escape(first_paragraph[:60]) in content
    assert f'<link rel="canonical" href="http://testserver/{language}/pages/{slug}/">' in content
    for other in ("en", "uk"):
        assert f'hreflang="{other}" href="http://testserver/{other}/pages/{slug}/"' in content
    assert 'hreflang="x-default" href="http://testserver/pages/' in content


def test_the_starting_pages_tell_the_shops_real_policies(client, db):
    shipping = html(client.get("/en/pages/shipping/"))
    assert "Standard: 4 to 5 working days" in shipping
    assert "Express: 2 to 4 working days" in shipping
    assert "free on orders of records worth US$100 or more" in shipping
    assert "United Kingdom: Standard £3.95, Express £7.95" in shipping
    returns = html(client.get("/uk/pages/returns/"))
    assert "протягом 30 днів після доставки" in returns
    assert "Учасники клубу повертають безкоштовно" in returns
    contact = html(client.get("/en/pages/contact/"))
    assert '<a href="mailto:hello@plativka.example">hello@plativka.example</a>' in contact
    assert "This is a demo shop" in contact


def test_empty_ukrainian_fields_fall_back_to_english_marked_as_english(client, db):
    ShopPage.objects.filter(slug="terms").update(title_uk="", description_uk="", body_uk=" \n")

    content = html(client.get("/uk/pages/terms/"))

    english = page_fields("terms")
    assert f'<h1 lang="en">{english["title"]}</h1>' in content
    assert f'<meta name="description" content="{english["description"]}">' in content
    assert '<div class="prose shop-page__body" lang="en">' in content
    assert "These terms apply to every order placed with Plativka." in content


def test_a_ukrainian_title_with_an_english_body_marks_only_the_body(client, db):
    ShopPage.objects.filter(slug="about").update(body_uk="")

    content = html(client.get("/uk/pages/about/"))

    assert "<h1>Про магазин</h1>" in content
    assert '<div class="prose shop-page__body" lang="en">' in content


@pytest.mark.parametrize(
    "path",
    [
        "/en/pages/faq/",
        "/uk/pages/nope/",
        "/en/pages/" + "a" * 300 + "/",
        "/en/pages/shipping%00/",
        "/en/pages/<script>/",
        "/en/pages/Shipping/",
    ],
)
def test_an_unknown_page_is_a_404(client, db, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_page_is_a_404_and_leaves_the_footer(client, db):
    assert 'href="/en/pages/privacy/"' in footer(html(client.get("/en/")))

    unpublish("privacy")

    assert client.get("/en/pages/privacy/").status_code == 404
    home = footer(html(client.get("/en/")))
    assert 'href="/en/pages/privacy/"' not in home
    assert 'href="/en/pages/terms/"' in home


def test_a_deleted_page_is_a_404_and_the_demo_loader_puts_it_back(client, seed):
    # With records in the shop, `--if-empty` loads no catalogue but still mends the pages.
    page("contact").delete()
    assert client.get("/en/pages/contact/").status_code == 404
    assert 'href="/en/pages/contact/"' not in footer(html(client.get("/en/")))

    call_command("load_demo_catalogue", "--if-empty", stdout=io.StringIO())

    assert client.get("/en/pages/contact/").status_code == 200
    assert 'href="/en/pages/contact/"' in footer(html(client.get("/en/")))


def test_the_demo_loader_keeps_pages_staff_have_edited(seed):
    ShopPage.objects.filter(slug="returns").update(title="Returns (edited)")

    call_command("load_demo_catalogue", "--if-empty", stdout=io.StringIO())

    assert page("returns").title == "Returns (edited)"
    assert ShopPage.objects.count() == 6


def test_html_in_a_body_is_shown_as_typed_with_paragraphs_and_links(client, db):
    returns = page("returns")
    returns.body = (
        "<script>alert('x')</script> and <b>bold</b>\n"
        "Second line, see https://example.com/help\n\n"
        'A "new" paragraph'
    )
    returns.title = "Returns <i>now</i>"
    returns.save()

    content = html(client.get("/en/pages/returns/"))

    assert "<script>alert" not in content and "<b>bold</b>" not in content
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;<br>"
        in content
    )
    assert (
        '<a href="https://example.com/help" rel="nofollow">https://example.com/help</a>' in content
    )
    assert "<p>A &quot;new&quot; paragraph</p>" in content
    assert "<h1>Returns &lt;i&gt;now&lt;/i&gt;</h1>" in content


def test_a_line_ending_in_a_colon_heads_its_paragraph_and_dashes_make_a_list(client, db):
    returns = page("returns")
    returns.body = (
        "Who pays <postage>:\n"
        "We do, for members.\n\n"
        "Send these back:\n"
        "- the record, in its sleeve\n"
        "- the slip\n"
        "Thank you.\n\n"
        "A sentence that ends in a colon but stands alone:\n\n"
        ":\nA colon alone heads nothing.\n\n"
        "- an item:\nstays an item."
    )
    returns.save()

    content = html(client.get("/en/pages/returns/"))

    assert "<h2>Who pays &lt;postage&gt;</h2>\n<p>We do, for members.</p>" in content
    assert (
        "<p>Send these back:</p>\n<ul><li>the record, in its sleeve</li><li>the slip</li></ul>"
        "\n<p>Thank you.</p>"
    ) in content
    assert "<p>A sentence that ends in a colon but stands alone:</p>" in content
    assert "<p>:<br>A colon alone heads nothing.</p>" in content
    assert "<ul><li>an item:</li></ul>\n<p>stays an item.</p>" in content
    assert "<h2></h2>" not in content


def test_a_staff_edit_shows_on_the_next_request_despite_the_page_cache(
    client, db, django_assert_num_queries
):
    assert "<h1>Доставка</h1>" in html(client.get("/uk/pages/shipping/"))
    with django_assert_num_queries(0):  # now served from the cache
        assert "<h1>Доставка</h1>" in html(client.get("/uk/pages/shipping/"))

    shipping = page("shipping")
    shipping.title_uk = "Доставка по світу"
    shipping.save()

    assert "<h1>Доставка по світу</h1>" in html(client.get("/uk/pages/shipping/"))


def test_editing_one_page_keeps_the_others_cached(client, db, django_assert_num_queries):
    client.get("/en/pages/terms/")
    page("shipping").save()

    with django_assert_num_queries(0):
        assert client.get("/en/pages/terms/").status_code == 200


def test_a_cold_cache_links_every_page_and_the_next_page_view_corrects_it(client, db):
    ShopPage.objects.filter(slug="terms").update(published=False)  # no signal, as in SQL
    cache.delete(PUBLISHED_KEY)
    forget_local_pages()
    assert 'href="/en/pages/terms/"' in footer(html(client.get("/en/")))

    client.get("/en/pages/shipping/")

    assert 'href="/en/pages/terms/"' not in footer(html(client.get("/en/")))


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_home_page_footer_links_every_page_and_shows_contact_and_payments(client, db, language):
    content = footer(html(client.get(f"/{language}/")))

    for slug, label in zip(SLUGS, FOOTER_LABELS[language], strict=True):
        assert f'<a href="/{language}/pages/{slug}/">{label}</a>' in content
    assert 'href="mailto:hello@plativka.example"' in content
    assert 'href="tel:+442079460321"' in content
    assert '<ul class="payment-badges" aria-labelledby="footer-payments">' in content
    for name in ("Visa", "Mastercard", "Apple Pay", "Google Pay"):
        assert f'alt="{name}"' in content


def test_the_footer_reads_no_database(client, db, django_assert_num_queries):
    client.get("/en/")  # fills the footer's list
    with django_assert_num_queries(0):
        from shop.templatetags.shop_pages import shop_footer

        assert len(shop_footer({})["links"]) == 6


def test_the_sitemap_lists_published_pages_in_both_languages(client, db):
    unpublish("terms")

    index = html(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-shop-pages.xml" in index
    sitemap = html(client.get("/sitemap-shop-pages.xml"))

    for slug in ("shipping", "returns", "contact", "about", "privacy"):
        for language in ("en", "uk"):
            assert f"<loc>http://testserver/{language}/pages/{slug}/</loc>" in sitemap
    assert "/pages/terms/" not in sitemap


def test_the_product_page_links_shipping_and_returns(client, seed):
    content = html(client.get(seed.get_absolute_url()))

    assert '<a href="/en/pages/returns/">Members return for free.</a>' in content
    assert '<a href="/en/pages/shipping/">Shipping costs and delivery times</a>' in content


@pytest.fixture
def staff_client(db):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser("staff", "staff@example.com", "pw"))
    return client


def admin_form(shop_page: ShopPage, **changes) -> dict:
    fields = ["title", "description", "body", "title_uk", "description_uk", "body_uk"]
    data = {field: getattr(shop_page, field) for field in fields}
    data["published"] = "on" if shop_page.published else ""
    return {**data, **changes}


def test_staff_edit_a_page_in_the_admin_and_shoppers_see_it(staff_client, client, db):
    returns = page("returns")
    client.get("/uk/pages/returns/")  # cached

    listing = html(staff_client.get("/admin/shop/shoppage/"))
    assert "Returns and refunds" in listing
    response = staff_client.post(
        f"/admin/shop/shoppage/{returns.pk}/change/",
        admin_form(returns, title_uk="Повернення", body_uk="Шістдесят днів на повернення."),
    )

    assert response.status_code == 302
    content = html(client.get("/uk/pages/returns/"))
    assert "<h1>Повернення</h1>" in content
    assert "<p>Шістдесят днів на повернення.</p>" in content


def test_staff_cannot_change_a_pages_address_or_save_it_without_english(staff_client, db):
    returns = page("returns")

    response = staff_client.post(
        f"/admin/shop/shoppage/{returns.pk}/change/",
        admin_form(returns, slug="faq", title="", body=""),
    )

    assert response.status_code == 200
    assert "This field is required." in html(response)
    returns.refresh_from_db()
    assert returns.slug == "returns" and returns.title == "Returns and refunds"


def test_staff_unpublish_a_page_in_the_admin(staff_client, client, db):
    privacy = page("privacy")
    client.get("/en/pages/privacy/")

    staff_client.post(
        f"/admin/shop/shoppage/{privacy.pk}/change/", admin_form(privacy, published="")
    )

    assert client.get("/en/pages/privacy/").status_code == 404
    assert 'href="/en/pages/privacy/"' not in footer(html(client.get("/en/")))


def test_a_page_staff_have_not_touched_takes_the_new_starting_text_field_by_field(
    client, db, django_assert_num_queries
):
    # Saved through the admin's form, a field comes back with the browser's CRLF line endings.
    ShopPage.objects.filter(slug="privacy").update(
        body="Old starting text.\r\n\r\nIts second paragraph.\r\n",
        description="Edited by staff.",
    )
    assert "Old starting text." in html(client.get("/en/pages/privacy/"))
    with django_assert_num_queries(0):  # served from the cache
        assert "Old starting text." in html(client.get("/en/pages/privacy/"))
    old = hashlib.sha256(b"Old starting text.\n\nIts second paragraph.").hexdigest()
    earlier = hashlib.sha256(b"An earlier starting description.").hexdigest()

    # As a migration calls it: with the historical model, which sends no signals.
    state = MigrationLoader(connection).project_state(("shop", "0007_privacy_page_for_members"))
    historical_page = state.apps.get_model("shop", "ShopPage")
    rewritten, edited = rewrite_untouched(
        historical_page, "privacy", {"body": old, "description": earlier}
    )

    assert (rewritten, edited) == (["body"], ["description"])
    assert page("privacy").body == page_fields("privacy")["body"]
    assert page("privacy").description == "Edited by staff."
    assert "six cookies" in html(client.get("/en/pages/privacy/"))  # not the cached page
    assert rewrite_untouched(historical_page, "gone", {"body": old}) == ([], [])
    # Run again (or on a fresh database, whose pages start with the current text):
    # nothing to rewrite, and only the staff's field reported.
    assert rewrite_untouched(historical_page, "privacy", {"body": old, "description": earlier}) == (
        [],
        ["description"],
    )
