package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded store's H2 file and its disk: the file must stay writable (not on a read-only filesystem, not
 * locked against writing) and the disk must keep {@code minFreeBytes} free. While it cannot write, the H2 store's own
 * background writer is paused (a failed write would close the store for good, H2's "panic") and changes wait in
 * memory; {@link #refusal()} tells requests to refuse new writes. When the disk is fine again the writer resumes and
 * writes what waited. Checked every {@code period} in the background and before every commit.
 */
final class DataDirSpace implements StoreSpace, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirSpace.class);
    static final String FULL = "Ruang penyimpanan server hampir penuh; data baru belum dapat disimpan. Data yang "
            + "sudah diterima aman. Coba lagi beberapa saat lagi.";
    static final String READ_ONLY = "Penyimpanan server sedang tidak dapat ditulisi; data baru belum dapat disimpan. "
            + "Data yang sudah diterima aman. Coba lagi beberapa saat lagi.";

    private final Path file;
    private final long minFreeBytes;
    private final H2Backend backend;
    private final int commitDelayMs;
    private final ScheduledExecutorService watcher;
    private volatile String refusal;

    DataDirSpace(Path file, long minFreeBytes, H2Backend backend, int commitDelayMs, long periodMs) {
        this.file = file;
        this.minFreeBytes = minFreeBytes;
        this.backend = backend;
        this.commitDelayMs = commitDelayMs;
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-space");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::check, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public String refusal() {
        return refusal;
    }

    /** Looks at the disk now (two cheap system calls) and pauses or resumes the store's writer on a change. */
    synchronized String check() {
        String now = inspect();
        if (now != null && refusal == null) {
            backend.getMvStore().setAutoCommitDelay(0);
            log.warn("Store {} cannot take writes ({}): writes refused until it can", file, now);
        } else if (now == null && refusal != null) {
            backend.getMvStore().setAutoCommitDelay(commitDelayMs);
            log.info("Store {} can take writes again", file);
        }
        refusal = now;
        return now;
    }

    private String inspect() {
        try {
            if (Files.getFileStore(file).getUsableSpace() < minFreeBytes) {
                return FULL;
            }
        } catch (IOException e) {
            return READ_ONLY;
        }
        return Files.isWritable(file) ? null : READ_ONLY;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
