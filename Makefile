# Wmo-portaal. `make run` serves the site with demo content; `make test` runs every check.
# Python 3.11 is required: python3.11, or python3 when that is 3.11 (or name one: make PYTHON=/path/to/python).
PYTHON ?= $(shell for p in python3.11 python3; do $$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
	2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
# The local test server that `make postgres` installs and starts (a test-only role and password).
PG_URL ?= postgres://wmo:wmo-test@127.0.0.1:5432/wmo_portaal
# pytest for every suite run: two workers (xdist; each gets its own test database), the 10 slowest at the end.
PYTEST := $(PY) -m pytest -n 2 --dist loadfile --durations=10
# The test runs keep Python's bytecode cache (`__pycache__`, which git ignores) even where the environment sets
# PYTHONDONTWRITEBYTECODE: without it every pytest process compiles the project and rewrites the asserts of
# all test modules anew, about 2.5 s of CPU per process, and `make test` starts a dozen of them.
TEST_TARGETS := test django-checks test-suites test-sqlite test-sqlite-suite test-postgres test-fast test-browser taalcheck \
	test-node-restart test-elasticsearch
$(TEST_TARGETS): export PYTHONDONTWRITEBYTECODE :=
# The Elasticsearch node that `make elasticsearch` starts and `make test` runs the Elasticsearch tests on.
ES_URL ?= http://127.0.0.1:9200
# JVM options of a node that `make test` starts and stops (and its restart test starts again): only the quick
# JIT compiler, as a node of a few minutes never earns back what the optimising one costs (about 40% of the
# node's CPU, taken from the suites beside it). A node that already runs is used as it is.
ES_TEST_JAVA_OPTS ?= -XX:TieredStopAtLevel=1
# The tests that talk to Elasticsearch (the contract suite runs every backend, the real node among them; the
# quality gate measures the kaart and the site search on it).
ES_TESTS := tests/socialekaart/test_search_contract.py tests/socialekaart/test_elasticsearch.py \
	tests/socialekaart/test_elasticsearch_node.py tests/portal/test_search.py tests/test_search_quality.py
# The module with the test that stops and restarts the node: collecting only it spares the suites beside it
# the seconds of CPU that collecting all of them costs.
NODE_RESTART_TESTS := tests/socialekaart/test_elasticsearch_node.py
# The port of a node of its own for that test, so it runs beside the suites instead of before them.
ES_RESTART_PORT ?= 9299

# Exits 0 when the PostgreSQL server of the URL in argv[1] accepts connections.
define POSTGRES_ANSWERS
import sys, dj_database_url, psycopg
c = dj_database_url.parse(sys.argv[1])
psycopg.connect(host=c["HOST"], port=c["PORT"] or 5432, user=c["USER"], password=c["PASSWORD"] or None,
                dbname="postgres", connect_timeout=3).close()
endef
export POSTGRES_ANSWERS

.PHONY: install lock system-deps browser-deps postgres elasticsearch elasticsearch-stop run worker migrate demo lint django-checks test test-suites test-sqlite test-sqlite-suite test-postgres test-fast test-browser test-elasticsearch test-node-restart taalcheck bench bench-deps clean

# Exact versions with hashes from requirements.lock (`make lock` makes it anew from pyproject.toml). pip itself
# comes first from requirements-pip.lock: an older pip, as a new venv may have, refuses a locked package that is
# also asked for with an extra (fonttools[woff]) once the index has a newer version of it.
$(VENV)/.installed: pyproject.toml requirements.lock requirements-pip.lock
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed, and neither python3.11 nor python3 is 3.11." \
		"Install it (e.g. apt-get install python3.11, or pyenv), or run: make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-pip.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

# Our corrections of Wagtail's Dutch (locale/), compiled by GNU gettext's msgfmt: Debian's gettext, installed
# when missing (needs root; without it the admin keeps Wagtail's own wording, and says so here).
MESSAGES := locale/nl/LC_MESSAGES/django.mo
$(MESSAGES): locale/nl/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || [ "$$(id -u)" != 0 ] || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }
	@if command -v msgfmt >/dev/null; then msgfmt --check-format -o $@ $<; \
	else echo "msgfmt is missing (Debian: apt-get install gettext): the admin keeps Wagtail's own Dutch"; fi

