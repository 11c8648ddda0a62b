package id.pemilu.common.mongo;

/**
 * Makes finished writes durable before the service reports them done (an HTTP answer, a message acknowledgement).
 * A real MongoDB acknowledges a write once it holds it; the embedded store's H2 file writes about once a second, so
 * for it {@link #commit()} forces what is written so far to disk.
 */
public interface StoreDurability {

    /** Returns once every write finished before the call is on disk. */
    void commit();
}
