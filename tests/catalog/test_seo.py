import json
import re
import xml.etree.ElementTree as ET

from django.db import transaction

from catalog import stock
from catalog.models import Genre, Question
from tests.factories import add_image, make_release

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def json_ld(page):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(match[1])


def test_product_json_ld_is_valid_and_matches_the_page(client, seed):
    cover = add_image(seed)
    page = client.get(seed.get_absolute_url()).content.decode()
    data = json_ld(page)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == ["Product", "MusicRelease"]
    assert data["name"] == "Miles Davis – Ascenseur Pour L'Echafaud"
    assert data["catalogNumber"] == "VNL 12204 LP"
    assert data["recordLabel"] == {"@type": "Organization", "name": "Ermitage"}
    assert data["musicReleaseFormat"] == "https://schema.org/VinylFormat"
    assert data["byArtist"] == [{"@type": "MusicGroup", "name": "Miles Davis"}]
    assert data["datePublished"] == "2024-02-02"
    tracks = data["track"]["itemListElement"]
    assert data["track"]["numberOfItems"] == 10
    assert tracks[0]["item"] == {"@type": "MusicRecording", "name": "Générique", "position": "A1"}
    assert data["image"] == f"http://testserver{cover.image.url}"
    offer = data["offers"]
    assert (offer["price"], offer["priceCurrency"]) == ("23.95", "GBP")
    assert offer["availability"] == "https://schema.org/InStock"
    assert "£23.95" in page
    standard = offer["shippingDetails"][0]
    assert standard["freeShippingThreshold"] == {
        "@type": "MonetaryAmount",
        "value": "100.00",
        "currency": "USD",
    }
    assert standard["deliveryTime"]["transitTime"]["minValue"] == 4
    assert standard["deliveryTime"]["transitTime"]["maxValue"] == 5
    assert standard["shippingRate"]["value"] == "3.95"
    assert "4–5 business days, from £3.95" in page


def test_json_ld_follows_the_shoppers_currency_and_stock(client, db):
    release = make_release(stock=2, price="20.00")
    client.post("/en/currency/", {"currency": "EUR"})
    data = json_ld(client.get(release.get_absolute_url()).content.decode())
    assert (data["offers"]["price"], data["offers"]["priceCurrency"]) == ("23.40", "EUR")
    assert data["offers"]["availability"] == "https://schema.org/LimitedAvailability"


def test_json_ld_says_out_of_stock_while_every_copy_is_reserved(client, db):
    release = make_release(stock=1)
    with transaction.atomic():
        stock.reserve([(release.pk, 1)], reference="PL-7K3QX9")
    data = json_ld(client.get(release.get_absolute_url()).content.decode())
    assert data["offers"]["availability"] == "https://schema.org/OutOfStock"


def test_markup_in_data_cannot_break_out_of_the_json_ld_script(client, seed):
    seed.description = "</script><script>alert(1)</script> & more"
    seed.save()
    Question.objects.create(release=seed, name="x", email="x@example.com", body="q", answer="a")

    page = client.get(seed.get_absolute_url()).content.decode()

    assert "</script><script>alert(1)" not in page
    assert json_ld(page)["description"] == "</script><script>alert(1)</script> & more"


def test_head_has_canonical_hreflang_and_open_graph(client, seed):
    page = client.get(f"/uk/records/{seed.slug}/?utm_source=x").content.decode()

    url = f"http://testserver/uk/records/{seed.slug}/"
    assert f'<link rel="canonical" href="{url}">' in page
    assert f'hreflang="en" href="http://testserver/en/records/{seed.slug}/?utm_source=x"' in page
    assert (
        f'hreflang="x-default" href="http://testserver/records/{seed.slug}/?utm_source=x"' in page
    )
    assert '<meta property="og:type" content="music.album">' in page
    assert '<meta property="og:locale" content="uk_UA">' in page
    assert f'<meta property="og:url" content="{url}">' in page


