from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FormatDescription, Release


class ReleaseAdminForm(forms.ModelForm):
    """Format descriptions as checkboxes, stored as a JSON list of codes."""

    format_descriptions = forms.MultipleChoiceField(
        label=_("format descriptions"),
        choices=FormatDescription.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Release
        fields = "__all__"  # noqa: DJ007 - the admin chooses the fields through fieldsets
