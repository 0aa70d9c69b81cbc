# Helpers shared by the benches in scripts/bench.d/ (sourced, not run). Progress goes to
# stderr; a bench's result lines (one JSON object each) go to stdout.
# shellcheck shell=bash

QC_ROOT=${QC_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
QC_SERVER=$QC_ROOT/build/qcredit-server
QC_BENCH_BIN=$QC_ROOT/build/bench
# --quick (or QCREDIT_BENCH_QUICK=1): CI-size runs, seconds instead of tens of seconds.
QC_QUICK=${QCREDIT_BENCH_QUICK:-0}
QC_CONNECTIONS=${QCREDIT_BENCH_CONNECTIONS:-64}
QC_THREADS=${QCREDIT_BENCH_WRK_THREADS:-2}

log() { echo "bench: $*" >&2; }

# Seconds for one measurement: $1 normally, $2 with --quick (QCREDIT_BENCH_SECONDS wins).
seconds() {
  if [ -n "${QCREDIT_BENCH_SECONDS:-}" ]; then echo "$QCREDIT_BENCH_SECONDS"
  elif [ "$QC_QUICK" = 1 ]; then echo "$2"
  else echo "$1"; fi
}

# The number named $1 in a flat JSON object on stdin.
jnum() { grep -o "\"$1\":[-0-9.e+]*" | head -n1 | cut -d: -f2; }
# The string named $1 in a JSON object on stdin (first occurrence).
jstr() { grep -o "\"$1\":\"[^\"]*\"" | head -n1 | cut -d'"' -f4; }

# result BENCH FIGURE UNIT REFERENCE REFERENCE_FIGURE: one result line, ratio = figure/reference.
result() {
  awk -v b="$1" -v f="$2" -v u="$3" -v r="$4" -v rf="$5" 'BEGIN {
    ratio = (f != "null" && rf != "null" && rf + 0 != 0) ? sprintf("%.3f", f / rf) : "null";
    printf "{\"bench\":\"%s\",\"figure\":%s,\"unit\":\"%s\",\"reference\":\"%s\",\"reference_figure\":%s,\"ratio\":%s}\n",
      b, f, u, r, rf, ratio }'
}

# A TCP port nobody listens on.
free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port" >&2; return 1
}

# wait_http URL TIMEOUT_S: polls until URL answers 200; fails after TIMEOUT_S.
wait_http() {
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "no answer from $1"; return 1; }
    sleep 0.02
  done
}

# start_server DIR PORT WORKFLOWS [ARGS…]: the real server on SQLite in DIR, in the
# background (pid in DIR/server.pid, log in DIR/server.log); returns once it is ready.
start_server() {
  local dir=$1 port=$2 workflows=$3; shift 3
  QCREDIT_ADMIN_PASSWORD=bench-admin-password "$QC_SERVER" --listen "127.0.0.1:$port" \
    --db "sqlite:$dir/qcredit.db" --workflows "$workflows" --plugins "$QC_ROOT/plugins" \
    --web "$dir/no-web" "$@" >>"$dir/server.log" 2>&1 &
  echo $! >"$dir/server.pid"
  if ! wait_http "http://127.0.0.1:$port/readyz" "${QCREDIT_BENCH_READY_TIMEOUT:-300}"; then
    tail -n 20 "$dir/server.log" >&2
    return 1
  fi
}

# stop_pid PIDFILE: SIGTERM, then wait for the process to go.
stop_pid() {
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$1"
}

# login PORT: a Bearer token for admin (created from QCREDIT_ADMIN_PASSWORD on first start).
login() {
  curl -fsS -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-admin-password"}' \
    "http://127.0.0.1:$1/api/v1/session" | jstr token
}

# An enterprise the bench cases belong to: created once, its USCC printed.
QC_ENTERPRISE=91320102MA1NAB8K2X
ensure_enterprise() {
  local port=$1 token=$2 uscc
  uscc=$(uscc_with_check "${QC_ENTERPRISE:0:17}")
  curl -sS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"uscc\":\"$uscc\",\"name\":\"基准测试企业\",\"region\":\"320102\",\"established_on\":\"2015-06-18\"}" \
    "http://127.0.0.1:$port/api/v1/enterprises"
  echo "$uscc"
}

# uscc_with_check STEM17: the 18-character USCC with its GB 32100 check character.
uscc_with_check() {
  local alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
  local stem=$1 sum=0 i ch v
  for i in $(seq 0 16); do
    ch=${stem:$i:1}
    v=${alphabet%%"$ch"*}; v=${#v}
    sum=$(( sum + v * weights[i] ))
  done
  local c=$(( (31 - sum % 31) % 31 ))
  echo "$stem${alphabet:$c:1}"
}

# rss_kb PID: resident set size in KiB.
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# A temp dir on disk (not tmpfs: fsync must cost what it costs), removed with cleanup.
bench_tmp() {
  QC_TMP=$(mktemp -d "${TMPDIR:-/tmp}/qcredit-bench.XXXXXX")
  trap 'bench_cleanup' EXIT
}
bench_cleanup() {
  local f
  for f in "$QC_TMP"/*.pid "$QC_TMP"/*/*.pid; do [ -e "$f" ] && stop_pid "$f"; done
  if [ "${QCREDIT_BENCH_KEEP:-}" = 1 ]; then log "kept $QC_TMP"; else rm -rf "$QC_TMP"; fi
}

# measure_writes PORT TOKEN USCC SECONDS: bench/http/writes.lua's JSON line.
measure_writes() {
  QC_TOKEN=$2 QC_ENTERPRISE=$3 wrk -t "$QC_THREADS" -c "$QC_CONNECTIONS" -d "${4}s" \
    --timeout 10s -s "$QC_ROOT/bench/http/writes.lua" "http://127.0.0.1:$1" | grep '^{'
}

# measure_reads PORT TOKEN CASES SECONDS: bench/http/reads.lua's JSON line.
measure_reads() {
  QC_TOKEN=$2 QC_CASES=$3 wrk -t "$QC_THREADS" -c "$QC_CONNECTIONS" -d "${4}s" \
    --timeout 10s -s "$QC_ROOT/bench/http/reads.lua" "http://127.0.0.1:$1" | grep '^{'
}

# per_s JSON FIELD: FIELD / duration_s of a measure_* line.
per_s() { awk -v n="$(jnum "$2" <<<"$1")" -v d="$(jnum duration_s <<<"$1")" 'BEGIN { printf "%.0f", n / d }'; }

# seed_cases DB TOTAL: copies the store's first case until it holds TOTAL cases
# (bench/tools/seed_cases.sql). The server must be stopped.
seed_cases() {
  sqlite3 "$1" -cmd ".parameter set :total $2" <"$QC_ROOT/bench/tools/seed_cases.sql" >/dev/null
}

# open_case PORT TOKEN USCC: opens one bench.eight_step case through the API.
open_case() {
  curl -fsS -o /dev/null -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"procedure\":\"bench.eight_step\",\"enterprise\":\"$3\",\"data\":{\"score\":80}}" \
    "http://127.0.0.1:$1/api/v1/cases"
}
