package id.pemilu.recap.result;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The work a follower of TPS results (transparency log, event relay) has still to do: versions it was told about as
 * they were saved, and, on a sweep at most every {@code scanInterval}, the versions ahead of its mark in the store
 * (left by a crash, or by a replica that stopped). Whatever it finished is marked in one bulk write.
 */
final class MarkedFollower<T> {

    record Item<T>(String resultId, long version, List<T> items) {
    }

    private final Queue<Item<T>> queue = new ConcurrentLinkedQueue<>();
    private final ResultMarks marks;
    private final String field;
    private final Function<ResultMarks.Behind, List<T>> load;
    private final long scanIntervalNanos;
    private volatile long nextScan;
    private volatile boolean scanned;

    MarkedFollower(ResultMarks marks, String field, Function<ResultMarks.Behind, List<T>> load,
                   Duration scanInterval) {
        this.marks = marks;
        this.field = field;
        this.load = load;
        this.scanIntervalNanos = scanInterval.toNanos();
    }

    void offer(String resultId, long version, List<T> items) {
        queue.add(new Item<>(resultId, version, items));
    }

    List<Item<T>> take(boolean sweep, int limit) {
        if (sweep && (!scanned || (scanIntervalNanos > 0 && System.nanoTime() - nextScan > 0))) {
            scanned = true;
            nextScan = System.nanoTime() + scanIntervalNanos;
            for (ResultMarks.Behind behind : marks.behind(field)) {
                queue.add(new Item<>(behind.resultId(), behind.resultVersion(), load.apply(behind)));
            }
        }
        List<Item<T>> out = new ArrayList<>();
        Item<T> item;
        while (out.size() < limit && (item = queue.poll()) != null) {
            out.add(item);
        }
        return out;
    }

    void done(List<Item<T>> done) {
        Map<String, Long> versions = new HashMap<>();
        for (Item<T> item : done) {
            versions.merge(item.resultId(), item.version(), Math::max);
        }
        marks.mark(field, versions);
    }

    void again(List<Item<T>> notDone) {
        queue.addAll(notDone);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
