package id.pemilu.recap.storage;

import id.pemilu.common.mongo.StoreDurability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes a write durable before the service says "done", also inside a request (the confirm answer) and in the
 * background applier. Uses common's {@link StoreDurability} (group commit of the embedded H2 file store); with a real
 * MongoDB ({@code MONGODB_URI}) there is none and this does nothing.
 */
@Component
public class DurableWrites {

    private final StoreDurability durability;

    DurableWrites(ObjectProvider<StoreDurability> durability) {
        this.durability = durability.getIfAvailable(() -> () -> { });
    }

    /** Returns once every write this thread finished before the call is on disk. */
    public void await() {
        durability.commit();
    }
}
