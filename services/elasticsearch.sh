#!/usr/bin/env bash
# The Elasticsearch node of the tests: `services/elasticsearch.sh start|stop|running|url`.
#
# start: when a node already answers on the port, prints its version and does nothing else. Otherwise builds
# the node once (Maven unpacks the official distribution from Maven Central and builds our wmo-analysis
# plugin, see services/elasticsearch/pom.xml), then starts one node on 127.0.0.1 with security off, a heap
# of at most 512 MB, no disk thresholds, single-node discovery, and fresh data and logs under a temporary
# folder (ES_KEEP_DATA=1 keeps the data of the previous start: a restart). Prints the version and how long
# the start took. ES_JAVA_EXTRA_OPTS adds JVM options: `make test` passes -XX:TieredStopAtLevel=1 (only the
# quick JIT compiler) for its node of a few minutes, which then takes about 40% less CPU from the tests
# beside it; a node left running (`make elasticsearch`, the benchmarks) keeps the full JIT.
# stop: stops the node this script started, by its PID. running: exits 0 when a node answers on the port.
# Needs Java 17+ and Maven; exits 2 with the reason when either is missing. Elasticsearch does not run as
# root: as root the node runs as the system user `wmo-es` (created when missing).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
PROJECT="$HERE/elasticsearch"
PORT="${ES_PORT:-9200}"
URL="http://127.0.0.1:$PORT"
STATE="${ES_STATE_DIR:-${TMPDIR:-/tmp}/wmo-elasticsearch}"
RUN="$STATE/run-$PORT"
PIDFILE="$RUN/elasticsearch.pid"
HEAP="${ES_HEAP:-512m}"
JAVA_EXTRA="${ES_JAVA_EXTRA_OPTS:-}"
RUN_AS="${ES_RUN_AS:-wmo-es}"

version_of() {  # the version of the node answering on the port, or nothing
    # (GET / belongs to the rest-root module, which this distribution lacks; the nodes API answers.)
    curl -fsS --max-time 2 "$URL/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null \
        | sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p' | head -1 || true
}

es_version() {
    sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$PROJECT/pom.xml"
}

java_home() {  # a JDK 17+ for Maven and the node: JAVA_HOME, else the one `java` belongs to
    local home="${ES_JAVA_HOME:-${JAVA_HOME:-}}"
    if [ -z "$home" ] && command -v java >/dev/null; then
        home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    fi
    [ -n "$home" ] && [ -x "$home/bin/java" ] || return 1
    local major
    major="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
    [ "${major:-0}" -ge 17 ] || return 1
    echo "$home"
}

build() {  # the node folder, built once per distribution version and plugin source
    local version="$1" hash home
    hash="$(cat "$PROJECT/pom.xml" "$PROJECT/plugin-descriptor.properties" "$PROJECT"/src/main/java/nl/wmoportaal/analysis/*.java | sha1sum | cut -c1-12)"
    home="$STATE/node-$version-$hash"
    if [ ! -f "$home/.ready" ]; then
        echo "== Elasticsearch $version: fetching the distribution and building the wmo-analysis plugin (mvn)" >&2
        (cd "$PROJECT" && mvn -q -B package -Dmaven.test.skip=true) >&2
        rm -rf "$STATE"/node-*  # an older build
        mkdir -p "$STATE"
        cp -r "$PROJECT/target/dist/elasticsearch-$version" "$home"
        mkdir -p "$home/plugins/wmo-analysis"
        cp "$PROJECT/target/wmo-analysis-1.0.jar" "$home/plugins/wmo-analysis/"
        sed "s/@ELASTICSEARCH_VERSION@/$version/" "$PROJECT/plugin-descriptor.properties" \
            > "$home/plugins/wmo-analysis/plugin-descriptor.properties"
        touch "$home/.ready"
    fi
    echo "$home"
}

start() {
    local running
    running="$(version_of)"
    if [ -n "$running" ]; then
        echo "== Elasticsearch $running already answers at $URL"
        return 0
    fi
    command -v mvn >/dev/null || { echo "Maven (mvn) is missing: no Elasticsearch node for the tests" >&2; exit 2; }
    local jhome
    jhome="$(java_home)" || { echo "No Java 17+ found: no Elasticsearch node for the tests" >&2; exit 2; }
    export JAVA_HOME="$jhome"
    local began version home
    began="$(date +%s%N)"
    version="$(es_version)"
    home="$(build "$version")"
    stop quiet
    if [ "${ES_KEEP_DATA:-}" != 1 ]; then rm -rf "$RUN"; fi  # fresh data unless a restart keeps it
    mkdir -p "$RUN/data" "$RUN/logs"
    local -a as_user=()
    if [ "$(id -u)" = 0 ]; then
        id -u "$RUN_AS" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
        chown -R "$RUN_AS" "$RUN" "$home/config"
        chmod 755 "$STATE"
        as_user=(runuser -u "$RUN_AS" --)
    fi
    "${as_user[@]}" env -u JAVA_HOME ES_JAVA_HOME="$jhome" ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP${JAVA_EXTRA:+ $JAVA_EXTRA}" \
        "$home/bin/elasticsearch" -d -p "$PIDFILE" \
        -E cluster.name=wmo-test -E node.name=wmo-test-node \
        -E network.host=127.0.0.1 -E http.port="$PORT" -E transport.port=0 \
        -E discovery.type=single-node \
        -E path.data="$RUN/data" -E path.logs="$RUN/logs" \
        -E xpack.security.enabled=false \
        -E cluster.routing.allocation.disk.threshold_enabled=false \
        -E action.destructive_requires_name=false \
        >"$RUN/stdout.log" 2>&1 || { cat "$RUN/stdout.log" >&2; tail -40 "$RUN/logs/wmo-test.log" >&2 2>/dev/null; exit 1; }
    for _ in $(seq 1 240); do
        running="$(version_of)"
        if [ -n "$running" ]; then
            curl -fsS --max-time 30 "$URL/_cluster/health?wait_for_status=yellow&timeout=30s" >/dev/null || true
            local ms=$(( ($(date +%s%N) - began) / 1000000 ))
            printf '== Elasticsearch %s answers at %s (started in %d.%01d s, Java %s, data in %s)\n' \
                "$running" "$URL" $((ms / 1000)) $((ms % 1000 / 100)) "$("$jhome/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.version = //p')" "$RUN"
            return 0
        fi
        sleep 0.5
    done
    echo "Elasticsearch did not answer at $URL within 120 s; its log:" >&2
    tail -60 "$RUN/logs/wmo-test.log" >&2 2>/dev/null || cat "$RUN/stdout.log" >&2
    exit 1
}

stop() {
    if [ -f "$PIDFILE" ]; then
        local pid
        pid="$(cat "$PIDFILE")"
        if kill "$pid" 2>/dev/null; then
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
            [ "${1:-}" = quiet ] || echo "== Elasticsearch at $URL stopped (pid $pid)"
        fi
        rm -f "$PIDFILE"
    elif [ "${1:-}" != quiet ]; then
        echo "== No Elasticsearch started by this script at $URL"
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    url) echo "$URL" ;;
    running) [ -n "$(version_of)" ] ;;
    *) echo "usage: $0 start|stop|running|url" >&2; exit 64 ;;
esac
