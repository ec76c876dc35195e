# syntax=docker/dockerfile:1
# One image per DBay part, chosen by build argument (the module folder):
#   docker build --build-arg MODULE=listing-service --build-arg PORT=8001 -t dbay/listing-service .
# docker-compose.yml builds every part this way; infra/ (CDK) builds the nine services from it for ECS.
# Parts: the nine services, lambdas/local-runtime (port 8020), devstack/dogecoin-devnode (22555).

# The web app, built once and copied into every image (the gateway serves it from /app/spa).
FROM node:22-bookworm-slim AS spa
WORKDIR /spa
COPY frontend/ ./
RUN if [ -f package.json ]; then npm ci --no-audit --no-fund && npm run build; else mkdir -p dist; fi

FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# The part's runnable jar (a module that keeps a library jar attaches the runnable one as -exec),
# extracted the way ./dbay runs it (a plain java -jar of the extracted jar starts fastest).
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "build with --build-arg MODULE=<module folder>"; exit 1; }; \
    ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package \
 && jar=$(ls "${MODULE}"/target/*-0.1.0-SNAPSHOT-exec.jar "${MODULE}"/target/*-0.1.0-SNAPSHOT.jar 2>/dev/null \
          | grep -v -e '/original-' -e '-lambda.jar$' | head -1) \
 && java -Djarmode=tools -jar "$jar" extract --destination /app \
 && mv /app/"$(basename "$jar")" /app/app.jar

FROM eclipse-temurin:25-jre
ARG MODULE
ARG PORT=8000
# curl for the health check; nothing else is added to the JRE image.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin dbay \
 && mkdir -p /data && chown dbay /data
WORKDIR /app
COPY --from=build /app /app
COPY --from=spa /spa/dist /app/spa
ENV DBAY_PART=${MODULE} \
    PORT=${PORT} \
    DBAY_SPA_DIR=/app/spa \
    JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=256m -Dspring.jmx.enabled=false -XX:+UseCompactObjectHeaders" \
    JAVA_HEAP="-Xms32m -Xmx256m"
# JAVA_OPTS are ./dbay's flags for every part (DEFAULT_JVM_OPTS); JAVA_HEAP is ./dbay's per-part heap.
# Containers with more memory set JAVA_HEAP=-XX:MaxRAMPercentage=70 (the CDK stack does).
USER 10001
EXPOSE ${PORT}
# Spring Boot parts answer /actuator/health/liveness; the dev chain answers JSON-RPC (compose checks it its own way).
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/liveness" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $JAVA_HEAP -jar /app/app.jar \"$@\"", "--"]
