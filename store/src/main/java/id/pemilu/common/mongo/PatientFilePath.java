package id.pemilu.common.mongo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * The embedded store's file as H2 sees it ({@code patient:/data/recap-service.mv}): a write or sync the disk refuses
 * (full, read-only, locked) is tried again at the same position until the disk takes it, instead of failing. H2
 * closes a store for good after one failed write (its "panic"), so without this a disk that is full for a minute would
 * stop the service until a restart; with it the store's writer waits, requests are refused meanwhile
 * ({@link DataDirSpace}), and the write lands when there is room again. Gives up after {@link #PATIENCE_MS} or when
 * the writing thread is interrupted (shutdown); then H2 fails as before.
 */
public final class PatientFilePath extends FilePathWrapper {

    static final String SCHEME = "patient";
    static final long PATIENCE_MS = 15 * 60_000L;
    private static final long PAUSE_MS = 200;

    static {
        FilePath.register(new PatientFilePath());
    }

    /** The file name H2 opens for {@code path}. */
    static String of(java.nio.file.Path path) {
        return SCHEME + ":" + path;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new PatientChannel(getBase().open(mode), getBase().toString());
    }

    /** Positional writes and syncs are repeated while the disk refuses them (both may be repeated safely). */
    static final class PatientChannel extends FileBase {

        private final FileChannel base;
        private final String name;

        PatientChannel(FileChannel base, String name) {
            this.base = base;
            this.name = name;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int start = src.position();
            long since = System.currentTimeMillis();
            while (true) {
                try {
                    return base.write(src, position);
                } catch (IOException refused) {
                    src.position(start);
                    waitOrGiveUp(since, refused);
                }
            }
        }

        @Override
        public void force(boolean metaData) throws IOException {
            long since = System.currentTimeMillis();
            while (true) {
                try {
                    base.force(metaData);
                    return;
                } catch (IOException refused) {
                    waitOrGiveUp(since, refused);
                }
            }
        }

        private void waitOrGiveUp(long since, IOException refused) throws IOException {
            if (!base.isOpen() || System.currentTimeMillis() - since > PATIENCE_MS) {
                throw refused;
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused;
            }
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }

        @Override
        public String toString() {
            return SCHEME + ":" + name;
        }
    }
}
