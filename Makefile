# Wmo-portaal. `make run` serves the site with demo content; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The local test server that `make postgres` installs and starts (a test-only role and password).
PG_URL ?= postgres://wmo:wmo-test@127.0.0.1:5432/wmo_portaal
# The Elasticsearch node that `make elasticsearch` starts and `make test` runs the Elasticsearch tests on.
ES_URL ?= http://127.0.0.1:9200
# The tests that talk to Elasticsearch (the contract suite runs every backend, the real node among them).
ES_TESTS := tests/socialekaart/test_search_contract.py tests/socialekaart/test_elasticsearch.py \
	tests/socialekaart/test_elasticsearch_node.py tests/portal/test_search.py

# Exits 0 when the PostgreSQL server of the URL in argv[1] accepts connections.
define POSTGRES_ANSWERS
import sys, dj_database_url, psycopg
c = dj_database_url.parse(sys.argv[1])
psycopg.connect(host=c["HOST"], port=c["PORT"] or 5432, user=c["USER"], password=c["PASSWORD"] or None,
                dbname="postgres", connect_timeout=3).close()
endef
export POSTGRES_ANSWERS

.PHONY: install browser-deps postgres elasticsearch elasticsearch-stop run worker migrate demo lint test test-sqlite test-postgres test-fast test-browser test-elasticsearch taalcheck bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# Browser tests drive Debian's chromium; install it when it is missing (needs root, as on CI).
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

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
run: demo
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
# Both runs use the Elasticsearch test node, started here and stopped afterwards (unless it already ran);
# without Java or Maven its tests are skipped with the reason (REQUIRE_ELASTICSEARCH=1 makes that an error).
test: lint browser-deps postgres
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	@es=""; started=""; \
	if bash services/elasticsearch.sh running; then es="$(ES_URL)"; \
	elif bash services/elasticsearch.sh start; then es="$(ES_URL)"; started=1; \
	elif [ "$(REQUIRE_ELASTICSEARCH)" = "1" ]; then echo "No Elasticsearch node, and REQUIRE_ELASTICSEARCH=1"; exit 1; \
	else echo "== No Elasticsearch node: its tests are skipped"; fi; \
	status=0; \
	ELASTICSEARCH_TEST_URL="$$es" $(MAKE) --no-print-directory test-sqlite || status=$$?; \
	if [ $$status = 0 ]; then ELASTICSEARCH_TEST_URL="$$es" $(MAKE) --no-print-directory test-postgres || status=$$?; fi; \
	if [ -n "$$started" ]; then bash services/elasticsearch.sh stop; fi; \
	exit $$status
	$(MAKE) taalcheck

test-sqlite: install
	env -u DATABASE_URL $(PY) -m pytest

test-postgres: install postgres
	@if $(PY) -c "$$POSTGRES_ANSWERS" "$(PG_URL)" 2>/dev/null; then \
		echo "== PostgreSQL answers: running the suite on it"; \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser"; \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
		echo "PostgreSQL at $(PG_URL) does not answer, and REQUIRE_POSTGRES=1"; exit 1; \
	else \
		echo "== PostgreSQL does not answer at $(PG_URL): skipping the PostgreSQL run"; \
	fi

test-fast: install
	env -u DATABASE_URL $(PY) -m pytest -m "not browser and not slow"

test-browser: install browser-deps
	env -u DATABASE_URL $(PY) -m pytest -m browser

# The B1 taalcheck over every published demo page, in a throw-away database.
taalcheck: install
	@rm -f /tmp/wmo-taalcheck.sqlite3
	DATABASE_URL=sqlite:////tmp/wmo-taalcheck.sqlite3 $(PY) manage.py migrate --noinput -v 0
	DATABASE_URL=sqlite:////tmp/wmo-taalcheck.sqlite3 $(PY) manage.py load_demo
	DATABASE_URL=sqlite:////tmp/wmo-taalcheck.sqlite3 $(PY) manage.py taalcheck

# Only the Elasticsearch tests, on the test node (started when none answers; left running).
test-elasticsearch: install elasticsearch
	ELASTICSEARCH_TEST_URL=$(ES_URL) env -u DATABASE_URL $(PY) -m pytest $(ES_TESTS)

# The kaart search benchmark also measures Elasticsearch when the test node starts (it is left running).
bench: install
	-@bash services/elasticsearch.sh start
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3*
