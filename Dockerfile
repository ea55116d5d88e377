# One image per service: docker build --build-arg MODULE=douyin-provider-user -t douyin-user .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests package -pl douyin-gateway,douyin-provider-user,douyin-provider-video,douyin-provider-favorite,douyin-provider-comment,douyin-provider-relation,douyin-provider-message -am

FROM eclipse-temurin:17-jre
# Fonts for the video provider's watermarks (Java2D draws the text).
RUN apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
ARG MODULE
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
