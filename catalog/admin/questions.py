"""Shoppers' questions, answered by staff."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.admin import StrictLookups

from ..models import Question
from ..questions import answer_question


class AnsweredFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for an answer")), ("answered", _("Answered"))]

    def queryset(self, request, queryset):
        match self.value():
            case "waiting":
                return queryset.awaiting_answer()
            case "answered":
                return queryset.visible()
        return queryset


@admin.register(Question)
class QuestionAdmin(StrictLookups, admin.ModelAdmin):
    list_display = ["body_start", "release", "name", "language", "asked", "is_answered", "hidden"]
    list_filter = [AnsweredFilter, "hidden", "language"]
    list_select_related = ["release"]
    search_fields = ["body", "name", "email", "release__title"]
    autocomplete_fields = ["release"]
    readonly_fields = ["asked", "answered", "answered_by"]
    fields = [
        "release",
        ("name", "email", "language"),
        "body",
        "asked",
        "answer",
        "hidden",
        ("answered", "answered_by"),
    ]

    @admin.display(description=_("question"))
    def body_start(self, obj):
        return str(obj)

    @admin.display(description=_("answered"), boolean=True)
    def is_answered(self, obj):
        return bool(obj.answer)

    def save_model(self, request, obj, form, change):
        """A new or changed answer is stamped, and the first one emailed to the shopper."""
        super().save_model(request, obj, form, change)
        if obj.answer and "answer" in form.changed_data:
            answer_question(question=obj, answer=obj.answer, staff_user=request.user)