def test_sitemap_index_and_sections_list_every_published_page_in_both_languages(client, seed):
    hidden = make_release(published=False, slug="hidden-draft")

    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert "http://testserver/sitemap-records.xml" in sections

    records = client.get("/sitemap-records.xml")
    assert records["Content-Type"].startswith("application/xml")
    urls = [loc.text for loc in ET.fromstring(records.content).iter(f"{SITEMAP}loc")]
    assert f"http://testserver/en/records/{seed.slug}/" in urls
    assert f"http://testserver/uk/records/{seed.slug}/" in urls
    assert not any(hidden.slug in url for url in urls)
    for section, path in [("artists", "/artists/miles-davis/"), ("labels", "/labels/ermitage/")]:
        xml = client.get(f"/sitemap-{section}.xml").content.decode()
        assert f"http://testserver/uk{path}" in xml


def test_unknown_sitemap_section_is_404(client, db):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-records.xml?p=999").status_code == 404
    assert client.get("/sitemap-records.xml?p=abc").status_code == 404


def test_robots_txt_points_at_the_sitemap_and_keeps_private_pages_out(client, db):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"] == "text/plain"
    assert "Disallow: /admin/" in text
    assert "Disallow: /*/checkout/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_more_from_the_artist_label_and_collection_in_one_query(
    client, seed, warm_caches, django_assert_max_num_queries
):
    from tests.factories import make_collection

    series = make_collection("New Ermitage")
    seed.collection = series
    seed.save()
    make_release(title="Kind of Blue", artists=[seed.artists.get()])
    make_release(title="Series Sibling", collection=series)
    make_release(title="Label Mate", label=seed.label)
    make_release(title="Unrelated")
    make_release(title="Hidden Draft", artists=[seed.artists.get()], published=False)

    with django_assert_max_num_queries(8):
        page = client.get(seed.get_absolute_url()).content.decode()

    main = page[page.index("<main") :]
    assert "More from Miles Davis" in main and "Kind of Blue" in main
    assert "More from the New Ermitage collection" in main and "Series Sibling" in main
    assert "More from Ermitage" in main and "Label Mate" in main
    assert "Unrelated" not in main and "Hidden Draft" not in main


def all_json_ld(page):
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    ]


def slugs():
    return (
        Genre.objects.get(name="Jazz").slug,
        Genre.objects.get(name="Cool Jazz").slug,
    )


def test_breadcrumbs_lead_from_home_through_genre_and_style_to_the_record(client, seed):
    jazz, cool = slugs()
    page = client.get(seed.get_absolute_url()).content.decode()
    trail = page[
        page.index('<nav class="breadcrumbs"') : page.index(
            "</nav>", page.index('<nav class="breadcrumbs"')
        )
    ]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', trail) == [
        ("/en/", "Home"),
        (f"/en/records/?genre={jazz}", "Jazz"),
        (f"/en/records/?genre={jazz}&amp;style={cool}", "Cool Jazz"),
    ]
    assert '<li aria-current="page">Ascenseur Pour L&#x27;Echafaud</li>' in trail

    (crumbs,) = [d for d in all_json_ld(page) if d["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names == ["Home", "Jazz", "Cool Jazz", "Miles Davis – Ascenseur Pour L'Echafaud"]
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3, 4]
    assert crumbs["itemListElement"][2]["item"] == (
        f"http://testserver/en/records/?genre={jazz}&style={cool}"
    )
    # Each step opens a list that holds the record.
    for link in (f"/en/records/?genre={jazz}", f"/en/records/?genre={jazz}&style={cool}"):
        assert "Ascenseur Pour L&#x27;Echafaud" in client.get(link).content.decode()


def test_genre_style_and_country_open_the_filtered_list(client, seed):
    jazz, cool = slugs()
    page = client.get(f"/uk/records/{seed.slug}/").content.decode()
    assert f'<a href="/uk/records/?genre={jazz}">' in page
    assert f'<a href="/uk/records/?style={cool}">' in page
    assert '<a href="/uk/records/?country=IT">Італія</a>' in page
    assert 'aria-label="Навігаційний ланцюжок"' in page
    assert (
        "Ascenseur Pour L&#x27;Echafaud" in client.get("/uk/records/?country=IT").content.decode()
    )
