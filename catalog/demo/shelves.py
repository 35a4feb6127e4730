"""The demo home page: its featured collection, staff picks and records back in stock.

Loaded after the records (catalog.demo.loader). The notes are the shop's own words.
"""

import datetime

from django.utils import timezone

from catalog.freshness import HOME, changed
from catalog.models import Collection, Release, StaffPick, StaffPickTranslation

FEATURED_COLLECTION = "new-ermitage"

STAFF_PICKS = [  # release slug, note, Ukrainian note; in the order shown
    (
        "charles-mingus-mingus-ah-um",
        "Big-band muscle from a small group, full of humour and grief at once.",
        "Міць біг-бенду в невеликому складі, з гумором і смутком водночас.",
    ),
    (
        "stan-getz-joao-gilberto-getz-gilberto",
        "Bossa nova at its gentlest: the record that carried it round the world.",
        "Найлагідніша босанова: платівка, що рознесла її по всьому світу.",
    ),
    (
        "curtis-mayfield-super-fly",
        "A film score that outgrew its film: sharp words over deep grooves.",
        "Саундтрек, що переріс свій фільм: гострі слова на глибокому ґруві.",
    ),
    (
        "the-dave-brubeck-quartet-time-out",
        "Odd time signatures that swing so easily you hardly notice them.",
        "Незвичні музичні розміри, які свінгують так легко, що їх майже не помічаєш.",
    ),
    (
        "horace-silver-song-for-my-father",
        "A warm, Latin-tinged title tune you will hum for days.",
        "Теплий заголовний трек із латиноамериканським присмаком: його ще довго наспівуватимете.",
    ),
    (
        "bill-evans-trio-waltz-for-debby",
        "Piano, bass and drums listening closely to one another in a small club.",
        "Фортепіано, контрабас і ударні, що уважно слухають одне одного в маленькому клубі.",
    ),
]

BACK_IN_STOCK = {  # release slug -> restocked this many days ago
    "john-coltrane-a-love-supreme": 2,
    "otis-redding-otis-blue": 5,
    "miles-davis-milestones": 9,
}


def load_home_shelves():
    _feature(FEATURED_COLLECTION)
    _staff_picks(STAFF_PICKS)
    _back_in_stock(BACK_IN_STOCK)
    changed(HOME)


def _feature(slug):
    for collection in Collection.objects.filter(slug=slug, featured=False):
        collection.featured = True
        collection.save(update_fields=["featured"])


def _staff_picks(picks):
    releases = dict(
        Release.objects.filter(slug__in=[p[0] for p in picks]).values_list("slug", "pk")
    )
    for position, (slug, note, note_uk) in enumerate(picks):
        pick, _created = StaffPick.objects.update_or_create(
            release_id=releases[slug], defaults={"position": position, "note": note}
        )
        StaffPickTranslation.objects.update_or_create(
            parent=pick, language="uk", defaults={"note": note_uk}
        )


def _back_in_stock(days_ago):
    """Demo records that came back lately (a real restock sets this: catalog.stock.adjust)."""
    now = timezone.now()
    for slug, days in days_ago.items():
        restocked = now - datetime.timedelta(days=days)
        Release.objects.filter(slug=slug, stock__gt=0).update(restocked=restocked)
