import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Qm2-production-like-secret-key-that-is-long-enough-9Zp4Lw8Rt1Vb",
    "ALLOWED_HOSTS": "shop.example",
    "SHOP_URL": "https://shop.example",
    "DATABASE_URL": "sqlite:///:memory:",
    "STRIPE_SECRET_KEY": "sk_live_placeholder",
    "STRIPE_WEBHOOK_SECRET": "whsec_placeholder",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, **environment):
    # A clean environment: only what the shell needs, plus the settings under test.
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env |= environment | {"DJANGO_SETTINGS_MODULE": "shop.settings"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", **(PRODUCTION | {"SECRET_KEY": ""}))
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment when DEBUG is off" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", **(PRODUCTION | {"ALLOWED_HOSTS": ""}))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_stripe_keys():
    result = manage("check", **(PRODUCTION | {"STRIPE_WEBHOOK_SECRET": ""}))
    assert result.returncode != 0
    assert "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set" in result.stderr


def test_production_refuses_to_start_without_the_shops_address():
    result = manage("check", **(PRODUCTION | {"SHOP_URL": ""}))
    assert result.returncode != 0
    assert "ImproperlyConfigured: SHOP_URL must be set in the environment" in result.stderr


def test_development_links_point_at_the_local_port():
    code = "from django.conf import settings; print(settings.SHOP_URL)"
    development = {"DEBUG": "true", "PORT": "8123", "DATABASE_URL": "sqlite:///:memory:"}
    result = manage("shell", "--no-imports", "-c", code, **development)
    assert result.stdout.strip() == "http://127.0.0.1:8123", result.stderr


def test_demo_payments_must_be_chosen_on_purpose_in_production():
    keyless = PRODUCTION | {"STRIPE_SECRET_KEY": "", "STRIPE_WEBHOOK_SECRET": ""}
    assert manage("check", **keyless, DEMO_PAYMENTS="true").returncode == 0


def test_deploy_checks_are_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_warn_without_a_shared_cache():
    result = manage("check", "--deploy", **(PRODUCTION | {"REDIS_URL": ""}))
    assert "shop.W002" in result.stderr
    assert "Set REDIS_URL" in result.stderr


def test_whole_pages_are_cached_only_with_a_shared_cache():
    show = [
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.PAGE_CACHE)",
    ]
    assert manage(*show, **PRODUCTION).stdout.strip() == "True"
    assert manage(*show, **(PRODUCTION | {"REDIS_URL": ""})).stdout.strip() == "False"


def test_development_runs_without_any_secret():
    result = manage("check", DEBUG="true", DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr
