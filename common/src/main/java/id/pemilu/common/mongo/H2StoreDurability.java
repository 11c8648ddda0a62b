package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits the embedded store's H2 file on demand. Callers that arrive while a commit runs share the next one (group
 * commit), so many concurrent requests cost few disk syncs.
 */
final class H2StoreDurability implements StoreDurability {

    private final H2Backend backend;
    private final AtomicLong requested = new AtomicLong();
    private final Object lock = new Object();
    private long committed;

    H2StoreDurability(H2Backend backend) {
        this.backend = backend;
    }

    @Override
    public void commit() {
        long ticket = requested.incrementAndGet();
        synchronized (lock) {
            if (committed >= ticket) {
                return;
            }
            long upTo = requested.get();
            backend.commit();
            committed = upTo;
        }
    }
}
