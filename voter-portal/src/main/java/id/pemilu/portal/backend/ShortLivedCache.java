package id.pemilu.portal.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps each public read for a few seconds so a crowd looking at the same page costs the services one request.
 * At most {@code maxEntries} keys; when full, expired entries are dropped first, then everything.
 */
public final class ShortLivedCache {

    private record Entry(Object value, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    public ShortLivedCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.expires().isAfter(now)) {
            return (T) entry.value();
        }
        T value = load.get();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(value, now.plus(ttl)));
        return value;
    }

    public int size() {
        return entries.size();
    }
}
