package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.web.ProblemAdvice;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Commits the embedded store's H2 file on demand. Callers that arrive while a commit runs share the next one (group
 * commit), so many concurrent requests cost few disk syncs. While the disk cannot take writes ({@link DataDirSpace})
 * it refuses instead of writing: the caller answers 503 and never "saved" for a write that is not on disk.
 * <p>
 * The commit itself runs on the store's own committer thread and the caller waits for it. A disk that fails in the
 * middle of a commit holds that commit until it is back ({@link PatientFilePath}); its caller is then refused as soon
 * as the disk check sees the fault, instead of waiting with it (the write lands once the disk is back, and the
 * client's retry with the same Idempotency-Key finds it).
 */
final class H2StoreDurability implements StoreDurability, AutoCloseable {

    static final int RETRY_AFTER_SECONDS = 30;
    private static final long CHECK_EVERY_MS = 200;

    private final H2Backend backend;
    private final Supplier<String> space;
    private final AtomicLong requested = new AtomicLong();
    private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-committer");
        t.setDaemon(true);
        return t;
    });
    private volatile long committed;

    H2StoreDurability(H2Backend backend, DataDirSpace space) {
        this(backend, space::check);
    }

    /** @param space looks at the disk now: null while it can take writes, otherwise why not (Bahasa Indonesia) */
    H2StoreDurability(H2Backend backend, Supplier<String> space) {
        this.backend = backend;
        this.space = space;
    }

    @Override
    public void commit() {
        // before waiting for another commit: that one may be stuck on a disk that just failed
        refuseIfUnwritable();
        long sent = ThreadWrites.sent();
        long ticket = requested.incrementAndGet();
        Future<?> done;
        try {
            done = committer.submit(() -> commitUpTo(ticket));
        } catch (RejectedExecutionException stopping) {
            throw unavailable("Layanan sedang berhenti; coba lagi beberapa saat lagi.");
        }
        while (true) {
            try {
                done.get(CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
                ThreadWrites.committed(sent);
                return;
            } catch (TimeoutException stillWriting) {
                refuseIfUnwritable();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("Penyimpanan belum selesai menulis; coba lagi beberapa saat lagi.");
            }
        }
    }

    @Override
    public boolean coversThisThread() {
        return ThreadWrites.covered();
    }

    @Override
    public void forgetThisThread() {
        ThreadWrites.forgetCommit();
    }

    /** On the committer thread: one disk write covers every ticket requested before it starts. */
    private void commitUpTo(long ticket) {
        if (committed >= ticket) {
            return;
        }
        long upTo = requested.get();
        refuseIfUnwritable();
        backend.commit();
        committed = upTo;
    }

    private void refuseIfUnwritable() {
        String refusal = space.get();
        if (refusal != null) {
            throw unavailable(refusal);
        }
    }

    static DomainException unavailable(String reason) {
        return new DomainException(DomainException.Kind.UNAVAILABLE, "Penyimpanan tidak tersedia", reason,
                Map.of(ProblemAdvice.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }

    /**
     * Stops taking commits. A commit under way is not interrupted: an interrupted write closes H2's file channel. Its
     * thread is a daemon, so a commit held by a failed disk does not keep the process alive.
     */
    @Override
    public void close() {
        committer.shutdown();
    }
}
