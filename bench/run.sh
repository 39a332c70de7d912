#!/usr/bin/env bash
# Gateway benchmark (see docs/benchmarks.md). Measures, on loopback:
#   1. latency and throughput of a non-streamed chat completion with wrk, at concurrency 1 and
#      64: straight to a fixed-response nginx upstream, through an nginx reverse proxy (the
#      yardstick), through llmo-bench-floor (bench/floor/: the thinnest QHttpServer +
#      QNetworkAccessManager forwarder, the floor of the parts the gateway is built on) and
#      through the gateway;
#   2. 1000 concurrent slow streams through the gateway from one provider (llmo-mock-provider),
#      wall time against one stream's time, failed streams and the gateway's peak RSS.
# Prints a Markdown report and writes it to bench/out/results-<date>.md.
#
# Environment: BENCH_SECONDS (10) per wrk run, BENCH_WARMUP_SECONDS (2), BENCH_STREAMS (1000),
# BENCH_STREAM_CHUNKS (20), BENCH_STREAM_DELAY_MS (50), BENCH_NGINX_WORKERS (1),
# BENCH_JOBS (2) build parallelism, BENCH_BUILD_DIR (build-release), BENCH_SKIP_BUILD (0),
# BENCH_KEEP_TMP (0: keep configs and logs of the run).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_SECONDS=${BENCH_SECONDS:-10}
BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-2}
BENCH_STREAMS=${BENCH_STREAMS:-1000}
BENCH_STREAM_CHUNKS=${BENCH_STREAM_CHUNKS:-20}
BENCH_STREAM_DELAY_MS=${BENCH_STREAM_DELAY_MS:-50}
BENCH_NGINX_WORKERS=${BENCH_NGINX_WORKERS:-1}
BENCH_JOBS=${BENCH_JOBS:-2}
BUILD_DIR=${BENCH_BUILD_DIR:-$ROOT/build-release}
OUT_DIR=$ROOT/bench/out
GATEWAY_BIN=$BUILD_DIR/src/app/llm-orchestrator
MOCK_BIN=$BUILD_DIR/tests/support/llmo-mock-provider
FLOOR_BIN=$BUILD_DIR/bench/floor/llmo-bench-floor

log() { echo "[bench] $*" >&2; }

# ---------------------------------------------------------------- processes and cleanup
PIDS=()
TMP=$(mktemp -d "${TMPDIR:-/tmp}/llmo-bench.XXXXXX")
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ ${BENCH_KEEP_TMP:-0} == 1 ]]; then log "configs and logs kept in $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- tools
install_missing() {
    local missing=()
    command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    command -v python3 >/dev/null || missing+=(python3)
    ((${#missing[@]})) || return 0
    local sudo=()
    [[ $EUID -eq 0 ]] || sudo=(sudo)
    log "installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    local pkg
    for pkg in "${missing[@]}"; do
        if [[ $pkg == nginx ]]; then
            # nginx-light is enough (no extra modules); newer releases only ship "nginx".
            "${sudo[@]}" apt-get install -y -qq nginx-light || "${sudo[@]}" apt-get install -y -qq nginx
        else
            "${sudo[@]}" apt-get install -y -qq "$pkg"
        fi
    done
}
install_missing
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# 1000 streams need 2000+ descriptors in the gateway; children inherit the limit.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# ---------------------------------------------------------------- build
GATEWAY_BUILT=1
FLOOR_BUILT=1
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    log "building Release in $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DLLMO_BUILD_TESTS=ON \
        -DLLMO_BUILD_BENCH=ON >/dev/null
    # Build output goes to stderr: stdout carries only the report.
    cmake --build "$BUILD_DIR" -j"$BENCH_JOBS" --target llmo-mock-provider >&2
    cmake --build "$BUILD_DIR" -j"$BENCH_JOBS" --target llmo-bench-floor >&2 || FLOOR_BUILT=0
    cmake --build "$BUILD_DIR" -j"$BENCH_JOBS" --target llm-orchestrator >&2 || GATEWAY_BUILT=0
fi
[[ -x $MOCK_BIN ]] || { log "missing $MOCK_BIN"; exit 1; }
[[ -x $GATEWAY_BIN ]] || GATEWAY_BUILT=0
[[ -x $FLOOR_BIN ]] || FLOOR_BUILT=0

# ---------------------------------------------------------------- helpers
free_ports() {
    python3 - "$1" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

# wait_http URL [seconds]: until the URL answers at all (any status).
wait_http() {
    local deadline=$((SECONDS + ${2:-15}))
    until curl -s -o /dev/null --max-time 1 "$1"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# The ~400-byte chat.completion that the fixed upstream returns for every request.
FIXED_JSON='{"id":"chatcmpl-bench","object":"chat.completion","created":1735689600,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the benchmark upstream.","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18},"service_tier":"default","system_fingerprint":"fp_bench"}'

# write_nginx_conf NAME SERVER-BLOCKS: a self-contained config under $TMP (own pid, logs and
# temp paths; never the system nginx's).
write_nginx_conf() {
    local name=$1 servers=$2 user_line=""
    [[ $EUID -ne 0 ]] || user_line="user root;"
    mkdir -p "$TMP/$name"
    cat >"$TMP/$name.conf" <<EOF
$user_line
worker_processes $BENCH_NGINX_WORKERS;
daemon off;
pid $TMP/$name.pid;
error_log $TMP/$name-error.log warn;
events { worker_connections 8192; }
http {
    access_log off;
    client_body_temp_path $TMP/$name/body;
    proxy_temp_path $TMP/$name/proxy;
    fastcgi_temp_path $TMP/$name/fastcgi;
    uwsgi_temp_path $TMP/$name/uwsgi;
    scgi_temp_path $TMP/$name/scgi;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
$servers
}
EOF
}

start_nginx() {
    "$NGINX" -e "$TMP/$1-error.log" -p "$TMP" -c "$TMP/$1.conf" &
    PIDS+=($!)
}

# to_us VALUE: wrk's "59.00us" / "1.23ms" / "1.01s" in microseconds.
to_us() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); print v + 0 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); print v * 1000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000000 }
        else print "nan" }'
}

