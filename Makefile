# Two commands set everything up on a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development defaults; any of them can be overridden from the environment.
DEV_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run serve test test-postgres test-sqlite install translations migrate demo lint clean

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || "$$(bin/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

translations: install
	$(DEV_ENV) $(MANAGE) compilemessages --ignore=.venv -v 0

migrate: install
	@mkdir -p var
	$(DEV_ENV) $(MANAGE) migrate --no-input -v 0

demo: migrate
	$(DEV_ENV) $(MANAGE) load_demo_catalogue --if-empty

run: translations demo
	@echo "The shop is at http://127.0.0.1:$(PORT)/"
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production-style: gunicorn + whitenoise with DEBUG off. Generates a local
# secret key under var/ unless SECRET_KEY is set.
serve: translations demo
	@test -n "$$SECRET_KEY" || test -s var/secret_key || $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key
	export DEBUG=false DEMO_PAYMENTS="$${DEMO_PAYMENTS:-true}" SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	       ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" HTTPS="$${HTTPS:-false}" SERVE_MEDIA="$${SERVE_MEDIA:-true}"; \
	$(MANAGE) collectstatic --no-input -v 0 && \
	echo "The shop is at http://127.0.0.1:$(PORT)/ (gunicorn, DEBUG off)" && \
	$(VENV)/bin/gunicorn shop.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

# The whole suite, on whatever DATABASE_URL points at (SQLite by default).
test: translations
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) var
