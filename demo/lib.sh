# Helpers for the demo scripts (sourced by ./suite demo). Talks to the suite through the gateway with tokens from
# the real Keycloak, exactly as an officer's app would.
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8180}
# Throwaway password shared by the dev users of the realm (DEV ONLY - see README "Dev logins").
DEV_PASSWORD=${DEV_PASSWORD:-dev-only-pemilu}

# token USERNAME -> prints an access token for that dev user
token() {
  curl -sf -X POST "$KEYCLOAK/realms/pemilu/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=pemilu-cli -d "username=$1" -d "password=$DEV_PASSWORD" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# api USERNAME METHOD PATH [extra curl args...] -> prints the response body; fails on HTTP >= 400
# USERNAME "-" means anonymous (citizen).
api() {
  local user=$1 method=$2 path=$3; shift 3
  local auth=()
  if [ "$user" != "-" ]; then auth=(-H "Authorization: Bearer $(token "$user")"); fi
  curl -sS --fail-with-body -X "$method" "${auth[@]}" "$GATEWAY$path" "$@"
}

# step "text" -> prints a numbered step heading
DEMO_STEP=0
step() {
  DEMO_STEP=$((DEMO_STEP + 1))
  printf '\n\033[1m[%d] %s\033[0m\n' "$DEMO_STEP" "$*"
}
