#!/usr/bin/env bash
# MariaDB container init (runs once, on an empty data volume): one schema per service and one DB user per
# service with grants on its own schema only, so no service can read another's tables (DESIGN.md §1).
# Passwords come from <SCHEMA>_DB_PASSWORD (deploy/.env), the same names as deploy/local/db-init.sh.
# The image's entrypoint normally SOURCES this file (mode 644) while its temporary server listens on the
# socket only; run as a program (mode 755) it uses the mariadb client over the socket instead.
# Written for both: a function with locals, no `set` options leaking into the entrypoint.

ticketing_create_schemas() {
  local schemas=(user_service concert_service reservation_service payment_service)
  local sql="" schema var pw pw_sql
  for schema in "${schemas[@]}"; do
    var="$(echo "$schema" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
    pw="${!var:-}"
    if [ -z "$pw" ]; then
      echo "01-schemas.sh: $var is not set (deploy/.env)" >&2
      return 1
    fi
    pw_sql=${pw//\\/\\\\}
    pw_sql=${pw_sql//\'/\'\'}
    sql+="CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"$'\n'
    # '%': services reach MariaDB over the Compose network from changing addresses (scaled replicas).
    sql+="CREATE USER IF NOT EXISTS '${schema}'@'%' IDENTIFIED BY '${pw_sql}';"$'\n'
    sql+="ALTER USER '${schema}'@'%' IDENTIFIED BY '${pw_sql}';"$'\n'
    sql+="GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${schema}'@'%';"$'\n'
  done
  sql+="FLUSH PRIVILEGES;"$'\n'

  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql --database=mysql <<<"$sql" || return 1
  else
    MYSQL_PWD="${MARIADB_ROOT_PASSWORD:?MARIADB_ROOT_PASSWORD is not set}" \
      mariadb --protocol=socket -uroot --database=mysql <<<"$sql" || return 1
  fi
  echo "01-schemas.sh: schemas and users ready: ${schemas[*]}"
}

ticketing_create_schemas || exit 1
unset -f ticketing_create_schemas
