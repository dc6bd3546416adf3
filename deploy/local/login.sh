#!/usr/bin/env bash
# Logs a user in the way every client does, without a browser: OpenID Connect authorization code + PKCE against
# user-service through the gateway, driven over plain HTTP with curl. Prints the access token on stdout
# (FULL=1: the whole token response: access_token, refresh_token, id_token, expires_in).
#
#   deploy/local/login.sh user1 ticketing-demo
#   TOKEN=$(deploy/local/login.sh user1 ticketing-demo)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/v1/api/user/amount
#   # join schedule 1's waiting room (a room per schedule; the local stack opens demo rooms 1..24), then poll it:
#   QT=$(curl -s -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"roomId": 1}' \
#        http://localhost:8080/v1/api/queue/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["queueToken"])')
#   curl -s -X POST -H "Authorization: Bearer $TOKEN" -H "X-Queue-Token: $QT" http://localhost:8080/v1/api/queue/token/check
#
# Env: GATEWAY_URL (default http://127.0.0.1:8080), CLIENT_ID (ticketing-cli), REDIRECT_URI (its registered one).
set -euo pipefail
user=${1:?usage: login.sh <username> <password>}
password=${2:?usage: login.sh <username> <password>}
base=${GATEWAY_URL:-http://127.0.0.1:8080}
client=${CLIENT_ID:-ticketing-cli}
redirect=${REDIRECT_URI:-http://127.0.0.1/callback}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
verifier=$(head -c 48 /dev/urandom | b64url)
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | b64url)
state=$(head -c 12 /dev/urandom | b64url)
location() { curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" "$@"; }

# 1. The authorization request, as a browser asks (HTML clients are sent to the login page, others get 401):
#    user-service remembers it in the login session and sends us to its login page.
authorize="$base/oauth2/authorize?response_type=code&client_id=$client&scope=openid&state=$state&redirect_uri=$(urlencode "$redirect")&code_challenge=$challenge&code_challenge_method=S256"
[ -n "$(location -H 'Accept: text/html' "$authorize")" ] || { echo "the authorization request was not sent to the login page" >&2; exit 1; }
# 2. The login page: its CSRF token.
csrf=$(curl -s -b "$jar" -c "$jar" "$base/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
[ -n "$csrf" ] || { echo "login page has no CSRF token" >&2; exit 1; }
# 3. The login form; success continues to the saved authorization request.
next=$(location -X POST --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login")
case $next in *"/login?error"*|"") echo "login refused for $user" >&2; exit 1 ;; esac
# 4. The authorization request again, now logged in: a redirect to the client's URI with the code.
callback=$(location "${next/http:\/\/localhost:8080/$base}")
code=$(printf '%s' "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$code" ] || { echo "no authorization code (got: $callback)" >&2; exit 1; }
# 5. The token request with the PKCE verifier.
tokens=$(curl -s -X POST "$base/oauth2/token" -d grant_type=authorization_code -d "client_id=$client" \
  --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" --data-urlencode "code_verifier=$verifier")
if [ "${FULL:-0}" = 1 ]; then echo "$tokens"; exit 0; fi
printf '%s' "$tokens" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
