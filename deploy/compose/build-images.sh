#!/usr/bin/env bash
# The offline image path: every image the Compose stack runs, built on this machine with no image registry.
#   1. a Debian base image (debootstrap --variant=minbase from the machine's Debian mirror, `docker import`);
#   2. on it, from Debian packages: a JRE (openjdk-17-jre-headless + curl), MariaDB, Redis, InfluxDB 1.x;
#   3. Kafka from its Maven artifact, gathered on the host as the native launcher does (deploy/local/kafka/pom.xml);
#   4. the seven service images from the project's own Dockerfile with JARS=context and
#      RUNTIME_IMAGE=ticketing-local/jre:17: the jars are built on the host (mvn package), not inside an image.
# Every step is skipped or cached when its input did not change. Run it again after changing code.
#
#   deploy/compose/build-images.sh              # all images
#   SKIP_BUILD=1 deploy/compose/build-images.sh # the jars in */target as they are (no mvn package)
#   JARS_ROOT=/other/checkout ...               # take the jars from another checkout's */target
#
# Then: docker-compose -f deploy/docker-compose.yml -f deploy/compose/offline.yml up -d   (docs/compose.md)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$SECONDS
STAGE="${STAGE_DIR:-$ROOT/.run/compose-images}"
JARS_ROOT="${JARS_ROOT:-$ROOT}"
DEBIAN_SUITE=bookworm
BASE=ticketing-local/debian:$DEBIAN_SUITE
MODULES=(discovery:8761 gateway:8080 queue-service:8081 user-service:8082 concert-service:8083
  reservation-service:8084 payment-service:8085)

ensure_docker
mkdir -p "$STAGE"

# The machine's Debian mirror (deb822 sources or the classic list), else deb.debian.org.
debian_mirror() {
  local m
  m=$(grep -hs -m1 -E '^URIs:\s*http' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1)
  [ -n "$m" ] || m=$(grep -hs -E '^deb\s+http' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1)
  echo "${m:-http://deb.debian.org/debian}"
}

if image_exists "$BASE"; then
  log "$BASE exists"
else
  rootfs="$STAGE/rootfs-$DEBIAN_SUITE"
  as_root rm -rf "$rootfs"
  log "debootstrap $DEBIAN_SUITE (minbase) from $(debian_mirror)"
  as_root debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$(debian_mirror)" >"$STAGE/debootstrap.log" 2>&1 \
    || die "debootstrap failed (see $STAGE/debootstrap.log)"
  # apt inside image builds: the same mirror, no recommends, no docs.
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$(debian_mirror)" "$DEBIAN_SUITE" "$(debian_mirror)" "$DEBIAN_SUITE" \
    | as_root tee "$rootfs/etc/apt/sources.list" >/dev/null
  as_root rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  as_root tar -C "$rootfs" -c . | "$DOCKER" import -c 'ENV LANG=C.UTF-8' - "$BASE" >/dev/null
  as_root rm -rf "$rootfs"
  log "imported $BASE"
fi

build() { # build <tag> <context> [docker build args...]
  local tag=$1 ctx=$2; shift 2
  local t=$SECONDS
  "$DOCKER" build -q --build-arg DEBIAN_IMAGE="$BASE" -t "$tag" "$@" "$ctx" >/dev/null || die "building $tag failed"
  log "image $tag ($((SECONDS - t)) s)"
}

IMAGES="$COMPOSE_DIR/images"
build ticketing-local/jre:17 "$IMAGES/jre"
build ticketing-local/mariadb:$DEBIAN_SUITE "$IMAGES/mariadb"
build ticketing-local/redis:$DEBIAN_SUITE "$IMAGES/redis"
build ticketing-local/influxdb:$DEBIAN_SUITE "$IMAGES/influxdb"

# Kafka: the broker's jars from Maven Central, resolved on the host (the same pom as deploy/local/kafka.sh).
kctx="$STAGE/kafka"
if [ ! -f "$kctx/lib/.complete" ]; then
  log "gathering the Kafka broker's jars (mvn dependency:copy-dependencies)"
  rm -rf "$kctx/lib"; mkdir -p "$kctx/lib"
  (cd "$ROOT/deploy/local/kafka" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$kctx/lib" -DincludeScope=runtime) \
    || die "could not resolve the Kafka broker artifacts"
  touch "$kctx/lib/.complete"
fi
cp -f "$IMAGES/kafka/Dockerfile" "$IMAGES/kafka/"*.sh "$ROOT/deploy/local/kafka/log4j2.xml" "$kctx/"
build "ticketing-local/kafka:$KAFKA_IMAGE_VERSION" "$kctx" --build-arg JRE_IMAGE=ticketing-local/jre:17

# The services: jars built on the host, each image's build context holds only its jar.
if [ "${SKIP_BUILD:-0}" != 1 ] && [ "$JARS_ROOT" = "$ROOT" ]; then
  log "building the jars (mvn package -DskipTests)"
  (cd "$ROOT" && mvn -q -B package -DskipTests) || die "mvn package failed"
fi
for m in "${MODULES[@]}"; do
  name=${m%%:*} port=${m##*:}
  jar="$JARS_ROOT/$name/target/$name.jar"
  [ -f "$jar" ] || die "$jar is missing (mvn package)"
  mkdir -p "$STAGE/jars/$name"
  cp -f "$jar" "$STAGE/jars/$name/$name.jar"
  build "ticketing/$name:$TICKETING_VERSION" "$STAGE/jars/$name" -f "$ROOT/Dockerfile" \
    --build-arg JARS=context --build-arg MODULE="$name" --build-arg PORT="$port" --build-arg RUNTIME_IMAGE=ticketing-local/jre:17
done
log "all images built in $((SECONDS - T0)) s"
"$DOCKER" images --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E '^ticketing(-local)?/' | sort
