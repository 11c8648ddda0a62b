package id.pemilu.recap.result;

import id.pemilu.common.outbox.OutboxMessage;
import id.pemilu.common.outbox.OutboxSource;
import id.pemilu.recap.translog.HeldLogSource;
import id.pemilu.recap.translog.PendingEntry;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands each saved result version's event to the outbox relay and its log entry to the log sequencer straight from
 * memory (no read of the result back), and marks them in {@link ResultMarks} once the broker confirmed the event or
 * the log holds the entry. What a crash left behind is found by a scan at start and every {@code recover-interval}.
 */
@Component
class ResultFollowers implements OutboxSource, HeldLogSource {

    private static final int BATCH = 500;

    private final MarkedFollower<OutboxMessage> events;
    private final MarkedFollower<PendingEntry> log;

    ResultFollowers(ResultMarks marks,
                    @Value("${pemilu.recap.recover-interval:5m}") Duration scanInterval) {
        this.events = new MarkedFollower<>(marks, ResultMarks.PUBLISHED, marks::eventsAfter, scanInterval);
        this.log = new MarkedFollower<>(marks, ResultMarks.LOGGED, marks::logEntriesAfter, scanInterval);
    }

    @EventListener
    void on(ResultChanged changed) {
        if (changed.event() != null) {
            events.offer(changed.resultId(), changed.resultVersion(), List.of(changed.event()));
        }
        if (changed.logEntry() != null) {
            log.offer(changed.resultId(), changed.resultVersion(), List.of(changed.logEntry()));
        }
    }

    @Override
    public List<OutboxSource.Held> take(boolean sweep) {
        return events.take(sweep, BATCH).stream()
                .map(i -> new OutboxSource.Held(i.resultId(), i.version(), i.items())).toList();
    }

    @Override
    public void published(List<OutboxSource.Held> sent, List<OutboxSource.Held> unsent) {
        events.done(sent.stream().map(h -> new MarkedFollower.Item<>(h.key(), h.version(), h.messages())).toList());
        events.again(unsent.stream().map(h -> new MarkedFollower.Item<>(h.key(), h.version(), h.messages()))
                .toList());
    }

    @Override
    public List<HeldLogSource.Held> takeLog(boolean sweep) {
        return log.take(sweep, BATCH).stream()
                .map(i -> new HeldLogSource.Held(i.resultId(), i.version(), i.items())).toList();
    }

    @Override
    public void logged(List<HeldLogSource.Held> done, List<HeldLogSource.Held> notDone) {
        log.done(done.stream().map(h -> new MarkedFollower.Item<>(h.key(), h.version(), h.entries())).toList());
        log.again(notDone.stream().map(h -> new MarkedFollower.Item<>(h.key(), h.version(), h.entries())).toList());
    }
}
