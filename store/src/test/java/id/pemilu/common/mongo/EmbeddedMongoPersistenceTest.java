package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** With a data folder, what a service wrote is still there after the service restarts. */
class EmbeddedMongoPersistenceTest {

    @SpringBootApplication
    static class App {
    }

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOfTheService() {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(MongoTemplate.class).insert(new Document("_id", "31.71.01.1001.001").append("dpt", 287), "tps");
        }
        assertThat(Files.exists(dataDir.resolve("persist-test.mv"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            Document tps = second.getBean(MongoTemplate.class).findById("31.71.01.1001.001", Document.class, "tps");
            assertThat(tps).isNotNull();
            assertThat(tps.getInteger("dpt")).isEqualTo(287);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=persist-test", "pemilu.mongo.embedded.data-dir=" + dataDir,
                        "spring.rabbitmq.listener.simple.auto-startup=false",
                        "spring.autoconfigure.exclude=org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
                .run();
    }
}