install: $(VENV)/.installed $(MESSAGES)

# Every Python dependency of pyproject.toml (with the dev extra) pinned with hashes, for Python 3.11.
lock: install
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 \
		--upgrade --quiet -o requirements.lock
	echo pip | $(VENV)/bin/uv pip compile - --generate-hashes --universal --python-version 3.11 \
		--upgrade --quiet -o requirements-pip.lock

# WeasyPrint's system libraries (Pango, HarfBuzz, a font) for the PDFs: installed when missing (needs root).
system-deps:
	@bash services/system-deps.sh

# Browser tests drive Debian's chromium-headless-shell (the same Chromium, without the desktop browser's
# frame: 30% less CPU for the same tests); installed when missing (needs root, as on CI).
browser-deps:
	@test -x /usr/bin/chromium-headless-shell || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell fonts-dejavu-core; }

# PostgreSQL on 127.0.0.1:5432 for the PostgreSQL run: installed and started when missing (needs root).
# Without root or REQUIRE_POSTGRES=1 a failure only means that run is skipped.
postgres:
	@bash services/postgres.sh || [ "$(REQUIRE_POSTGRES)" != "1" ]

# Elasticsearch on 127.0.0.1:9200 for the tests: the official distribution from Maven Central plus our
# wmo-analysis plugin, built once by Maven (services/elasticsearch/), then started in seconds. Does nothing
# when a node already answers. Needs Java 17+ and Maven.
elasticsearch:
	@bash services/elasticsearch.sh start

elasticsearch-stop:
	@bash services/elasticsearch.sh stop

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# The web server and the task worker side by side; Ctrl-C stops both.
run: system-deps demo
	@echo "Wmo-portaal: http://127.0.0.1:8000  (beheer: http://127.0.0.1:8000/admin/)"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:8000

worker: install
	$(PY) manage.py db_worker

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Everything: lint, Django's checks, the suite on SQLite (with browser tests), the suite on
# PostgreSQL when it answers (REQUIRE_POSTGRES=1 makes a missing PostgreSQL an error), the taalcheck.
# Side by side, each one's output shown whole when it ends: Django's checks, the browser tests and the
# taalcheck, which need no Elasticsearch, start at once; beside them `test-suites` starts the Elasticsearch test
# node and runs the SQLite and PostgreSQL suites, which share it, and beside those the test that stops and
# restarts a node, on a node of its own.
test: lint system-deps browser-deps postgres
	$(MAKE) --no-print-directory -j 5 --output-sync=target django-checks test-browser taalcheck test-suites

# Django's system checks, and no model change without its migration.
django-checks: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# The SQLite and PostgreSQL suites on the Elasticsearch test node, started here and stopped afterwards (unless
# it already ran); beside them, once that node is built and up, the test that stops and restarts a node, on a
# node of its own (its output follows the suites'). Without Java or Maven the Elasticsearch tests are skipped
# with the reason (REQUIRE_ELASTICSEARCH=1 makes that an error).
test-suites: install postgres
	@es=""; started=""; \
	if bash services/elasticsearch.sh running; then es="$(ES_URL)"; \
	elif ES_JAVA_EXTRA_OPTS="$(ES_TEST_JAVA_OPTS)" bash services/elasticsearch.sh start; then \
		es="$(ES_URL)"; started=1; export ES_JAVA_EXTRA_OPTS="$(ES_TEST_JAVA_OPTS)"; \
	elif [ "$(REQUIRE_ELASTICSEARCH)" = "1" ]; then echo "No Elasticsearch node, and REQUIRE_ELASTICSEARCH=1"; exit 1; \
	else echo "== No Elasticsearch node: its tests are skipped"; fi; \
	export ELASTICSEARCH_TEST_URL="$$es"; status=0; restart=""; log="$$(mktemp)"; \
	if [ -n "$$es" ]; then $(MAKE) --no-print-directory test-node-restart >"$$log" 2>&1 & restart=$$!; fi; \
	$(MAKE) --no-print-directory test-sqlite-suite test-postgres || status=$$?; \
	if [ -n "$$restart" ]; then wait $$restart || status=$$?; cat "$$log"; fi; rm -f "$$log"; \
	if [ -n "$$started" ]; then bash services/elasticsearch.sh stop; fi; \
	exit $$status

