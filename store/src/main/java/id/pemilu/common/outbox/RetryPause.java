package id.pemilu.common.outbox;

/**
 * The pause of a background worker after a failed round (broker down, store refusing writes): 1 s after the first
 * failure, doubling up to 30 s, back to 1 s after a round that went through. Not thread-safe: one worker thread.
 */
public final class RetryPause {

    static final long MIN_MILLIS = 1_000;
    static final long MAX_MILLIS = 30_000;

    private long pausedUntil;
    private long pause = MIN_MILLIS;

    /** Whether the worker should still wait at {@code now}. */
    public boolean waiting(long now) {
        return now < pausedUntil;
    }

    /** The pause the next failure starts, in milliseconds (for log lines). */
    public long millis() {
        return pause;
    }

    /** A round failed at {@code now}: wait the current pause, double the next one. */
    public void failed(long now) {
        pausedUntil = now + pause;
        pause = Math.min(pause * 2, MAX_MILLIS);
    }

    /** A round went through: the next failure waits the shortest pause again. */
    public void succeeded() {
        pause = MIN_MILLIS;
    }
}
