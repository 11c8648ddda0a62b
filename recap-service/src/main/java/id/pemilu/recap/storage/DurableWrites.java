package id.pemilu.recap.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes a write durable before the service says "done". The embedded MongoDB's H2 file store writes changes to disk
 * about once a second, so a kill -9 could lose results the officer was already told were saved. Callers invoke
 * {@link #await()} after their write; writes of concurrent requests are committed together (group commit). With a real
 * MongoDB ({@code MONGODB_URI}) or the in-memory store this does nothing.
 */
@Component
public class DurableWrites {

    private static final Logger log = LoggerFactory.getLogger(DurableWrites.class);

    private final H2Backend backend;
    private final AtomicLong requested = new AtomicLong();
    private final Object lock = new Object();
    private long committed;

    DurableWrites(ObjectProvider<MongoServer> server) {
        this.backend = fileBackend(server.getIfAvailable());
        if (backend != null) {
            log.info("Embedded MongoDB file store: each acknowledged write is committed to disk first");
        }
    }

    /** Returns once every write this thread finished before the call is on disk. */
    public void await() {
        if (backend == null) {
            return;
        }
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

    private static H2Backend fileBackend(MongoServer server) {
        if (server == null) {
            return null;
        }
        try {
            Field field = MongoServer.class.getDeclaredField("backend");
            field.setAccessible(true);
            if (field.get(server) instanceof H2Backend h2 && !h2.isInMemory()) {
                return h2;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot reach the embedded MongoDB store to commit writes ({}); a kill -9 may lose the last "
                    + "second of writes", e.toString());
        }
        return null;
    }
}
