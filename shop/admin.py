from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from .models import Account, Currency, DefaultCurrency, ShopPage

NUL = "\x00"


class StrictChangeList(ChangeList):
    """An admin list that refuses filters no row can match as Django refuses other bad
    filters (back to the list with ?e=1), where Django's own list fails with a 500:

    - a NUL byte, which PostgreSQL refuses to compare with text;
    - a date-hierarchy year, month or day too large for a date, or the year 9999,
      which has no next year to end its range.
    """

    DATE_LIMITS = {"year": 9998, "month": 12, "day": 31}

    def get_filters(self, request):
        params = self.get_filters_params()
        if any(NUL in value for values in params.values() for value in values):
            raise IncorrectLookupParameters("A NUL byte in a filter.")
        if self.date_hierarchy and not self._dates_in_range(params):
            raise IncorrectLookupParameters("A date outside the calendar.")
        return super().get_filters(request)

    def _dates_in_range(self, params):
        for part, limit in self.DATE_LIMITS.items():
            values = params.get(f"{self.date_hierarchy}__{part}")
            try:
                number = int(values[-1]) if values else 1
            except ValueError:
                continue  # Django refuses what is not a number itself
            if not 1 <= number <= limit:
                return False
        return True


class ViewOnly:
    """Mix into a ModelAdmin whose records staff read but only the shop writes."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StrictLookups:
    """For a ModelAdmin with text filters, a date hierarchy or a text primary key: hostile
    filters and object ids get the admin's usual answers, never a server error."""

    def get_changelist(self, request, **kwargs):
        return StrictChangeList

    def get_object(self, request, object_id, from_field=None):
        if NUL in object_id:
            return None  # no row has it, and PostgreSQL cannot look for it
        return super().get_object(request, object_id, from_field)


class StaffLoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing a username longer than any account's before it is
    checked. Django's form sets the field's max_length too late to validate it, and
    django-axes would log the failed attempt in a column of 255 characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


admin.site.login_form = StaffLoginForm


# Other apps' admins, with the same checks.
class StrictAccessAttemptAdmin(StrictLookups, AccessAttemptAdmin):
    pass


class StrictAccessLogAdmin(StrictLookups, AccessLogAdmin):
    pass


class StrictAccessFailureLogAdmin(StrictLookups, AccessFailureLogAdmin):
    pass


class StrictDBTaskResultAdmin(StrictLookups, DBTaskResultAdmin):
    pass


for model, model_admin in [
    (AccessAttempt, StrictAccessAttemptAdmin),
    (AccessLog, StrictAccessLogAdmin),
    (AccessFailureLog, StrictAccessFailureLogAdmin),
    (DBTaskResult, StrictDBTaskResultAdmin),
]:
    if admin.site.is_registered(model):  # django-axes registers its own only if asked
        admin.site.unregister(model)
        admin.site.register(model, model_admin)


@admin.register(Currency)
class CurrencyAdmin(StrictLookups, admin.ModelAdmin):
    list_display = ["code", "rate", "rounding", "rate_set", "active", "position"]
    list_editable = ["rate", "rounding", "active", "position"]
    # Saving or deleting one refreshes prices everywhere (shop.money.rates_changed).
    readonly_fields = ["rate_set"]


@admin.register(DefaultCurrency)
class DefaultCurrencyAdmin(StrictLookups, admin.ModelAdmin):
    list_display = ["language", "currency"]
    list_editable = ["currency"]
    # A change reprices every page of shoppers who chose no currency
    # (shop.money.defaults_changed).


@admin.register(ShopPage)
class ShopPageAdmin(StrictLookups, admin.ModelAdmin):
    list_display = ["title", "slug", "published", "updated"]
    list_filter = ["published"]
    # Saving one refreshes its page, and every footer if it was (un)published
    # (shop.pages.page_changed).
    fieldsets = [
        (None, {"fields": ["slug", "published"]}),
        (_("English"), {"fields": ["title", "description", "body"]}),
        (_("Ukrainian"), {"fields": ["title_uk", "description_uk", "body_uk"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # The page's address: fixed once it exists, so links to it keep working.
        return ["slug"] if obj else []


@admin.register(Account)
class AccountAdmin(StrictLookups, admin.ModelAdmin):
    """Shoppers' accounts, for answering questions; consents are the shopper's to change."""

    list_display = ["__str__", "email_verified", "news", "language", "created"]
    list_filter = ["news", "language"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "email_verified", "privacy_accepted", "news", "created"]
    list_select_related = ["user"]

    def has_add_permission(self, request):
        return False

    def get_object(self, request, object_id, from_field=None):
        # The key is the user's: a lookup through it is not range-checked as an id is.
        digits = object_id.isascii() and object_id.isdigit() and len(object_id) <= 19
        if not digits or int(object_id) >= 2**63:
            return None
        return super().get_object(request, object_id, from_field)
