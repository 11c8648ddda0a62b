package id.pemilu.common.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * When no {@code MONGODB_URI} is given, starts an in-process MongoDB-compatible server (mongo-java-server) that the
 * real MongoDB driver talks to over the wire protocol. With {@code PEMILU_DATA_DIR} set, data lives in an H2 file and
 * survives restarts; otherwise it is kept in memory.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@Conditional(NoMongoUriCondition.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    static {
        NettyBufferChecks.offUnlessSet();
    }

    /** The store itself; closed by the server's shutdown. */
    @Bean(destroyMethod = "")
    H2Backend embeddedMongoBackend(EmbeddedMongoProperties properties, Environment environment) {
        if (StringUtils.hasText(properties.dataDir())) {
            Path file = storeFile(properties, environment);
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create data folder " + file.getParent(), e);
            }
            log.info("Embedded MongoDB keeps data in {}", file);
            return FastIndexH2Backend.inFileStore(file, properties.cacheMb(), properties.insertionOrdered(),
                    properties.commitBufferMb(), properties.commitDelay());
        }
        log.warn("Embedded MongoDB keeps data in memory only; set PEMILU_DATA_DIR to keep it across restarts");
        return FastIndexH2Backend.inMemoryStore(properties.insertionOrdered());
    }

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(H2Backend embeddedMongoBackend, EmbeddedMongoProperties properties) {
        MongoBackend versioned = embeddedMongoBackend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(versioned);
        server.bind("127.0.0.1", properties.port());
        return server;
    }

    /** Whether the H2 file and its disk can take writes (full or read-only disk: writes refused, reads go on). */
    @Bean
    StoreSpace embeddedStoreSpace(H2Backend embeddedMongoBackend, EmbeddedMongoProperties properties,
                                  Environment environment) {
        if (embeddedMongoBackend.isInMemory()) {
            return StoreSpace.ALWAYS;
        }
        return new DataDirSpace(storeFile(properties, environment), properties.minFreeMb() * 1024L * 1024L, 200);
    }

    /** Acknowledged writes reach the H2 file before the answer (kill -9 loses nothing that was acknowledged). */
    @Bean
    StoreDurability embeddedStoreDurability(H2Backend embeddedMongoBackend, StoreSpace embeddedStoreSpace) {
        return embeddedStoreSpace instanceof DataDirSpace space ? new H2StoreDurability(embeddedMongoBackend, space)
                : () -> { };
    }

    private static Path storeFile(EmbeddedMongoProperties properties, Environment environment) {
        String name = environment.getProperty("spring.application.name", "pemilu");
        return Path.of(properties.dataDir()).toAbsolutePath().resolve(name + ".mv");
    }

    /** Which writes each thread sent, so a request's answer skips a commit its handler already made. */
    @Bean
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer embeddedStoreThreadWrites() {
        return settings -> settings.applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(new ThreadWrites()));
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer, Environment environment) {
        String database = environment.getProperty("spring.mongodb.database",
                environment.getProperty("spring.application.name", "pemilu").replace('-', '_'));
        var address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> uri;
    }
}