# run_wrk LABEL URL THREADS CONNECTIONS: sets W_P50 W_P99 (µs), W_RPS, W_NON2XX, W_SOCKERR.
run_wrk() {
    local label=$1 url=$2 threads=$3 conns=$4 out
    if ((BENCH_WARMUP_SECONDS > 0)); then
        wrk -t"$threads" -c"$conns" -d"${BENCH_WARMUP_SECONDS}s" -s "$ROOT/bench/post.lua" "$url" >/dev/null
    fi
    out=$(wrk -t"$threads" -c"$conns" -d"${BENCH_SECONDS}s" --latency -s "$ROOT/bench/post.lua" "$url")
    echo "$out" >"$TMP/wrk-$label.txt"
    W_P50=$(to_us "$(awk '$1 == "50%" { print $2; exit }' <<<"$out")")
    W_P99=$(to_us "$(awk '$1 == "99%" { print $2; exit }' <<<"$out")")
    W_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    W_NON2XX=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
    W_NON2XX=${W_NON2XX:-0}
    W_SOCKERR=$(awk '/Socket errors:/ { s = 0; for (i = 3; i <= NF; i += 2) { v = $(i + 1); sub(/,/, "", v); s += v } print s }' <<<"$out")
    W_SOCKERR=${W_SOCKERR:-0}
    log "$label: p50 ${W_P50}us p99 ${W_P99}us ${W_RPS} req/s non-2xx $W_NON2XX socket errors $W_SOCKERR"
}

vm_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# ---------------------------------------------------------------- upstreams
read -r P_UP P_PROXY P_GW P_FLOOR <<<"$(free_ports 4)"

write_nginx_conf upstream "    server {
        listen 127.0.0.1:$P_UP;
        location = /v1/chat/completions {
            default_type application/json;
            return 200 '$FIXED_JSON';
        }
        location / {
            default_type application/json;
            return 404 '{\"error\":{\"message\":\"not found\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}';
        }
    }"
write_nginx_conf proxy "    upstream fixed {
        server 127.0.0.1:$P_UP;
        keepalive 256;
        keepalive_requests 1000000;
    }
    server {
        listen 127.0.0.1:$P_PROXY;
        location / {
            proxy_pass http://fixed;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
        }
    }"
start_nginx upstream
start_nginx proxy

"$MOCK_BIN" --port 0 --words "$BENCH_STREAM_CHUNKS" --chunk-delay-ms "$BENCH_STREAM_DELAY_MS" \
    --name bench-stream >"$TMP/mock.out" 2>"$TMP/mock.err" &
PIDS+=($!)
for _ in $(seq 100); do grep -q '^listening ' "$TMP/mock.out" 2>/dev/null && break; sleep 0.1; done
P_MOCK=$(awk '/^listening / { print $2 }' "$TMP/mock.out")
[[ -n $P_MOCK ]] || { log "llmo-mock-provider did not start: $(cat "$TMP/mock.err")"; exit 1; }

