package id.pemilu.common.mongo;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded store's H2 file and its disk: the file must stay writable (not on a read-only filesystem, not
 * locked against writing) and the disk must keep {@code minFreeBytes} free. While it cannot write, {@link #refusal()}
 * tells requests to refuse new writes and commits are refused; a write of H2's own already on its way waits for the
 * disk ({@link PatientFilePath}) and lands when it is fine again. Checked every {@code period} in the background and
 * before every commit; a check never waits for the store (it must answer while a write is stuck).
 */
final class DataDirSpace implements StoreSpace, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirSpace.class);
    static final String FULL = "Ruang penyimpanan server hampir penuh; data baru belum dapat disimpan. Data yang "
            + "sudah diterima aman. Coba lagi beberapa saat lagi.";
    static final String READ_ONLY = "Penyimpanan server sedang tidak dapat ditulisi; data baru belum dapat disimpan. "
            + "Data yang sudah diterima aman. Coba lagi beberapa saat lagi.";

    private final Path file;
    private final long minFreeBytes;
    private final ScheduledExecutorService watcher;
    private volatile String refusal;
    /**
     * The file's filesystem, found once: finding it reads the mount table ({@code /proc/self/mounts}), about 100 µs
     * of CPU on this machine, and the check runs before every commit, so once per write request. Its free space is
     * still asked of the live filesystem at every check (statvfs on the file's path), about 5 µs.
     */
    private volatile FileStore store;

    DataDirSpace(Path file, long minFreeBytes, long periodMs) {
        this.file = file;
        this.minFreeBytes = minFreeBytes;
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

    /** Looks at the disk now (two cheap system calls). */
    synchronized String check() {
        String now;
        try {
            now = inspect();
        } catch (RuntimeException e) {
            now = READ_ONLY;
        }
        if (now != null && refusal == null) {
            log.warn("Store {} cannot take writes ({}): writes refused until it can", file, now);
        } else if (now == null && refusal != null) {
            log.info("Store {} can take writes again", file);
        }
        refusal = now;
        return now;
    }

    private String inspect() {
        try {
            if (store().getUsableSpace() < minFreeBytes) {
                return FULL;
            }
        } catch (IOException e) {
            return READ_ONLY;
        }
        return Files.isWritable(file) ? null : READ_ONLY;
    }

    private FileStore store() throws IOException {
        FileStore found = store;
        if (found == null) {
            found = Files.getFileStore(file);
            store = found;
        }
        return found;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
