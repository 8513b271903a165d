# TrialGraph runtime image. It packages the jar that Maven already built; build that first:
#
#   ./mvnw -DskipTests package                 # -> target/trialgraph.jar
#   docker build -t trialgraph:local .         # or: docker compose build (see docker-compose.yml)
#
# The image runs the GraphQL service by default. With "import PATH..." as arguments it imports studies and exits:
#   docker run --rm -e NEO4J_URI=... -v /host/studies:/data:ro trialgraph:local import /data
#
# Configuration is environment only (see docs/DOCKER.md):
#   NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD  external Neo4j; without NEO4J_URI Neo4j runs embedded in /app/data
#   TRIALGRAPH_ADMIN_TOKEN                     operator token for mutations; unset = every mutation is refused
#   JAVA_TOOL_OPTIONS                          JVM options (heap size below)

FROM eclipse-temurin:17-jre

# curl only for the HEALTHCHECK below; nothing else is added to the base image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

# A fixed, unprivileged user (uid/gid 10001: clear of the base image's "ubuntu" user 1000). It owns only /app/data,
# where embedded Neo4j would keep its store if no NEO4J_URI is given; the jar itself stays root-owned, read-only.
RUN groupadd --system --gid 10001 trialgraph \
    && useradd --system --uid 10001 --gid trialgraph --home-dir /app --no-create-home --shell /usr/sbin/nologin trialgraph \
    && mkdir -p /app/data \
    && chown trialgraph:trialgraph /app/data

WORKDIR /app
COPY target/trialgraph.jar /app/trialgraph.jar

# The heap for the service with an external Neo4j; 1 GB is ample for queries and imports in batches of 500.
# Embedded mode also needs room for Neo4j's transaction memory (1 GB by default): raise -Xmx to 2g or more there.
# The --add-opens Neo4j needs come from the jar's manifest (Add-Opens), which "java -jar" applies.
ENV JAVA_TOOL_OPTIONS="-Xmx1g -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
EXPOSE 8080

# Ready = schema migrated and seeds loaded and Neo4j reachable (503 until then). The first start seeds an empty
# graph, hence the generous start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1

# Exec form: java is PID 1 and gets SIGTERM from "docker stop", so Spring and Neo4j shut down cleanly.
ENTRYPOINT ["java", "-jar", "/app/trialgraph.jar"]
