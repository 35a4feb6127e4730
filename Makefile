# Two commands set everything up on a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Development defaults; any of them can be overridden from the environment.
DEV_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run serve test test-postgres test-sqlite install lock check-lock translations migrate demo lint clean

# Dependencies are locked, with hashes, in two files compiled from pyproject.toml:
#   requirements/runtime.txt  [project.dependencies]: everything production installs, no test tools.
#   requirements/test.txt     runtime + the `test` extra, held to runtime.txt's pins.
# Production installs the runtime lock only, into its own virtualenv:
#   python -m pip install --require-hashes --no-deps -r requirements/runtime.txt
# (and runs from the checkout: gunicorn shop.wsgi; the project itself is not installed).
# Development and CI install the test lock, then the project, editable, without
# fetching anything unpinned (setuptools, the build backend, is in the lock).
#
# The lock tool is uv (`uv pip compile`), not pip-compile: it resolves for a stated
# target -- Python 3.12 on x86_64 Linux, where CI and production run -- whichever
# machine runs it, where pip-compile resolves for the interpreter and OS it runs on;
# it ignores personal config (--no-config); and it is quick enough to re-resolve on
# every CI run. It is pinned, with hashes, in requirements/test.txt like any other tool.
LOCK_FILES := requirements/runtime.txt requirements/test.txt
# Extra arguments for `make lock`, e.g. LOCK_ARGS=--upgrade or LOCK_ARGS='--upgrade-package django'.
# Without them the current pins are kept wherever pyproject.toml still allows them.
LOCK_ARGS ?=
UV_COMPILE = $(abspath $(VENV))/bin/uv pip compile --no-config --quiet --python $(abspath $(PY)) --generate-hashes \
	--python-version 3.12 --python-platform x86_64-unknown-linux-gnu \
	--custom-compile-command 'make lock' $(LOCK_ARGS)
# Runs in a directory holding pyproject.toml and requirements/: the checkout, or check-lock's copy.
LOCK_CMD = $(UV_COMPILE) pyproject.toml -o requirements/runtime.txt && \
	$(UV_COMPILE) pyproject.toml --extra test -c requirements/runtime.txt -o requirements/test.txt

$(VENV)/.installed: pyproject.toml $(LOCK_FILES)
	@test -x $(PY) || "$$(bin/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements/test.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

install: $(VENV)/.installed

# Rewrites requirements/*.txt from pyproject.toml (needs PyPI).
lock: install
	$(LOCK_CMD)

# Fails if requirements/*.txt do not match pyproject.toml: re-locks a copy of them,
# starting from the current pins (so newer releases on PyPI alone do not fail it), and diffs.
check-lock: install
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	mkdir "$$tmp/requirements" && cp pyproject.toml "$$tmp/" && cp $(LOCK_FILES) "$$tmp/requirements/" && \
	(cd "$$tmp" && $(LOCK_CMD)) || { echo "check-lock: could not re-lock (see above)" >&2; exit 2; }; \
	stale=; for f in $(LOCK_FILES); do diff -u "$$f" "$$tmp/$$f" || stale=1; done; \
	if [ -n "$$stale" ]; then echo "requirements/*.txt is stale: run make lock" >&2; exit 1; fi; \
	echo "requirements/*.txt is current"

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
# secret key under var/ (readable by its owner only) unless SECRET_KEY is set.
serve: translations demo
	@test -n "$$SECRET_KEY" || test -s var/secret_key || \
	  { umask 077; $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key; }
	@test ! -e var/secret_key || chmod 600 var/secret_key
	export DEBUG=false DEMO_PAYMENTS="$${DEMO_PAYMENTS:-true}" SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" \
	       ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" HTTPS="$${HTTPS:-false}" SERVE_MEDIA="$${SERVE_MEDIA:-true}" \
	       SHOP_URL="$${SHOP_URL:-http://127.0.0.1:$(PORT)}"; \
	$(MANAGE) collectstatic --no-input -v 0 && \
	echo "The shop is at http://127.0.0.1:$(PORT)/ (gunicorn, DEBUG off)" && \
	$(VENV)/bin/gunicorn shop.wsgi --bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} --no-control-socket --access-logfile -

# The whole suite, on whatever DATABASE_URL points at (SQLite by default).
test: translations
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) var
