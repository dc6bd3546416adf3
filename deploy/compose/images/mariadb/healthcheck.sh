#!/bin/bash
# Stands in for the official image's healthcheck.sh (--connect --innodb_initialized): a query over the socket,
# as the health check's own account (its password in the data folder, made at initialisation), that needs InnoDB.
exec mariadb --defaults-extra-file=/var/lib/mysql/.my-healthcheck.cnf -e "SELECT 1 FROM information_schema.ENGINES WHERE ENGINE='InnoDB' AND SUPPORT IN ('YES','DEFAULT')" >/dev/null
