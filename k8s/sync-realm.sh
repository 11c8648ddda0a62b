#!/usr/bin/env bash
# Copies the realm into the overlays (kustomize reads no file outside an overlay's folder):
#   dev        keycloak/realm-pemilu.json as it is (with its dev users)
#   production the same realm without users and without client secrets (Keycloak makes new ones at import:
#              copy a confidential client's into its Secret, see k8s/README.md), HTTPS required, redirects only to
#              the public host
# Run it after every change of keycloak/realm-pemilu.json; k8s-check (./mvnw verify) fails while a copy differs.
#   k8s/sync-realm.sh [PUBLIC_HOST]     (default pemilu.example; k8s-check expects the default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
realm=$here/../keycloak/realm-pemilu.json
host=${1:-pemilu.example}
cp "$realm" "$here/overlays/dev/realm/realm-pemilu.json"
jq --arg host "$host" --indent 2 '
  del(.users)
  | .sslRequired = "all"
  | .clients |= map(del(.secret) | .redirectUris = ["https://\($host)/*"] | .webOrigins = ["https://\($host)"]
      | if (.attributes["post.logout.redirect.uris"] // "+") != "+"
        then .attributes["post.logout.redirect.uris"] = "https://\($host)/*" else . end)
' "$realm" > "$here/overlays/production/realm/realm-pemilu.json"
echo "realm copied to overlays/dev and overlays/production (users removed, host $host)"
