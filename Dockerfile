# One image per service: docker build --build-arg MODULE=recap-service -t pemilu/recap-service:0.1.0 .
# Needs the jar built first (./mvnw -DskipTests package).
FROM eclipse-temurin:25-jre
ARG MODULE
RUN if [ "$MODULE" = "ocr-c1-reader" ]; then apt-get update && apt-get install -y --no-install-recommends \
      libtesseract5 tesseract-ocr-eng tesseract-ocr-ind && rm -rf /var/lib/apt/lists/*; fi \
 && groupadd -g 10001 pemilu && useradd -u 10001 -g pemilu -M -s /usr/sbin/nologin pemilu
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar /app/app.jar
USER 10001:10001
ENV OMP_THREAD_LIMIT=1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
