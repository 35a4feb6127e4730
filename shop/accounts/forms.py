from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .emails import normalise_email
from .services import resend_verification
from .tasks import email_account

UNCONFIRMED = _(
    "Please confirm your email first: we have sent you a new link. Open it, then sign in."
)
WRONG_LOGIN = _("That email and password do not match an account. Check both and try again.")


class ShopEmailField(forms.EmailField):
    """An email, trimmed and lower-cased; control characters and overlong ones refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("label", _("Email"))
        super().__init__(**kwargs)
        self.widget.attrs["autocomplete"] = "email"

    def to_python(self, value):
        return normalise_email(super().to_python(value))


class SignUpForm(forms.Form):
    email = ShopEmailField()
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only numbers, and not a common password."),
    )
    privacy = forms.BooleanField(
        label=_("I have read the privacy notice"),
        error_messages={"required": _("Please confirm you have read the privacy notice.")},
    )
    news = forms.BooleanField(label=_("Email me news about new records"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("email"):
            try:
                password_validation.validate_password(
                    cleaned["password"], User(email=cleaned["email"])
                )
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class EmailLoginForm(AuthenticationForm):
    """Django's sign-in form with the email as the username."""

    username = ShopEmailField(widget=forms.EmailInput(attrs={"autofocus": True}))
    error_messages = {"invalid_login": WRONG_LOGIN, "inactive": WRONG_LOGIN}

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        account = getattr(user, "account", None)
        if account is not None and not account.verified:
            resend_verification(user, language=get_language())
            raise ValidationError(UNCONFIRMED, code="unconfirmed")


class ResetForm(PasswordResetForm):
    """Django's reset form, with the email sent through the shop's queue in its language."""

    email = ShopEmailField()

    def save(self, *args, **kwargs):
        for user in self.get_users(self.cleaned_data["email"]):
            email_account("reset", to=user.email, language=get_language(), user=user)


class PasswordConfirmedForm(forms.Form):
    """A form that asks for the account's password before it changes anything."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise ValidationError(_("That is not your password."))
        return self.cleaned_data["password"]


class ChangeEmailForm(PasswordConfirmedForm):
    new_email = ShopEmailField(label=_("New email"))
    field_order = ["new_email", "password"]


class NewsForm(forms.Form):
    news = forms.BooleanField(label=_("Email me news about new records"), required=False)
