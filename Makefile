# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PYTEST_WORKERS ?= 2
export DJANGO_SETTINGS_MODULE ?= lms.settings.dev

.PHONY: messages demo install test test-postgres test-browser test-production bench bench-smoke lint check serve migrate seed clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[test]"
	touch $(STAMP) $@

install: $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

# The demo's port (make demo PORT=8001). Links, QR codes and emails follow it: SITE_URL is passed to
# seeding and the server (unless SITE_URL is set in the environment).
PORT ?= 8000
DEMO_SITE_URL = SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}

seed: migrate
	$(DEMO_SITE_URL) $(PY) manage.py setup_signing
	$(DEMO_SITE_URL) $(PY) manage.py seed_demo

## make demo: virtualenv, install, migrate, signing key, demo catalogue and users, serve on 127.0.0.1:$(PORT)
## (PORT=8000 unless given: make demo PORT=8001)
demo: seed
	$(DEMO_SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: $(STAMP)
	$(DEMO_SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: install what tests need and run the whole suite (SQLite, Celery eager)
test: $(TEST_STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.test $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -q

## The same suite against PostgreSQL and Redis (used by .ci/run)
test-postgres: $(TEST_STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.test \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	CELERY_BROKER_URL=$${CELERY_BROKER_URL:-redis://127.0.0.1:6379/0} \
	CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/1} \
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) -q

## Browser journeys in Debian's Chromium (Playwright), each page checked by axe-core (from npm, into the
## git-ignored .venv/npm once; AXE_JS=path/to/axe.min.js uses another copy)
AXE_STAMP := $(VENV)/.installed-axe
$(AXE_STAMP): | $(PY)
	npm install --no-audit --no-fund --silent --prefix $(VENV)/npm axe-core@^4.10
	touch $@

test-browser: $(TEST_STAMP) $(AXE_STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.test RUN_BROWSER=1 DJANGO_ALLOW_ASYNC_UNSAFE=true \
	$(VENV)/bin/pytest -q -m browser -p no:xdist

## Production settings behind Debian's nginx: gunicorn (2 workers), PostgreSQL, Celery worker and beat
## on Redis; an HTTP journey, hostile uploads, rate limits and schemathesis (.ci/prodstack/run)
test-production: $(TEST_STAMP)
	.ci/prodstack/run

## make bench: build (or reuse) the benchmark data set in PostgreSQL `bench` and print the table
## (BENCH_SIZE=smoke|medium|full; BENCH_ARGS="--write-docs" rewrites docs/performance.md's figures)
BENCH_SIZE ?= full
bench: $(TEST_STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.bench $(PY) bench/run.py --size $(BENCH_SIZE) $(BENCH_ARGS)

## The smallest size as CI runs it: every section runs and every page meets its query budget
bench-smoke: $(TEST_STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.test RUN_BENCH_SMOKE=1 \
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
	$(VENV)/bin/pytest -q -p no:xdist tests/bench

## make messages: the Spanish catalogue brought up to date with the code (new strings come in with an
## empty msgstr, changed ones marked fuzzy: translate them in locale/es/LC_MESSAGES/django.po), then
## compiled into django.mo. Run again after translating; commit both files. Needs GNU gettext.
MESSAGES_IGNORE := --ignore='.venv/*' --ignore='node_modules/*' --ignore='tests/*' --ignore='bench/*' \
	--ignore='static_collected/*' --ignore='media/*' --ignore='var/*'
messages: $(STAMP)
	$(PY) manage.py makemessages -l es --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	$(PY) manage.py compilemessages -l es $(MESSAGES_IGNORE)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(TEST_STAMP)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media var static_collected
