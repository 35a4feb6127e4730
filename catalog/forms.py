from django import forms
from django.utils.translation import gettext_lazy as _

from shop.forms import PlainTextField

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


class QuestionForm(forms.Form):
    name = PlainTextField(label=_("Your name"), max_length=80)
    email = forms.EmailField(
        label=_("Your email"), help_text=_("We send the answer here and never show it.")
    )
    body = PlainTextField(
        label=_("Your question"),
        multiline=True,
        max_length=2000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # A field people never see: bots that fill it in are ignored.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class StockAlertForm(forms.Form):
    """A guest's address for "Email me when it's back"; signed-in shoppers post no field."""

    email = forms.EmailField(label=_("Your email"), max_length=254)

    def __init__(self, *args, **kwargs):
        # Its own ids: the question form on the same page has an email field too.
        super().__init__(*args, auto_id="alert_%s", **kwargs)
