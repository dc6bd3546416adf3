#!/bin/bash
# First start (no system tables): install the data folder, set the root password, run the init scripts while the
# server listens on its socket only, stop it. Every start: mariadbd in the foreground on all interfaces.
set -euo pipefail
DATA=/var/lib/mysql
chown -R mysql:mysql "$DATA" /run/mysqld
if [ ! -d "$DATA/mysql" ]; then
  : "${MARIADB_ROOT_PASSWORD:?MARIADB_ROOT_PASSWORD is required}"
  echo "entrypoint: initialising $DATA"
  mariadb-install-db --user=mysql --datadir="$DATA" --skip-test-db >/dev/null
  mariadbd --user=mysql --datadir="$DATA" --skip-networking --socket=/run/mysqld/mysqld.sock "$@" &
  pid=$!
  for _ in $(seq 1 60); do mariadb --protocol=socket -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
  pw=${MARIADB_ROOT_PASSWORD//\'/\'\'}
  hc_pw=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077; printf '[client]\nuser=healthcheck\npassword=%s\nprotocol=socket\n' "$hc_pw" >"$DATA/.my-healthcheck.cnf")
  mariadb --protocol=socket -uroot <<SQL
CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED BY '$pw';
-- The health check's own account (as in the official image): it can connect and nothing else.
CREATE USER IF NOT EXISTS 'healthcheck'@'localhost' IDENTIFIED BY '$hc_pw';
FLUSH PRIVILEGES;
SQL
  for f in /docker-entrypoint-initdb.d/*; do
    [ -e "$f" ] || continue
    case $f in
      *.sh) echo "entrypoint: running $f"; bash "$f" ;;
      *.sql) echo "entrypoint: running $f"; MYSQL_PWD="$MARIADB_ROOT_PASSWORD" mariadb --protocol=socket -uroot <"$f" ;;
    esac
  done
  kill "$pid"; wait "$pid" || true
  echo "entrypoint: initialised"
fi
exec mariadbd --user=mysql --datadir="$DATA" --bind-address=0.0.0.0 --port=3306 "$@"
