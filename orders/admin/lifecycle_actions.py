"""Buttons above an order or a return for the lifecycle actions allowed now, each with its page.

A button opens a page with the action's form (a tracking number, an amount, a
reason, or only a confirmation). The lifecycle is asked again when the form is
sent, so a stale page cannot do what the record's state no longer allows.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse

from ..errors import OrderActionError


@dataclass(frozen=True)
class StaffAction:
    title: str
    form: type
    run: object  # called as run(record, **form.cleaned_data)
    success: str  # with %(number)s, the record's number
    explanation: str = ""
    permission: str = ""  # beyond changing the record, such as moving the order's money


class LifecycleActionsAdmin:
    """Mix into a ModelAdmin whose records have a `number` and a lifecycle.

    Set `staff_actions` ({action: StaffAction}), `allowed_actions(record)`,
    `require(record, action)` and `form_subject`, the keyword the forms take the record as.
    """

    change_form_template = "admin/orders/lifecycle_change_form.html"
    staff_actions: dict
    form_subject: str

    def _url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_action"

    def get_urls(self):
        return [
            path(
                "<int:pk>/action/<slug:action>/",
                self.admin_site.admin_view(self.action_view),
                name=self._url_name(),
            ),
        ] + super().get_urls()

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        # The buttons above the record: only what the lifecycle allows now.
        context["lifecycle_actions"] = (
            [
                (action, self.staff_actions[action].title)
                for action in self.allowed_actions(obj)
                if action in self.staff_actions
            ]
            if obj
            else []
        )
        context["action_url"] = f"admin:{self._url_name()}"
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def action_view(self, request, pk, action):
        if not self.has_change_permission(request):
            raise PermissionDenied
        record = get_object_or_404(self.get_queryset(request), pk=pk)
        if action not in self.staff_actions:
            raise Http404
        staff_action = self.staff_actions[action]
        if staff_action.permission and not request.user.has_perm(staff_action.permission):
            raise PermissionDenied
        try:
            self.require(record, action)
        except OrderActionError as error:
            return self._back(request, record, error.message, messages.ERROR)
        data = request.POST if request.method == "POST" else None
        form = staff_action.form(data, **{self.form_subject: record})
        if request.method == "POST" and form.is_valid():
            return self._run(request, record, staff_action, form.cleaned_data)
        return self._action_page(request, record, form, staff_action)

    def _run(self, request, record, staff_action, data):
        try:
            staff_action.run(record, **data)
        except OrderActionError as error:
            return self._back(request, record, error.message, messages.ERROR)
        success = staff_action.success % {"number": record.number}
        return self._back(request, record, success, messages.SUCCESS)

    def _back(self, request, record, message, level):
        self.message_user(request, message, level)
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_change"
        return redirect(reverse(name, args=[record.pk]))

    def action_summary(self, record) -> str:
        """One line above the action's form that says what the record is."""
        raise NotImplementedError

    def _action_page(self, request, record, form, staff_action):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "record": record,
            "summary": self.action_summary(record),
            "form": form,
            "title": staff_action.title,
            "explanation": staff_action.explanation,
        }
        return render(request, "admin/orders/action.html", context)
