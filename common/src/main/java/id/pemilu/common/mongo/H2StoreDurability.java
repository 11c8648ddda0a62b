package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.web.ProblemAdvice;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits the embedded store's H2 file on demand. Callers that arrive while a commit runs share the next one (group
 * commit), so many concurrent requests cost few disk syncs. While the disk cannot take writes ({@link DataDirSpace})
 * it refuses instead of writing: the caller answers 503 and never "saved" for a write that is not on disk.
 */
final class H2StoreDurability implements StoreDurability {

    static final int RETRY_AFTER_SECONDS = 30;

    private final H2Backend backend;
    private final DataDirSpace space;
    private final AtomicLong requested = new AtomicLong();
    private final Object lock = new Object();
    private long committed;

    H2StoreDurability(H2Backend backend, DataDirSpace space) {
        this.backend = backend;
        this.space = space;
    }

    @Override
    public void commit() {
        // before waiting for another commit: that one may be stuck on a disk that just failed
        String before = space.check();
        if (before != null) {
            throw unavailable(before);
        }
        long ticket = requested.incrementAndGet();
        synchronized (lock) {
            if (committed >= ticket) {
                return;
            }
            long upTo = requested.get();
            String refusal = space.check();
            if (refusal != null) {
                throw unavailable(refusal);
            }
            backend.commit();
            committed = upTo;
        }
    }

    static DomainException unavailable(String reason) {
        return new DomainException(DomainException.Kind.UNAVAILABLE, "Penyimpanan tidak tersedia", reason,
                Map.of(ProblemAdvice.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
}
