#!/bin/bash
# Stands in for the official image's healthcheck.sh (--connect --innodb_initialized): a query over the socket,
# as the health check's own account, that needs InnoDB.
exec mariadb --protocol=socket -uhealthcheck -e "SELECT 1 FROM information_schema.ENGINES WHERE ENGINE='InnoDB' AND SUPPORT IN ('YES','DEFAULT')" >/dev/null
