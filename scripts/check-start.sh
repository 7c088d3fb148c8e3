#!/usr/bin/env bash
# Starts `npm start` as a newcomer would, waits for it to answer, checks a few routes, then stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8787}
log=$(mktemp)
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -- -"$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 90); do
  if curl -fsS "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start exited early"; exit 1; fi
  sleep 1
done
check() {
  local path=$1 expect=$2
  body=$(curl -fsS "http://127.0.0.1:$port$path") || { cat "$log"; echo "FAIL $path"; exit 1; }
  grep -q "$expect" <<<"$body" || { echo "FAIL $path: expected $expect in: ${body:0:300}"; exit 1; }
  echo "ok $path"
}
check /v1/health '"database":"ok"'
check "/v1/matters?q=%E5%BC%80%E9%A5%AD%E5%BA%97" '食品经营许可'
check /v1/departments '市场监管局'
check /v1/openapi.json '"openapi":"3.1'
check /v1/certificates/public-key '"alg":"ES256"'
ticket=$(curl -fsS -X POST -H 'Content-Type: application/json' -H 'Idempotency-Key: check-start' \
  -d '{"class":"normal"}' "http://127.0.0.1:$port/v1/halls/xiaoshan/tickets") || { cat "$log"; echo "FAIL take a ticket"; exit 1; }
grep -q '"number":"A' <<<"$ticket" || { echo "FAIL take a ticket: ${ticket:0:300}"; exit 1; }
echo "ok POST /v1/halls/xiaoshan/tickets"
# The demo credentials npm start prints: a staff account signs in and the token names it; a demo key does too.
demo() { npx tsx -e "import('./scripts/demo-credentials.ts').then((m) => console.log($1))"; }
password=$(demo 'm.DEMO_PASSWORD')
key=$(demo 'm.DEMO_KEYS[0].key')
token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"username\":\"xs-front-desk\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/v1/auth/token" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p') || { cat "$log"; echo "FAIL sign in"; exit 1; }
[ -n "$token" ] || { echo "FAIL sign in: no token"; exit 1; }
check_as() {
  local credential=$1 path=$2 expect=$3
  body=$(curl -fsS -H "Authorization: Bearer $credential" "http://127.0.0.1:$port$path") || { echo "FAIL $path"; exit 1; }
  grep -q "$expect" <<<"$body" || { echo "FAIL $path: expected $expect in: ${body:0:300}"; exit 1; }
  echo "ok $path ($4)"
}
check_as "$token" /v1/auth/me '"id":"xs-front-desk"' 'signed in as xs-front-desk'
check_as "$key" /v1/auth/me '"kind":"key"' 'demo key'
npx tsx scripts/check-docs-page.ts "http://127.0.0.1:$port" "$(mktemp -d)/docs-page.png"
