"""Small factories for test data: plain functions with sensible defaults."""

import datetime
import io
import itertools
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalog import stock
from catalog.models import (
    Artist,
    Collection,
    CompanyCredit,
    CoverImage,
    Credit,
    Genre,
    Label,
    Release,
    ReleaseArtist,
    Role,
    Track,
)

_sequence = itertools.count(1)


def make_label(name=None, **fields):
    n = next(_sequence)
    name = name or f"Label {n}"
    return Label.objects.create(name=name, slug=fields.pop("slug", f"label-{n}"), **fields)


def make_artist(name=None, **fields):
    n = next(_sequence)
    name = name or f"Artist {n}"
    return Artist.objects.create(name=name, slug=fields.pop("slug", f"artist-{n}"), **fields)


def make_genre(name, parent=None):
    return Genre.objects.create(name=name, slug=f"genre-{next(_sequence)}", parent=parent)


def make_release(*, artists=(), label=None, **fields):
    n = next(_sequence)
    defaults = {
        "title": f"Record {n}",
        "slug": f"record-{n}",
        "price": Decimal("20.00"),
        "stock": 10,
        "published": True,
    }
    release = Release.objects.create(label=label or make_label(), **(defaults | fields))
    stock.record_opening([(release.pk, release.stock)])
    for position, artist in enumerate(artists):
        ReleaseArtist.objects.create(release=release, artist=artist, position=position)
    return release


def add_tracks(release, count, side="A"):
    Track.objects.bulk_create(
        Track(release=release, side=side, position=p, title=f"Track {side}{p}")
        for p in range(1, count + 1)
    )


def add_credits(release, count, role_name="Piano"):
    role, _created = Role.objects.get_or_create(name=role_name)
    for position in range(count):
        Credit.objects.create(release=release, artist=make_artist(), role=role, position=position)


def add_company(release, role, name):
    return CompanyCredit.objects.create(release=release, role=role, name=name)


def image_file(name="cover.png", size=(600, 600), colour="#f4c430", image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format)
    content_type = "image/png" if image_format == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def add_image(release, position=0):
    return CoverImage.objects.create(release=release, image=image_file(), position=position)


def make_collection(name="New Ermitage"):
    return Collection.objects.create(name=name, slug=f"collection-{next(_sequence)}")


def seed_release():
    """The seed page's record, with the facts the page must show."""
    ermitage = make_label("Ermitage", slug="ermitage")
    fontana = make_label("Fontana", slug="fontana")
    jazz = make_genre("Jazz")
    cool = make_genre("Cool Jazz", parent=jazz)
    miles = make_artist(
        "Miles Davis", slug="miles-davis", biography="A trumpeter who kept moving jazz forward."
    )
    release = make_release(
        artists=[miles],
        label=ermitage,
        title="Ascenseur Pour L'Echafaud",
        slug="miles-davis-ascenseur-pour-lechafaud",
        catalogue_number="VNL 12204 LP",
        format="LP",
        format_descriptions=["album", "limited", "reissue"],
        colour="Yellow",
        country="IT",
        released=datetime.date(2024, 2, 2),
        original_label=fontana,
        original_year=1958,
        price=Decimal("23.95"),
        stock=12,
        notes="Recorded December 4 and 5, 1957 at Le Poste Parisien, Paris, France.",
        description="Music for Louis Malle's first feature.",
    )
    release.genres.set([jazz, cool])
    titles = {
        "A": [
            "Générique",
            "L'Assassinat de Carala",
            "Sur L'Autoroute",
            "Julien Dans L'Ascenseur",
            "Florence Sur Les Champs-Élysées",
        ],
        "B": [
            "Dîner Au Motel",
            "Evasion de Julien",
            "Visite du Vigile",
            "Au Bar du Petit Bac",
            "Chez Le Photographe du Motel",
        ],
    }
    for side, side_titles in titles.items():
        for position, title in enumerate(side_titles, start=1):
            Track.objects.create(release=release, side=side, position=position, title=title)
    personnel = [
        (miles, "Trumpet"),
        (make_artist("Barney Wilen"), "Tenor Saxophone"),
        (make_artist("René Urtreger"), "Piano"),
        (make_artist("Pierre Michelot"), "Bass"),
        (make_artist("Kenny Clarke"), "Drums"),
    ]
    for position, (artist, role_name) in enumerate(personnel):
        role, _created = Role.objects.get_or_create(name=role_name)
        Credit.objects.create(release=release, artist=artist, role=role, position=position)
    add_company(release, "distributed_by", "OpenReelTopReel Hub")
    return release


def make_order(release=None, *, status="paid", quantity=1, **fields):
    """An order for `quantity` copies of `release`, in the given state, paid by demo payment."""
    from orders.models import Order, OrderLine

    release = release or make_release()
    total = release.price * quantity
    paid = status not in ("pending", "expired")
    defaults = {
        "email": "olena@example.com",
        "language": "en",
        "name": "Olena Kovalenko",
        "address_line1": "vul. Khreshchatyk 1",
        "city": "Kyiv",
        "country": "UA",
        "shipping_method": "standard",
        "currency": "GBP",
        "rate": Decimal(1),
        "subtotal": total,
        "shipping_price": Decimal(0),
        "total": total,
        "amount_paid": total if paid else Decimal(0),
        "stripe_payment_intent": f"demo_pi_{next(_sequence)}" if paid else "",
        "stock_held": status == "pending",
        "status": status,
        "reserved_until": datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=30),
        "paid": datetime.datetime.now(datetime.UTC) if paid else None,
    }
    order = Order.objects.create(**(defaults | fields))
    OrderLine.objects.create(
        order=order,
        release=release,
        title=release.title,
        quantity=quantity,
        unit_price=release.price,
        line_total=total,
    )
    if order.stock_held:
        stock.reserve([(release.pk, quantity)], reference=order.number)
    return order


def wav_bytes(seconds=1.0, rate=8000):
    """A short silent 8-bit mono WAV file."""
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * int(seconds * rate))
    return buffer.getvalue()


def clip_file(name="clip.wav", content=None):
    return SimpleUploadedFile(name, wav_bytes() if content is None else content, "audio/wav")


def add_clip(track, name="clip.wav", content=None):
    """Give the track a clip, stored and measured as an upload through the admin would be."""
    from catalog.clips import clip_duration

    track.clip = clip_file(name, content)
    track.clip_duration = clip_duration(track.clip.file)
    track.save()
    return track


def make_member(
    email="olena@example.com", password="vinyl-on-sunday-42", *, verified=True, **account
):
    """A shopper's account, verified unless told otherwise."""
    import uuid

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from shop.models import Account

    user = get_user_model().objects.create_user(
        username=uuid.uuid4().hex, email=email, password=password
    )
    defaults = {
        "language": "en",
        "privacy_accepted": timezone.now(),
        "email_verified": timezone.now() if verified else None,
    }
    Account.objects.create(user=user, **(defaults | account))
    return user
