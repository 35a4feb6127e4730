"""Settings for the shop, read from the environment.

Development defaults are local and safe. With DEBUG off (production) the shop
refuses to start while a secret it needs is missing.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from shop.storage import bucket_storage, media_origin

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)


def require_in_production(name, development_default):
    """Return the setting, or stop start-up if production lacks it."""
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return development_default
    raise ImproperlyConfigured(
        f"{name} must be set in the environment when DEBUG is off (production)."
    )


SECRET_KEY = require_in_production("SECRET_KEY", "development-only-not-secret")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [],
)
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (production).")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_countries",
    "django_tasks_db",
    "axes",
    "shop",
    "catalog",
    "orders",
]

MIDDLEWARE = [
    # First, to time every request and log its final status (shop.request_log).
    "shop.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "shop.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A view that cannot reach the database answers 503, not 500 (shop.outage).
    "shop.outage.OutageMiddleware",
    # Responses only: above the page cache, so that its pages get the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Pages in the cache are answered here, before URL resolution (shop.page_cache).
    "shop.page_cache.PageCacheMiddleware",
    "shop.middleware.CurrencyMiddleware",
    # Past a rate limit, a view raises RateLimited and this answers 429 (shop.ratelimit).
    "shop.ratelimit.RateLimitMiddleware",
    # Last, as django-axes asks: locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "shop.context_processors.site",
                "orders.wishlist.context",
            ],
        },
    },
]

# SQLite under var/ by default, so that the shop runs with no database server.
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'shop.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database host that drops packets should give a quick 503, not hang a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
# A kept connection that died (a database restart) is replaced at the next request's
# first query, instead of failing that request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out login is refused before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",  # staff sign in to the admin by username
    "shop.accounts.backends.EmailBackend",  # shoppers sign in by email
]
LOGIN_URL = "account:login"
LOGIN_REDIRECT_URL = "account:home"
# Password reset links expire after a day, and work once (Django's tokens).
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default; every URL carries its language prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("uk", _("Ukrainian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")

# Babel locales used to format money, numbers and dates per UI language.
BABEL_LOCALES = {"en": "en_GB", "uk": "uk_UA"}

SHOP_NAME = env.str("SHOP_NAME", default="Plativka")
# The shop's public address, for links in emails: production must say what it is.
SHOP_URL = require_in_production(
    "SHOP_URL", f"http://127.0.0.1:{env.int('PORT', default=8000)}"
).rstrip("/")

# The shop's prices are kept in this currency; shoppers may pay in any
# currency staff offer, at the rates staff set in the admin.
BASE_CURRENCY = "GBP"
# Where the shop ships from, and the country a shipping estimate assumes
# before the shopper gives an address.
SHOP_COUNTRY = env.str("SHOP_COUNTRY", default="GB")
DEFAULT_COUNTRY_BY_LANGUAGE = {"uk": "UA"}
# "Only N left" is shown at or below this stock count.
LOW_STOCK_THRESHOLD = env.int("LOW_STOCK_THRESHOLD", default=3)
# What other apps add to the product page, without the catalogue importing them: a
# function (request, release) -> dict, merged into the page's context. Its
# "shipping_offers" (catalog.structured_data.ShippingOffer) also go into the JSON-LD.
PRODUCT_PAGE_EXTRAS = "orders.product_page.shipping_facts"

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Uploads (covers and their renditions) go to an S3-compatible bucket when one is named,
# so that any number of web servers share them; else to MEDIA_ROOT. See shop.storage.
MEDIA_BUCKET = env.str("MEDIA_BUCKET", default="")
# Media is served by the shop itself in development and on a single host; behind a
# proxy the operator turns this off, and with a bucket there is nothing on disk to serve.
SERVE_MEDIA = not MEDIA_BUCKET and env.bool("SERVE_MEDIA", default=DEBUG)
# The largest audio clip staff may upload for a track (catalog.clips), in bytes.
CLIP_MAX_BYTES = env.int("CLIP_MAX_BYTES", default=4 * 1024 * 1024)
STORAGES = {
    "default": (
        bucket_storage(
            bucket=MEDIA_BUCKET,
            endpoint_url=env.str("MEDIA_ENDPOINT_URL", default=""),
            region=env.str("MEDIA_REGION", default=""),
            custom_domain=env.str("MEDIA_CUSTOM_DOMAIN", default=""),
            location=env.str("MEDIA_LOCATION", default=""),
        )
        if MEDIA_BUCKET
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Sessions live in the database so that any web process can serve any shopper.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Cache: Redis when REDIS_URL is set, so that every web process shares it.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "shop.redis_cache.SharedRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for whole pages as well as counts and settings (Django's default is 300).
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# The catalogue index (catalog.index) is built in a thread of its own while requests
# answer from SQL; off, the request that finds it out of date builds it.
CATALOG_INDEX_IN_BACKGROUND = env.bool("CATALOG_INDEX_IN_BACKGROUND", default=True)
# Whole pages from the cache (shop.page_cache) are only as fresh as the versions every
# process reads: on by default with a shared cache, and in development's single process.
# Several workers each with their own memory would each keep their own stale copies.
PAGE_CACHE = env.bool("PAGE_CACHE", default=bool(REDIS_URL) or DEBUG)

# Email: printed to the console in development, SMTP in production.
MAILERS = {
    "default": {
        "BACKEND": env.str(
            "MAILER_BACKEND",
            default="django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": env.str("SMTP_HOST", default=""),
                "port": env.int("SMTP_PORT", default=0),
                "username": env.str("SMTP_USERNAME", default=""),
                "password": env.str("SMTP_PASSWORD", default=""),
                "use_tls": env.bool("SMTP_USE_TLS", default=False),
            }.items()
            if value
        },
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="shop@localhost")
# Staff who are told about new shoppers' questions.
STAFF_EMAILS = env.list("STAFF_EMAILS", default=[DEFAULT_FROM_EMAIL])

# Background work (emails). Development runs tasks at once; production queues
# them in the database for `manage.py db_worker`, so no broker is needed.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND",
            default="django.tasks.backends.immediate.ImmediateBackend"
            if DEBUG
            else "django_tasks_db.DatabaseBackend",
        )
    }
}

# Payments: Stripe Checkout. Production refuses to start without both keys,
# unless DEMO_PAYMENTS is set on purpose (as `make serve` does on loopback).
# In development, no key means the clearly labelled demo payment.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
# Only tests point this elsewhere: at the fake Stripe server on loopback.
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="")
DEMO_PAYMENTS = not STRIPE_SECRET_KEY and env.bool("DEMO_PAYMENTS", default=DEBUG)
if not DEBUG and not DEMO_PAYMENTS and not (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET):
    raise ImproperlyConfigured(
        "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set when DEBUG is off (production)."
    )
# Most copies of one record a single order may hold, unless staff set a record's own limit.
MAX_COPIES_PER_ORDER = env.int("MAX_COPIES_PER_ORDER", default=10)
# How long placed orders hold their copies while the shopper pays.
RESERVATION_MINUTES = env.int("RESERVATION_MINUTES", default=30)

# Abuse limits (shop.ratelimit): (attempts, seconds), per client address and per
# email where one is given. Generous for a shopper, tight for a script.
RATE_LIMITS = {
    "cart": (60, 10 * 60),  # adding to or changing the cart
    "order": (10, 60 * 60),  # placing an order
    "payment": (20, 60 * 60),  # starting a payment for a placed order
    "question": (5, 60 * 60),  # questions about a record, each emailed to staff
    "stock_alert": (10, 60 * 60),  # back-in-stock alerts, each guest's emailed a link
    "login": (20, 15 * 60),  # every login form, before django-axes' lockout below
    "signup": (10, 60 * 60),  # shopper sign-ups, each sending an email
    "reset": (5, 60 * 60),  # password reset requests, each sending an email
    "account_email": (5, 60 * 60),  # changing the account's email, each sending one
}
# How many proxies of our own (nginx, a load balancer) stand in front of the shop,
# each adding an entry to X-Forwarded-For. 0 trusts only the connection's address.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# Admin login lockout (django-axes): 5 failures for one username from one address
# lock that pair out for 15 minutes. Attempts and failures are kept in the
# database, where staff see them in the admin, and logged.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "shop.client.client_address"
AXES_LOCKOUT_CALLABLE = "shop.ratelimit.locked_out"
AXES_VERBOSE = False  # no banner on every command; failures are still logged
# Staff need to see which account was guessed, and from where; passwords are never logged.
AXES_SENSITIVE_PARAMETERS = []

# Flash messages travel in a signed cookie, so showing them costs no query.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

# Production sits behind a TLS-terminating proxy. HTTPS=false lets
# `make serve` run production settings over plain HTTP on loopback.
HTTPS = env.bool("HTTPS", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
# includeSubDomains binds every host under the shop's domain to HTTPS, and preload
# is hard to undo, so the operator opts in to both; Django's deploy checks would
# warn about each until then (W005, W021), so those two reminders are silenced.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every script, stylesheet, image and font comes from the shop itself, and no page
# has inline script or style. Nonces are only for Django's own pages that use them
# (the admin, the CSRF failure page). Checkout posts to the shop, which redirects
# the browser to Stripe's hosted page, so forms may end up there too.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF, "https://checkout.stripe.com"],
    "frame-ancestors": [CSP.NONE],
}
if MEDIA_BUCKET:
    # Covers come from the bucket (or the CDN in front of it), not from the shop.
    SECURE_CSP["img-src"] = [CSP.SELF, media_origin(STORAGES["default"]["OPTIONS"])]
    # Tracks' audio clips too.
    SECURE_CSP["media-src"] = [CSP.SELF, media_origin(STORAGES["default"]["OPTIONS"])]
# Browser features no page of the shop uses; payment too, as Stripe Checkout is a
# redirect to Stripe's own page, not embedded.
PERMISSIONS_POLICY = dict.fromkeys(
    "accelerometer autoplay camera display-capture geolocation gyroscope hid magnetometer"
    " microphone midi payment publickey-credentials-get screen-wake-lock serial usb"
    " xr-spatial-tracking browsing-topics".split(),
    [],
)

# One JSON line per request (shop.request_log) in production, for the log pipeline;
# development has runserver's own request lines instead. With these on, gunicorn's
# access log only repeats them: leave its --access-logfile unset in production.
REQUEST_LOG = env.bool("REQUEST_LOG", default=not DEBUG)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "shop.request_log.JSONFormatter"}},
    "filters": {"mask_tokens": {"()": "shop.request_log.MaskTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_tokens"]},
        "requests": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "shop.requests": {
            "handlers": ["requests"] if REQUEST_LOG else [],
            "level": "INFO" if REQUEST_LOG else "WARNING",
            "propagate": False,
        },
    },
}
# Load balancers probe /healthz over plain HTTP on the private network: answer them
# there instead of redirecting to HTTPS. They must still send an allowed Host header.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
