#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with a role the tests can use.
# Idempotent and quick when it already answers. Installs Debian's package and creates a cluster
# when they are missing, which needs root; it says so plainly when it cannot.
# The role and its password are for a local test server only (see PG_URL in the Makefile).
set -euo pipefail

PG_ROLE="${PG_ROLE:-wmo}"
PG_PASSWORD="${PG_PASSWORD:-wmo-test}"
PG_PORT="${PG_PORT:-5432}"

say() { echo "postgres: $*"; }

# Runs the SQL on stdin as the server's superuser, stopping at the first error.
as_superuser() { su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -q" >/dev/null; }

answers() {
    PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" -d postgres -Atqc 'select 1' \
        >/dev/null 2>&1
}

if command -v psql >/dev/null && answers; then
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    say "no server answers on 127.0.0.1:$PG_PORT as role $PG_ROLE, and only root can install or start one."
    say "start PostgreSQL yourself and set PG_URL, or run this as root."
    exit 1
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "installing Debian's postgresql package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null \
        || { say "apt-get could not install postgresql"; exit 1; }
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/main"; then
    say "creating cluster $version/main"
    pg_createcluster "$version" main --port "$PG_PORT" >/dev/null
fi

status="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')"
if [ "$status" != online ]; then
    say "starting cluster $version/main"
    pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
    su postgres -c "psql -p $PG_PORT -Atqc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
done

# A login role with a password, allowed to create the test databases.
as_superuser <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
        CREATE ROLE "$PG_ROLE" LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
    ELSE
        ALTER ROLE "$PG_ROLE" LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
    END IF;
END
\$\$;
SQL

# On two cores the web server's workers keep both busy; a parallel plan then only adds the start of its
# workers and the gathering of their rows to each query (see README, "Running against PostgreSQL").
if [ "$(nproc)" -le 2 ]; then
    as_superuser <<SQL
ALTER SYSTEM SET max_parallel_workers_per_gather = 0;
SELECT pg_reload_conf();
SQL
fi

if answers; then
    say "answers on 127.0.0.1:$PG_PORT (PostgreSQL $version, role $PG_ROLE)"
else
    say "the server runs but role $PG_ROLE cannot log in on 127.0.0.1:$PG_PORT; see pg_hba.conf"
    exit 1
fi
