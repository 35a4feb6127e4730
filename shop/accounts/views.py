from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .. import ratelimit
from ..cart_hint import count_changed, refresh_count
from ..models import Account
from ..views import bad_request
from . import services
from .forms import (
    ChangeEmailForm,
    EmailLoginForm,
    NewsForm,
    PasswordConfirmedForm,
    ResetForm,
    SignUpForm,
)
from .tokens import BadLink, ExpiredLink, read_token

BAD_LINK = gettext_lazy("This link is not valid, or it has been used already.")
EXPIRED_LINK = gettext_lazy("This link has expired. Please ask for a new one.")
EMAIL_TAKEN = gettext_lazy("That email now belongs to another account, so it cannot be yours.")


def _posted(request):
    """The form data of a POST, even an empty one; None for a GET."""
    return request.POST if request.method == "POST" else None


def _email_in(request, field):
    """The email a form names, for counting attempts per email as well as per address."""
    return request.POST.get(field, "")[:254]


def sign_up(request):
    if request.user.is_authenticated:
        return redirect("account:home")
    # From an order's page, the email is filled in already.
    form = SignUpForm(_posted(request), initial={"email": request.GET.get("email", "")[:254]})
    if request.method == "POST":
        ratelimit.check("signup", request, email=_email_in(request, "email"))
        if form.is_valid():
            data = form.cleaned_data
            services.sign_up(
                email=data["email"],
                password=data["password"],
                news=data["news"],
                language=get_language(),
            )
            # The same answer whether or not the email had an account.
            return render(request, "shop/accounts/check_email.html", {"email": data["email"]})
    status = 400 if form.is_bound else 200
    return render(request, "shop/accounts/sign_up.html", {"form": form}, status=status)


def _log_in(request, user):
    """Sign the shopper in; orders carries the guest's cart over (see orders.accounts)."""
    login(request, user, backend="shop.accounts.backends.EmailBackend")


def verify(request, token):
    try:
        user, email = read_token(token, purpose="verify")
    except ExpiredLink:
        return bad_request(request, EXPIRED_LINK)
    except BadLink:
        return bad_request(request, BAD_LINK)
    if email != user.email or not hasattr(user, "account"):
        return bad_request(request, BAD_LINK)
    services.verify_email(user)
    _log_in(request, user)
    messages.success(request, _("Your email is confirmed. Welcome!"))
    response = redirect("account:home")
    refresh_count(request, response, secure=settings.HTTPS)
    return response


class RefusedFormIs400:
    """A form sent back with its errors answers 400, as every bad input in the shop does."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoginView(RefusedFormIs400, auth.LoginView):
    form_class = EmailLoginForm
    template_name = "shop/accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        ratelimit.check("login", request, email=_email_in(request, "username"))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        refresh_count(self.request, response, secure=settings.HTTPS)
        return response


class LogoutView(auth.LogoutView):
    next_page = reverse_lazy("catalog:home")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        # The cart stays with the account; this browser starts empty.
        count_changed(request, 0)
        refresh_count(request, response, secure=settings.HTTPS)
        return response


class ResetView(RefusedFormIs400, auth.PasswordResetView):
    form_class = ResetForm
    template_name = "shop/accounts/reset.html"
    success_url = reverse_lazy("account:reset_sent")

    def post(self, request, *args, **kwargs):
        ratelimit.check("reset", request, email=_email_in(request, "email"))
        return super().post(request, *args, **kwargs)


class ResetConfirmView(auth.PasswordResetConfirmView):
    template_name = "shop/accounts/reset_confirm.html"
    success_url = reverse_lazy("account:reset_done")


class PasswordChangeView(RefusedFormIs400, auth.PasswordChangeView):
    template_name = "shop/accounts/password_change.html"
    success_url = reverse_lazy("account:home")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)


@login_required
def home(request):
    account, _created = Account.objects.get_or_create(
        user=request.user, defaults={"language": get_language()}
    )
    news = NewsForm(_posted(request), initial={"news": account.news})
    if request.method == "POST" and news.is_valid():
        account.news = news.cleaned_data["news"]
        account.save(update_fields=["news"])
        messages.success(request, _("Your choice is saved."))
        return redirect("account:home")
    return render(request, "shop/accounts/home.html", {"account": account, "news_form": news})


@login_required
def change_email(request):
    form = ChangeEmailForm(request.user, _posted(request))
    if request.method == "POST":
        ratelimit.check("account_email", request)
        if form.is_valid():
            services.request_email_change(
                request.user, new_email=form.cleaned_data["new_email"], language=get_language()
            )
            messages.success(
                request,
                _("We have sent a link to %(email)s. Your email changes when you open it.")
                % {"email": form.cleaned_data["new_email"]},
            )
            return redirect("account:home")
    status = 400 if form.is_bound else 200
    return render(request, "shop/accounts/change_email.html", {"form": form}, status=status)


def confirm_email(request, token):
    try:
        user, new_email = read_token(token, purpose="change_email")
    except ExpiredLink:
        return bad_request(request, EXPIRED_LINK)
    except BadLink:
        return bad_request(request, BAD_LINK)
    if request.user.is_authenticated and request.user.pk != user.pk:
        return bad_request(request, BAD_LINK)
    try:
        services.change_email(user, new_email=new_email)
    except services.EmailTaken:
        return bad_request(request, EMAIL_TAKEN)
    if request.user.is_authenticated:
        update_session_auth_hash(request, user)
    messages.success(request, _("Your email is now %(email)s.") % {"email": new_email})
    return redirect("account:home" if request.user.is_authenticated else "account:login")


@login_required
def close(request):
    form = PasswordConfirmedForm(request.user, _posted(request))
    if request.method == "POST" and form.is_valid():
        services.close_account(request.user)
        logout(request)
        messages.success(request, _("Your account is closed. Thank you for shopping with us."))
        response = redirect("catalog:home")
        count_changed(request, 0)
        refresh_count(request, response, secure=settings.HTTPS)
        return response
    status = 400 if form.is_bound else 200
    return render(request, "shop/accounts/close.html", {"form": form}, status=status)


@login_required
def download(request):
    response = JsonResponse(
        services.export_data(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response
