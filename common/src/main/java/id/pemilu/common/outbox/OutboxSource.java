package id.pemilu.common.outbox;

import java.util.List;

/**
 * Events a service keeps outside an {@code outbox} field that the relay would empty: documents written once, whose
 * events stay in them, with what was sent recorded elsewhere (e.g. small side documents). Rewriting a large document
 * only to remove its sent event cost the embedded store more than writing it (issue 22). The {@link OutboxRelay}
 * publishes what {@link #take} hands it on its own thread and reports back which events the broker confirmed.
 */
public interface OutboxSource {

    /**
     * Events waiting now: those the source was told about since the last call, and with {@code sweep}, also those a
     * crash left behind (a source may scan less often than it is asked to).
     */
    List<Held> take(boolean sweep);

    /** The broker confirmed every event of {@code sent}; {@code unsent} must be offered again later. */
    void published(List<Held> sent, List<Held> unsent);

    /** The events of one document version; {@code key} and {@code version} are the source's own. */
    record Held(String key, long version, List<OutboxMessage> messages) {
    }
}
