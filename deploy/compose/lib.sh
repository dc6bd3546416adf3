#!/usr/bin/env bash
# Shared functions of the Compose scripts (sourced by build-images.sh, system-test.sh).
# Docker on this kind of machine (../shared/STACK-NOTES.md): Debian's engine started without systemd, Debian's
# client /usr/bin/docker (the one that builds with BuildKit) and docker-compose 1.29.

COMPOSE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$COMPOSE_DIR/../.." && pwd)"
# /usr/bin first: docker-compose calls `docker` from PATH for builds, and only Debian's client has BuildKit here.
export PATH="/usr/bin:$PATH"
export DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1
DOCKER=/usr/bin/docker
# Images made here: ticketing-local/* (bases from Debian packages) and ticketing/<module>:$TICKETING_VERSION.
export TICKETING_VERSION="${TICKETING_VERSION:-dev}"
KAFKA_IMAGE_VERSION="${KAFKA_IMAGE_VERSION:-4.1.2}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs Debian's docker.io and docker-compose when missing, starts dockerd in the background when no engine
# answers, and waits for it (at most 60 s).
ensure_docker() {
  local missing=()
  [ -x /usr/bin/docker ] || missing+=(docker.io)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "could not install ${missing[*]}"
  fi
  if ! "$DOCKER" info >/dev/null 2>&1; then
    log "starting dockerd (log: /var/log/dockerd.log)"
    as_root bash -c 'nohup setsid dockerd >/var/log/dockerd.log 2>&1 </dev/null &'
    local i
    for i in $(seq 1 60); do "$DOCKER" info >/dev/null 2>&1 && break; sleep 1; done
    "$DOCKER" info >/dev/null 2>&1 || die "dockerd did not answer within 60 s (see /var/log/dockerd.log)"
  fi
}

image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
