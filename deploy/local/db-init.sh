#!/usr/bin/env bash
# Creates each service's schema and its own DB user with grants on that schema only. Idempotent.
# Passwords: <SERVICE>_DB_PASSWORD env vars (e.g. USER_SERVICE_DB_PASSWORD); the dev defaults match the
# services' `local` profile. Runs as OS root over the unix socket (MariaDB's root has no TCP password here).
# Each user also owns `<schema>_test`, the schema its module tests take over (profile `test`), so the tests
# can run while a local stack is up on the real schemas.
set -euo pipefail

SCHEMAS=(user_service concert_service reservation_service payment_service)

sql=""
for schema in "${SCHEMAS[@]}"; do
  var="$(echo "$schema" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  pw="${!var:-${schema}_dev}"
  pw_sql=${pw//\'/\'\'}
  sql+="CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  sql+="CREATE DATABASE IF NOT EXISTS \`${schema}_test\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  for host in localhost 127.0.0.1 '%'; do
    sql+="CREATE USER IF NOT EXISTS '${schema}'@'${host}' IDENTIFIED BY '${pw_sql}';"
    sql+="ALTER USER '${schema}'@'${host}' IDENTIFIED BY '${pw_sql}';"
    sql+="GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${schema}'@'${host}';"
    sql+="GRANT ALL PRIVILEGES ON \`${schema}_test\`.* TO '${schema}'@'${host}';"
  done
done
sql+="FLUSH PRIVILEGES;"

if [ -n "${MARIADB_ROOT_PASSWORD:-}" ]; then
  mariadb -uroot -p"${MARIADB_ROOT_PASSWORD}" -h "${DB_HOST:-127.0.0.1}" -P "${DB_PORT:-3306}" -e "$sql"
else
  mariadb -uroot -e "$sql"
fi
echo "schemas and users ready: ${SCHEMAS[*]}"
