# No `# syntax=` line: it makes BuildKit pull its frontend image from a registry; the frontend built into
# Docker 20.10+ reads everything below (RUN --mount cache mounts included).
# One image recipe for every deployable module of the suite:
#   docker build --build-arg MODULE=concert-service --build-arg PORT=8083 -t ticketing/concert-service .
# deploy/docker-compose.yml builds each service from this file with its own MODULE/PORT.
#
# Where the jar comes from (JARS):
#   maven (default)  the build stage below: Maven + JDK 17 on the root aggregator pom, only the module and what it
#                    needs (-pl -am); the Maven repository is a BuildKit cache mount shared by all modules.
#   context          a jar built on the host: the build context holds <MODULE>.jar and nothing else. For machines
#                    where an image build cannot reach Maven Central (deploy/compose/build-images.sh does this).
# BuildKit builds only the stage selected, so JARS=context never pulls BUILD_IMAGE.
ARG JARS=maven
ARG BUILD_IMAGE=maven:3.9.9-eclipse-temurin-17
# Temurin's Ubuntu JRE images ship curl (used by the health check below). Offline: ticketing-local/jre:17
# (Debian's OpenJDK 17 JRE + curl, made by deploy/compose/build-images.sh).
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-noble

FROM ${BUILD_IMAGE} AS jar-maven
ARG MODULE
RUN test -n "${MODULE}" || { echo "--build-arg MODULE=<module> is required" >&2; exit 1; }
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.m2,id=ticketing-m2 \
    mvn -B -q -pl "${MODULE}" -am -Dmaven.test.skip=true package \
 && cp "${MODULE}/target/${MODULE}.jar" /build/app.jar

FROM ${RUNTIME_IMAGE} AS jar-context
ARG MODULE
RUN test -n "${MODULE}" || { echo "--build-arg MODULE=<module> is required" >&2; exit 1; }
COPY ${MODULE}.jar /build/app.jar

FROM jar-${JARS} AS build

FROM ${RUNTIME_IMAGE}
ARG MODULE
# The port the module listens on inside its container (SERVER_PORT; Compose may override it).
ARG PORT=8080
LABEL org.opencontainers.image.title="ticketing-${MODULE}" \
      org.opencontainers.image.description="Concert ticketing suite: ${MODULE}"
# Fail the build rather than ship an image whose health check cannot run.
RUN command -v curl >/dev/null 2>&1 || { apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; } \
 && command -v curl >/dev/null \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
ENV SERVER_PORT=${PORT} \
    JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
USER app:app
# Ready = the readiness group is UP (the process is started and its dependencies answer).
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=6 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
# exec: the JVM is PID 1 and gets SIGTERM directly (graceful shutdown, immediate Eureka deregistration).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "app"]
