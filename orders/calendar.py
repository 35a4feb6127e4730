"""The dispatch calendar: which days the shop ships, and when a parcel should arrive."""

import datetime
from dataclasses import dataclass
from functools import cached_property

import holidays
from django.utils import timezone


@dataclass(frozen=True)
class DispatchCalendar:
    """Monday to Friday, minus public holidays and the shop's own closure days."""

    cutoff: datetime.time
    holiday_country: str
    holiday_subdivision: str
    closures: frozenset

    @cached_property
    def _holidays(self):
        return holidays.country_holidays(
            self.holiday_country, subdiv=self.holiday_subdivision or None
        )

    def is_public_working_day(self, day: datetime.date) -> bool:
        """Carriers deliver on these: weekdays that are not public holidays."""
        return day.weekday() < 5 and day not in self._holidays

    def is_dispatch_day(self, day: datetime.date) -> bool:
        return self.is_public_working_day(day) and day not in self.closures

    def dispatch_date(self, now: datetime.datetime) -> datetime.date:
        """The day an order paid at `now` leaves the shop."""
        local = timezone.localtime(now)
        day = local.date()
        if local.time() >= self.cutoff or not self.is_dispatch_day(day):
            day = self._next(day, self.is_dispatch_day)
        return day

    def holds_until(self, now: datetime.datetime) -> datetime.datetime:
        """The next moment `dispatch_date` may change: today's cut-off, else midnight."""
        local = timezone.localtime(now)
        cutoff = timezone.make_aware(datetime.datetime.combine(local.date(), self.cutoff))
        if local < cutoff:
            return cutoff
        tomorrow = local.date() + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))

    def after_working_days(self, start: datetime.date, count: int) -> datetime.date:
        day = start
        for _ in range(count):
            day = self._next(day, self.is_public_working_day)
        return day

    def delivery_window(self, now, min_days, max_days) -> tuple[datetime.date, datetime.date]:
        dispatched = self.dispatch_date(now)
        return (
            self.after_working_days(dispatched, min_days),
            self.after_working_days(dispatched, max_days),
        )

    @staticmethod
    def _next(day, is_open):
        # A year of closures in a row would be a data error, not a calendar.
        for _ in range(366):
            day += datetime.timedelta(days=1)
            if is_open(day):
                return day
        raise ValueError("No open day within a year; check the closure days.")
