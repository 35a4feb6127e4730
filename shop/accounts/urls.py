from django.contrib.auth import views as auth
from django.urls import path
from django.views.decorators.cache import cache_control

from . import views

app_name = "account"

# Every page here is one shopper's own, or carries a one-time token.
private = cache_control(private=True, no_store=True)

urlpatterns = [
    path("", private(views.home), name="home"),
    path("sign-up/", private(views.sign_up), name="sign_up"),
    path("verify/<str:token>/", private(views.verify), name="verify"),
    path("sign-in/", private(views.LoginView.as_view()), name="login"),
    path("sign-out/", private(views.LogoutView.as_view()), name="logout"),
    path("password/", private(views.PasswordChangeView.as_view()), name="password_change"),
    path("reset/", private(views.ResetView.as_view()), name="reset"),
    path(
        "reset/sent/",
        private(auth.PasswordResetDoneView.as_view(template_name="shop/accounts/reset_sent.html")),
        name="reset_sent",
    ),
    path(
        "reset/<uidb64>/<token>/",
        private(views.ResetConfirmView.as_view()),
        name="reset_confirm",
    ),
    path(
        "reset/done/",
        private(
            auth.PasswordResetCompleteView.as_view(template_name="shop/accounts/reset_done.html")
        ),
        name="reset_done",
    ),
    path("email/", private(views.change_email), name="change_email"),
    path("email/<str:token>/", private(views.confirm_email), name="confirm_email"),
    path("close/", private(views.close), name="close"),
    path("my-data.json", private(views.download), name="download"),
]
