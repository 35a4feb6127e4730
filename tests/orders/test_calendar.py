import datetime
import zoneinfo

import pytest

from orders.calendar import DispatchCalendar

LONDON = zoneinfo.ZoneInfo("Europe/London")


def calendar(closures=()):
    return DispatchCalendar(
        cutoff=datetime.time(14, 0),
        holiday_country="GB",
        holiday_subdivision="ENG",
        closures=frozenset(closures),
    )


def at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.mark.parametrize(
    ("paid", "dispatched"),
    [
        (at(datetime.date(2026, 11, 24), 9), datetime.date(2026, 11, 24)),  # Tue before cut-off
        (at(datetime.date(2026, 11, 24), 15), datetime.date(2026, 11, 25)),  # after cut-off
        (at(datetime.date(2026, 11, 27), 16), datetime.date(2026, 11, 30)),  # Fri evening -> Mon
        (at(datetime.date(2026, 11, 28), 10), datetime.date(2026, 11, 30)),  # Saturday -> Mon
        (
            at(datetime.date(2026, 12, 24), 15),
            datetime.date(2026, 12, 29),
        ),  # Christmas, Boxing Day (observed)
    ],
)
def test_dispatch_day_skips_weekends_holidays_and_the_cutoff(paid, dispatched):
    assert calendar().dispatch_date(paid) == dispatched


def test_staff_closure_days_delay_dispatch():
    shop = calendar(closures={datetime.date(2026, 11, 24), datetime.date(2026, 11, 25)})
    assert shop.dispatch_date(at(datetime.date(2026, 11, 24), 9)) == datetime.date(2026, 11, 26)


def test_delivery_window_counts_working_days_after_dispatch():
    paid = at(datetime.date(2026, 11, 23), 10)  # Monday morning: dispatched the same day
    assert calendar().delivery_window(paid, 4, 5) == (
        datetime.date(2026, 11, 27),
        datetime.date(2026, 11, 30),
    )
    assert calendar().delivery_window(paid, 2, 4) == (
        datetime.date(2026, 11, 25),
        datetime.date(2026, 11, 27),
    )


def test_transit_skips_public_holidays_but_not_shop_closures():
    shop = calendar(closures={datetime.date(2026, 12, 30)})
    paid = at(datetime.date(2026, 12, 23), 10)  # dispatched Wed 23 Dec
    # Working days after: 24, 29 (25, 28 are holidays), 30 (a shop closure, still a carrier day)
    assert shop.after_working_days(datetime.date(2026, 12, 23), 3) == datetime.date(2026, 12, 30)
    assert shop.dispatch_date(paid) == datetime.date(2026, 12, 23)


def test_a_year_of_closures_is_reported_not_looped_forever():
    start = datetime.date(2027, 1, 1)
    closed = {start + datetime.timedelta(days=n) for n in range(400)}
    with pytest.raises(ValueError, match="No open day within a year"):
        calendar(closures=closed).dispatch_date(at(start, 9))
