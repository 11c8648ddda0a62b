package id.pemilu.common.mongo;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir folder for the H2 file of the embedded MongoDB; blank keeps data in memory only
 * @param port    port the embedded server listens on (0 = any free port)
 * @param cacheMb memory the H2 file store may use to keep documents read or written (MB, default 64)
 * @param insertionOrdered collections whose documents the store keeps in the order they were inserted rather than in
 *                         id order (for large collections with random ids: an insert then adds to the end of the
 *                         store instead of rewriting a page in the middle); their unsorted queries return documents
 *                         in that order, as a real MongoDB's usually do
 */
@ConfigurationProperties("pemilu.mongo.embedded")
public record EmbeddedMongoProperties(String dataDir, Integer port, Integer cacheMb, Set<String> insertionOrdered) {

    public EmbeddedMongoProperties {
        port = port == null ? 0 : port;
        cacheMb = cacheMb == null ? 64 : cacheMb;
        insertionOrdered = insertionOrdered == null ? Set.of() : Set.copyOf(insertionOrdered);
    }
}
