# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The demo's accounts have a known password: serve on this machine only,
# unless told otherwise (make demo DEMO_ADDR=0.0.0.0).
DEMO_ADDR ?= 127.0.0.1
# The demo shows the product's own error pages, not Django's debug page
# (make demo DEMO_DEBUG=1 for the debug page); --insecure serves the static
# files without DEBUG, and the dev settings serve uploaded media.
DEMO_DEBUG ?= 0
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test install migrate messages lint browser bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

messages: install
	$(PY) manage.py compilemessages --ignore=.venv -v 0

migrate: install messages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py createcachetable

demo: migrate
	$(PY) manage.py load_demo
	DEBUG=$(DEMO_DEBUG) $(PY) manage.py runserver --insecure $(DEMO_ADDR):8000

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

test: install messages lint
	DJANGO_SETTINGS_MODULE=network.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=network.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -q -n auto
	$(VENV)/bin/pytest -q -m concurrency tests/appeals_concurrency

browser: install messages
	$(VENV)/bin/pytest -q -m browser tests/browser

bench: install messages
	$(PY) bench/run.py

clean:
	rm -rf $(VENV)
