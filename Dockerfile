# One image per DBay part, chosen by build argument:
#   docker build --build-arg MODULE=listing-service -t dbay/listing-service .
# docker-compose.yml builds every part this way. (Not exercised on the machines this project is
# developed on, which have no Docker engine; ./dbay up is the tested way to run DBay.)

FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package \
 && java -Djarmode=tools -jar "$(ls ${MODULE}/target/*-0.1.0-SNAPSHOT.jar | head -1)" extract --destination /app \
 && mv /app/*.jar /app/app.jar

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /app /app
# Same small-JVM defaults as ./dbay up; override with JAVA_OPTS.
ENV JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -XX:+UseCompactObjectHeaders"
USER 10001
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "--"]