wait_http "http://127.0.0.1:$P_UP/" || { log "nginx upstream did not start"; cat "$TMP/upstream-error.log" >&2; exit 1; }
wait_http "http://127.0.0.1:$P_PROXY/" || { log "nginx proxy did not start"; cat "$TMP/proxy-error.log" >&2; exit 1; }

# ---------------------------------------------------------------- QNAM floor
# The same request as the gateway's test request below: a 200 with the upstream's body.
# check_completion URL [extra curl args...]: prints nothing and succeeds, or prints why not.
check_completion() {
    local url=$1 out
    shift
    out=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' "$@" -d @- "$url" \
        <<<'{"model":"bench-model","messages":[{"role":"user","content":"hi"}]}' || true)
    if [[ $(tail -n1 <<<"$out") == 200 ]] && grep -q '"chat.completion"' <<<"$out"; then
        return 0
    fi
    head -c 300 <<<"$out" | tr '\n' ' '
    return 1
}

FLOOR_OK=0
FLOOR_NOTE=""
if ((FLOOR_BUILT)); then
    "$FLOOR_BIN" --port "$P_FLOOR" --upstream "http://127.0.0.1:$P_UP/v1/chat/completions" \
        >"$TMP/floor.log" 2>&1 &
    PIDS+=($!)
    if ! wait_http "http://127.0.0.1:$P_FLOOR/" 15; then
        FLOOR_NOTE="llmo-bench-floor did not answer within 15 s"
    elif why=$(check_completion "http://127.0.0.1:$P_FLOOR/v1/chat/completions"); then
        FLOOR_OK=1
    else
        FLOOR_NOTE="a test request through llmo-bench-floor failed: $why"
    fi
    if ((!FLOOR_OK)); then
        log "$FLOOR_NOTE"
        tail -n 20 "$TMP/floor.log" >&2 || true
    fi
else
    FLOOR_NOTE="llmo-bench-floor could not be built ($FLOOR_BIN)"
    log "$FLOOR_NOTE"
fi

# ---------------------------------------------------------------- gateway
GATEWAY_OK=0
GATEWAY_NOTE=""
GW_PID=""
if ((GATEWAY_BUILT)); then
    cat >"$TMP/config.json" <<EOF
{
  "providers": [
    {"name": "nginx-fixed", "type": "openai", "base_url": "http://127.0.0.1:$P_UP/v1",
     "api_keys": ["sk-upstream"], "headers": {}, "timeout_ms": 60000, "enabled": true,
     "probe": {"interval_s": 0, "kind": "models", "model": ""}},
    {"name": "mock-stream", "type": "openai", "base_url": "http://127.0.0.1:$P_MOCK/v1",
     "api_keys": ["sk-upstream"], "headers": {}, "timeout_ms": 60000, "enabled": true,
     "probe": {"interval_s": 0, "kind": "models", "model": ""}}
  ],
  "models": [
    {"name": "bench-model", "max_attempts": 1,
     "routes": [{"provider": "nginx-fixed", "model": "gpt-4o-mini", "weight": 1, "priority": 0}]},
    {"name": "stream-model", "max_attempts": 1,
     "routes": [{"provider": "mock-stream", "model": "gpt-4o-mini", "weight": 1, "priority": 0}]}
  ],
  "access_keys": []
}
EOF
    mkdir -p "$TMP/data"
    LLMO_API_KEY=sk-bench LLMO_ADMIN_TOKEN=bench-admin QT_QPA_PLATFORM=offscreen \
        "$GATEWAY_BIN" --headless --port "$P_GW" --data-dir "$TMP/data" --import "$TMP/config.json" \
        >"$TMP/gateway.log" 2>&1 &
    GW_PID=$!
    PIDS+=("$GW_PID")
    if ! wait_http "http://127.0.0.1:$P_GW/health" 15; then
        GATEWAY_NOTE="the gateway did not answer /health within 15 s"
    elif why=$(check_completion "http://127.0.0.1:$P_GW/v1/chat/completions" \
        -H 'Authorization: Bearer sk-bench'); then
        GATEWAY_OK=1
    else
        GATEWAY_NOTE="a test request through the gateway failed: $why"
    fi
    if ((!GATEWAY_OK)); then
        log "$GATEWAY_NOTE"
        tail -n 20 "$TMP/gateway.log" >&2 || true
    fi
else
    GATEWAY_NOTE="the gateway binary could not be built ($GATEWAY_BIN)"
    log "$GATEWAY_NOTE"
fi

