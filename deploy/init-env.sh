#!/usr/bin/env bash
# Makes the Compose stack's secrets on first use, never overwriting what exists:
#   - deploy/.env from .env.example, every empty secret filled with a fresh random value;
#   - deploy/secrets/user-service/: user-service's access-token signing key (RSA 2048, PKCS#8 PEM) and its key id,
#     read by user-service as a config tree (SPRING_CONFIG_IMPORT=configtree:...), so the key never sits in an env var.
# Both are git-ignored. Rotating the signing key: move the old key's public part to
# ticketing.auth.signing-key.retired-public-keys (user-service/README.md), then delete the files and run this again.
set -euo pipefail
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ENV_FILE="$DEPLOY_DIR/.env"
KEY_DIR="$DEPLOY_DIR/secrets/user-service"
command -v openssl >/dev/null || { echo "openssl is needed (apt-get install -y openssl)" >&2; exit 1; }

random_secret() { openssl rand -base64 48 | tr -d '/+=\n' | cut -c1-40; }

if [ ! -f "$ENV_FILE" ]; then
  (umask 077; : >"$ENV_FILE")
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ ^([A-Z0-9_]*(PASSWORD|SECRET))=$ ]]; then
      printf '%s=%s\n' "${BASH_REMATCH[1]}" "$(random_secret)" >>"$ENV_FILE"
    else
      printf '%s\n' "$line" >>"$ENV_FILE"
    fi
  done <"$DEPLOY_DIR/.env.example"
  echo "wrote $ENV_FILE with fresh secrets"
else
  echo "$ENV_FILE exists: kept"
fi

key="$KEY_DIR/ticketing.auth.signing-key.private-key"
if [ ! -s "$key" ]; then
  mkdir -p "$KEY_DIR"; chmod 700 "$DEPLOY_DIR/secrets" "$KEY_DIR"
  (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null)
  (umask 077; printf 'compose-%s' "$(openssl pkey -in "$key" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-16)" \
    >"$KEY_DIR/ticketing.auth.signing-key.id")
  echo "made the access-token signing key in $KEY_DIR"
else
  echo "signing key in $KEY_DIR exists: kept"
fi
# Readable inside the container (it runs as a non-root user); the folder above stays private to this account.
chmod 644 "$KEY_DIR"/ticketing.auth.signing-key.* 2>/dev/null || true
chmod 755 "$KEY_DIR"
