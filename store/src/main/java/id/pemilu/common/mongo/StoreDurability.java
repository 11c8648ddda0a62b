package id.pemilu.common.mongo;

/**
 * Makes finished writes durable before the service reports them done (an HTTP answer, a message acknowledgement).
 * A real MongoDB acknowledges a write once it holds it; the embedded store's H2 file writes about once a second, so
 * for it {@link #commit()} forces what is written so far to disk.
 */
public interface StoreDurability {

    /** Returns once every write finished before the call is on disk. */
    void commit();

    /**
     * Whether this thread's own commit came after every store write it sent since {@link #forgetThisThread}: then a
     * commit now adds nothing for this thread's writes. Writes this thread waited for on other threads are not
     * counted; whoever makes them commits them. False when not known.
     */
    default boolean coversThisThread() {
        return false;
    }

    /** Forgets this thread's last commit, at the start of a request. */
    default void forgetThisThread() {
    }
}