# ---------------------------------------------------------------- wrk runs
declare -A P50 P99 RPS NON2XX SOCKERR
TARGETS=(direct nginx-proxy)
((FLOOR_OK)) && TARGETS+=(qnam-floor)
((GATEWAY_OK)) && TARGETS+=(gateway)
for conc in 1 64; do
    threads=1
    ((conc == 1)) || threads=2
    for target in "${TARGETS[@]}"; do
        case $target in
            direct) url="http://127.0.0.1:$P_UP/v1/chat/completions" ;;
            nginx-proxy) url="http://127.0.0.1:$P_PROXY/v1/chat/completions" ;;
            qnam-floor) url="http://127.0.0.1:$P_FLOOR/v1/chat/completions" ;;
            gateway) url="http://127.0.0.1:$P_GW/v1/chat/completions" ;;
        esac
        run_wrk "$target-c$conc" "$url" "$threads" "$conc"
        P50[$target,$conc]=$W_P50
        P99[$target,$conc]=$W_P99
        RPS[$target,$conc]=$W_RPS
        NON2XX[$target,$conc]=$W_NON2XX
        SOCKERR[$target,$conc]=$W_SOCKERR
    done
done

# ---------------------------------------------------------------- streams
log "streams: $BENCH_STREAMS at once, $BENCH_STREAM_CHUNKS chunks x $BENCH_STREAM_DELAY_MS ms"
STREAM_DIRECT=$(python3 "$ROOT/bench/streamload.py" --port "$P_MOCK" --streams "$BENCH_STREAMS" || true)
log "direct to the mock: $STREAM_DIRECT"
STREAM_GW=""
HWM_BEFORE=0 HWM_AFTER=0 RSS_AFTER=0
if ((GATEWAY_OK)); then
    HWM_BEFORE=$(vm_kb "$GW_PID" VmHWM)
    STREAM_GW=$(python3 "$ROOT/bench/streamload.py" --port "$P_GW" --streams "$BENCH_STREAMS" || true)
    HWM_AFTER=$(vm_kb "$GW_PID" VmHWM)
    RSS_AFTER=$(vm_kb "$GW_PID" VmRSS)
    log "through the gateway: $STREAM_GW"
fi

