package id.pemilu.common.mongo;

import java.time.Duration;
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
 * @param commitBufferMb   changes the H2 file store holds in memory before it writes them on its own (MB of H2's
 *                         memory estimate; default: H2's own, about 19). Writes answered over HTTP are committed
 *                         before the answer whatever this says; a larger buffer lets a bulk import write each page of
 *                         a large index once for many inserts instead of once for a few
 * @param commitDelay      longest time a change waits before the store writes it on its own (default 1 s)
 * @param minFreeMb        free space the data folder's disk must keep (MB, default 64): below it the service refuses
 *                         writes (503) before the disk is full, so that the store never fails in the middle of one
 */
@ConfigurationProperties("pemilu.mongo.embedded")
public record EmbeddedMongoProperties(String dataDir, Integer port, Integer cacheMb, Set<String> insertionOrdered,
                                      Integer commitBufferMb, Duration commitDelay, Integer minFreeMb) {

    public EmbeddedMongoProperties {
        port = port == null ? 0 : port;
        cacheMb = cacheMb == null ? 64 : cacheMb;
        insertionOrdered = insertionOrdered == null ? Set.of() : Set.copyOf(insertionOrdered);
        if (commitBufferMb != null && (commitBufferMb < 1 || commitBufferMb > 1024)) {
            throw new IllegalArgumentException("pemilu.mongo.embedded.commit-buffer-mb must be 1..1024 MB");
        }
        minFreeMb = minFreeMb == null ? 64 : minFreeMb;
        commitDelay = commitDelay == null ? FastIndexH2Backend.DEFAULT_COMMIT_DELAY : commitDelay;
        if (commitDelay.isNegative() || commitDelay.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("pemilu.mongo.embedded.commit-delay must be 0..60 s");
        }
    }
}