# The browser tests empty the database after each test (live server), so they get a session of their own:
# with two workers, a test after them in the same worker would miss what the migrations made.
test-sqlite: test-sqlite-suite test-browser

test-sqlite-suite: install
	env -u DATABASE_URL $(PYTEST) -m "not browser and not node_restart"

test-postgres: install postgres
	@if $(PY) -c "$$POSTGRES_ANSWERS" "$(PG_URL)" 2>/dev/null; then \
		echo "== PostgreSQL answers: running the suite on it"; \
		DATABASE_URL=$(PG_URL) $(PYTEST) -m "not browser and not slow and not node_restart"; \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
		echo "PostgreSQL at $(PG_URL) does not answer, and REQUIRE_POSTGRES=1"; exit 1; \
	else \
		echo "== PostgreSQL does not answer at $(PG_URL): skipping the PostgreSQL run"; \
	fi

test-fast: install
	env -u DATABASE_URL $(PYTEST) -m "not browser and not slow and not node_restart and not migration"

test-browser: install browser-deps
	env -u DATABASE_URL $(PYTEST) -m browser

# The B1 taalcheck over every published demo page, in a throw-away database of this run alone (a copy of the
# tests' migrated template, tests/testdb.py). Only the demo's pages and the kaart they link to are loaded: the
# demo meldingen and complaints have no pages.
taalcheck: install
	@dir="$$(mktemp -d "$${TMPDIR:-/tmp}/wmo-taalcheck.XXXXXX")"; trap 'rm -rf "$$dir"' EXIT; \
	cp "$$(env -u DATABASE_URL $(PY) -m tests.testdb)" "$$dir/db.sqlite3"; \
	export DATABASE_URL="sqlite:///$$dir/db.sqlite3"; \
	$(PY) manage.py migrate --noinput -v 0 && $(PY) manage.py load_demo_kaart && \
	$(PY) manage.py load_demo_pages && $(PY) manage.py taalcheck

# Stops and restarts an Elasticsearch node mid-test: a node of its own on ES_RESTART_PORT, started here and
# stopped afterwards, so no suite's node goes away under it.
test-node-restart: install
	@export ES_PORT=$(ES_RESTART_PORT) ES_JAVA_EXTRA_OPTS="$(ES_TEST_JAVA_OPTS)"; \
	bash services/elasticsearch.sh start || exit 1; status=0; \
	ELASTICSEARCH_TEST_URL=http://127.0.0.1:$(ES_RESTART_PORT) env -u DATABASE_URL \
		$(PY) -m pytest -m node_restart $(NODE_RESTART_TESTS) || status=$$?; \
	bash services/elasticsearch.sh stop; exit $$status

# Only the Elasticsearch tests, on the test node (started when none answers; left running).
test-elasticsearch: install elasticsearch
	ELASTICSEARCH_TEST_URL=$(ES_URL) env -u DATABASE_URL $(PY) -m pytest $(ES_TESTS)

# The benchmarks' load generator: wrk, from Debian's packages (installed when missing; needs root).
bench-deps:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

# The kaart search benchmark also measures Elasticsearch when the test node starts (it is left running).
bench: install bench-deps postgres
	-@bash services/elasticsearch.sh start
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3* .testdb $(MESSAGES)