# ---------------------------------------------------------------- report
json_field() { python3 -c 'import json,sys
try: v = json.loads(sys.argv[1]).get(sys.argv[2], "")
except Exception: v = ""
print(v if not isinstance(v, list) else "; ".join(v))' "$1" "$2"; }
calc() { awk "BEGIN { printf \"%.${2:-0}f\", $1 }"; }
verdict() { awk "BEGIN { print ($1) ? \"PASS\" : \"FAIL\" }"; }

mkdir -p "$OUT_DIR"
REPORT=$OUT_DIR/results-$(date +%Y%m%d-%H%M%S).md
{
    echo "# Benchmark results $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "- machine: $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), kernel $(uname -r)"
    echo "- $("$NGINX" -v 2>&1 | head -n1), $(wrk --version 2>&1 | head -n1 | awk '{ print $1, $2 }'), Qt $(qmake6 -query QT_VERSION 2>/dev/null || echo '?')"
    echo "- wrk: ${BENCH_SECONDS} s per run after ${BENCH_WARMUP_SECONDS} s warm-up; c1 = -t1 -c1, c64 = -t2 -c64; nginx worker_processes $BENCH_NGINX_WORKERS"
    [[ -z $FLOOR_NOTE ]] || echo "- **qnam-floor not measured**: $FLOOR_NOTE"
    [[ -z $GATEWAY_NOTE ]] || echo "- **gateway not measured**: $GATEWAY_NOTE"
    echo
    echo "## Non-streamed chat completion (wrk)"
    echo
    echo "| path | concurrency | p50 µs | p99 µs | req/s | non-2xx | socket errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for conc in 1 64; do
        for target in "${TARGETS[@]}"; do
            echo "| $target | $conc | ${P50[$target,$conc]} | ${P99[$target,$conc]} | ${RPS[$target,$conc]} | ${NON2XX[$target,$conc]} | ${SOCKERR[$target,$conc]} |"
        done
    done
    echo
    echo "| measure | value | target | verdict |"
    echo "|---|---:|---:|---|"
    for conc in 1 64; do
        echo "| nginx proxy added p50, c$conc | $(calc "${P50[nginx-proxy,$conc]} - ${P50[direct,$conc]}") µs | | |"
    done
    if ((GATEWAY_OK)); then
        added=$(calc "${P50[gateway,1]} - ${P50[direct,1]}")
        echo "| gateway added p50, c1 | $added µs | ≤ 150 µs | $(verdict "$added <= 150") |"
        echo "| gateway added p50, c64 | $(calc "${P50[gateway,64]} - ${P50[direct,64]}") µs | | |"
        ratio=$(calc "${RPS[gateway,64]} / ${RPS[nginx-proxy,64]}" 3)
        echo "| gateway req/s ÷ nginx proxy req/s, c64 | $ratio | ≥ 0.8 | $(verdict "$ratio >= 0.8") |"
        errors=$(( ${NON2XX[gateway,1]} + ${NON2XX[gateway,64]} + ${SOCKERR[gateway,1]} + ${SOCKERR[gateway,64]} ))
        echo "| gateway non-2xx + socket errors | $errors | 0 | $(verdict "$errors == 0") |"
    fi
    if ((FLOOR_OK)); then
        # The floor: what QHttpServer + QNetworkAccessManager cost with nothing on top; the
        # gateway's own overhead is what it adds over that.
        for conc in 1 64; do
            echo "| qnam-floor added p50 over direct, c$conc | $(calc "${P50[qnam-floor,$conc]} - ${P50[direct,$conc]}") µs | | |"
        done
        if ((GATEWAY_OK)); then
            for conc in 1 64; do
                echo "| gateway added p50 over qnam-floor (own overhead), c$conc | $(calc "${P50[gateway,$conc]} - ${P50[qnam-floor,$conc]}") µs | | |"
            done
            echo "| gateway req/s ÷ qnam-floor req/s, c64 | $(calc "${RPS[gateway,64]} / ${RPS[qnam-floor,64]}" 3) | | |"
        fi
        errors=$(( ${NON2XX[qnam-floor,1]} + ${NON2XX[qnam-floor,64]} + ${SOCKERR[qnam-floor,1]} + ${SOCKERR[qnam-floor,64]} ))
        echo "| qnam-floor non-2xx + socket errors | $errors | 0 | $(verdict "$errors == 0") |"
    fi
    echo
    echo "## $BENCH_STREAMS concurrent streams ($BENCH_STREAM_CHUNKS chunks × $BENCH_STREAM_DELAY_MS ms, one provider)"
    echo
    echo "| path | ok | failed | one stream s | all streams s | ratio | TTFB p50 ms | TTFB max ms | connect max ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in "direct to mock:$STREAM_DIRECT" "gateway:$STREAM_GW"; do
        label=${row%%:*} json=${row#*:}
        [[ -n $json ]] || continue
        if [[ -n $(json_field "$json" error) ]]; then
            echo "| $label | | | | | | | | error: $(json_field "$json" error) |"
            continue
        fi
        echo "| $label | $(json_field "$json" ok) | $(json_field "$json" failed) | $(json_field "$json" single_s) | $(json_field "$json" wall_s) | $(json_field "$json" ratio) | $(json_field "$json" ttfb_p50_ms) | $(json_field "$json" ttfb_max_ms) | $(json_field "$json" connect_max_ms) |"
    done
    if [[ -n $STREAM_GW && -z $(json_field "$STREAM_GW" error) ]]; then
        ratio=$(json_field "$STREAM_GW" ratio)
        failed=$(json_field "$STREAM_GW" failed)
        echo
        echo "| measure | value | target | verdict |"
        echo "|---|---:|---:|---|"
        echo "| wall time ÷ one stream | $ratio | ≤ 1.2 | $(verdict "$ratio <= 1.2") |"
        if [[ -n $(json_field "$STREAM_DIRECT" wall_s) ]]; then
            # The gateway's own share: the same client and mock without it.
            echo "| gateway wall time ÷ direct-to-mock wall time | $(calc "$(json_field "$STREAM_GW" wall_s) / $(json_field "$STREAM_DIRECT" wall_s)" 3) | | |"
        fi
        echo "| failed streams | $failed | 0 | $(verdict "$failed == 0") |"
        echo "| gateway peak RSS (VmHWM) | $(calc "$HWM_AFTER / 1024" 1) MB | ≤ 150 MB | $(verdict "$HWM_AFTER <= 150 * 1024") |"
        echo "| VmHWM before the streams / VmRSS after | $(calc "$HWM_BEFORE / 1024" 1) MB / $(calc "$RSS_AFTER / 1024" 1) MB | | |"
        errs=$(json_field "$STREAM_GW" errors)
        [[ -z $errs ]] || { echo; echo "Stream failures (distinct): $errs"; }
    fi
} | tee "$REPORT"
log "written to $REPORT"
