package id.pemilu.common.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir folder for the H2 file of the embedded MongoDB; blank keeps data in memory only
 * @param port    port the embedded server listens on (0 = any free port)
 * @param cacheMb memory the H2 file store may use to keep documents read or written (MB, default 64)
 */
@ConfigurationProperties("pemilu.mongo.embedded")
public record EmbeddedMongoProperties(String dataDir, Integer port, Integer cacheMb) {

    public EmbeddedMongoProperties {
        port = port == null ? 0 : port;
        cacheMb = cacheMb == null ? 64 : cacheMb;
    }
}
