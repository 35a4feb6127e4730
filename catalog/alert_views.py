"""Back-in-stock alerts: subscribing from the product page, confirming and unsubscribing by link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from shop import ratelimit

from . import alerts
from .forms import QuestionForm, StockAlertForm
from .models import Release, StockAlert
from .views import render_product_page, signed_in_email


@require_POST
def subscribe(request, slug):
    release = get_object_or_404(Release.objects.published().for_product_page(), slug=slug)
    member_email = signed_in_email(request)
    form = StockAlertForm(request.POST)
    # Counted per address and per email, bad input included.
    ratelimit.check("stock_alert", request, email=member_email or form.data.get("email", "")[:254])
    back_to_page = redirect(release.get_absolute_url() + "#stock-alert")
    if release.stock:
        messages.info(request, _("Good news: this record is in stock now."))
        return back_to_page
    if not member_email and not form.is_valid():
        return render_product_page(
            request, release, question_form=QuestionForm(), alert_form=form, status=400
        )
    alert = alerts.subscribe(
        release=release,
        email=member_email or form.cleaned_data["email"],
        language=get_language(),
        confirmed=bool(member_email),
    )
    email = alert.email
    if member_email:
        messages.success(
            request, _("We will email %(email)s once this record is back.") % {"email": email}
        )
    else:
        # The same words whether or not the address was on the list already.
        messages.success(
            request,
            _(
                "Thank you! Unless %(email)s already follows this record, we have emailed it "
                "a link to confirm the alert."
            )
            % {"email": email},
        )
    return back_to_page


@require_http_methods(["GET", "POST"])
def confirm(request, code):
    """GET shows a button, so that a mail scanner opening the link confirms nothing."""
    try:
        alert = alerts.confirm(code) if request.method == "POST" else alerts.alert_to_confirm(code)
    except StockAlert.DoesNotExist:
        raise Http404 from None
    except alerts.LinkExpired:
        return _gone(
            request, _("This link has expired. Please ask for a new one on the record's page.")
        )
    except alerts.LinkUsed:
        return _gone(request, _("This link has been used already."))
    if request.method == "POST":
        return _alert_page(
            request,
            alert.release,
            _("Your alert is on. We will email you once, when this record is back in stock."),
        )
    return _alert_page(
        request,
        alert.release,
        _("Please confirm that we may email %(email)s when this record is back in stock.")
        % {"email": alert.email},
        button=_("Confirm the alert"),
    )


@csrf_exempt  # the secret token in the address is the proof; mail clients post here (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    alert = StockAlert.objects.select_related("release").filter(token=token).first()
    if alert is None:
        raise Http404
    if request.method == "POST":
        alerts.unsubscribe(token=token)
        return _alert_page(
            request, alert.release, _("Done: we will not email you about this record.")
        )
    return _alert_page(
        request,
        alert.release,
        _("Stop the back-in-stock alert for %(email)s?") % {"email": alert.email},
        button=_("Unsubscribe"),
    )


def _alert_page(request, release, message, *, button=None, status=200):
    context = {"release": release, "message": message, "button": button}
    return render(request, "catalog/stock_alert.html", context, status=status)


def _gone(request, message):
    return _alert_page(request, None, message, status=410)
