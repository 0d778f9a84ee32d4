# The application's image, from Spring Boot's layered jar: third-party dependencies, the loader, snapshot
# dependencies and the application (its classes and this build's own modules) each in a layer of their own, least
# changed first, so that a new build usually ships only the last layer. Build the jar first, then the image:
#
#   ./mvnw -B -DskipTests package
#   docker build -t erp-graph .
#
# .ci/image/run does what this file does, without a container engine: extracts the layers, runs the AOT cache's
# training, starts the application from the extracted layout as an unprivileged user and waits for its readiness probe.
#
# JDK 25 runs the application (its bytecode is Java 17's) for its AOT cache (JEP 483, 514, 515): a training run at
# build time (docker/aot-training) serves account-360 pages from the embedded sandbox ERPs and leaves app.aot, the
# classes loaded and linked and the request path's method profiles; a start with it is shorter (about 11 to 14 s to
# healthy on two loaded cores, against 20 to 46 s before) and its first page faster, though still well above a warmed
# server's (docs/benchmark.md, "Since issue 19"). The cache is only valid for the JVM, options and
# class path it was trained with: the training runs in this image, with its JAVA_TOOL_OPTIONS, from /application.

FROM eclipse-temurin:25-jre AS layers
WORKDIR /layers
COPY graph/target/graph-*.jar graph.jar
RUN java -Djarmode=tools -jar graph.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
# No root at run time: a fixed, unprivileged uid that owns nothing in the image.
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin erpgraph
WORKDIR /application
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The JVM's own options, read by every java process in the container: size the heap from the container's memory
# limit and stop (to be restarted) rather than limp on after an OutOfMemoryError. Override at `docker run -e`.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
COPY docker/aot-training /usr/local/bin/aot-training
RUN aot-training app.aot -jar graph.jar
USER 10001
EXPOSE 8080
# Probes (no credential needed, nothing but a status in the answer):
#   liveness  GET /actuator/health/liveness
#   readiness GET /actuator/health/readiness (the database too; an ERP that is down never makes it unready)
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "graph.jar"]
