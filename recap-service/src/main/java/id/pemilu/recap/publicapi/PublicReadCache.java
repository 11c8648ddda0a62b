package id.pemilu.recap.publicapi;

import id.pemilu.recap.recap.RecapApplier;
import id.pemilu.recap.result.ResultChanged;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serialized JSON of public reads (totals, progress, region tree, TPS page) with its ETag, kept in memory so that
 * a crowd reading the same page costs one store read and one serialization, not one per request.
 * <p>
 * An answer is reused only while nothing it shows can have changed in this replica: region answers while the
 * applier has applied nothing since ({@link RecapApplier#appliedResults()}), a TPS page while no write named that TPS
 * (a {@link ResultChanged} event, or a write request with the TPS code in its path: {@link PublicCacheInvalidation}),
 * and either kind while no other write happened (registry import, sessions, recommendations, rebuild). So a reader
 * of this replica sees a change as soon as it is stored, exactly as without the cache. What another replica changes
 * is seen after at most {@code ttl} (default 1 s). The stamps are read before the answer is computed: a change during
 * the computation leaves the answer stale-stamped and it is computed again on the next read. Concurrent readers of an
 * expired answer wait for one computation instead of each doing it.
 */
@Component
class PublicReadCache {

    /** An answer as sent: the JSON bytes and a strong ETag (quoted hash of the bytes). */
    record Body(byte[] json, String etag) {
    }

    /** {@code a} and {@code b}: the two counters the answer was computed under. */
    private record Slot(long a, long b, long filledAt, FutureTask<Body> body) {
    }

    private static final int STRIPES = 1024;

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    /** Writes per TPS, spread over stripes (a write to one TPS makes the pages of ~1/1024 of all TPS recomputed). */
    private final AtomicLongArray tpsWrites = new AtomicLongArray(STRIPES);
    /** Writes that name no TPS: every answer is recomputed. */
    private final AtomicLong otherWrites = new AtomicLong();
    /** Bytes computed since the cache was last emptied. */
    private final AtomicLong bytes = new AtomicLong();
    private final RecapApplier applier;
    private final JsonMapper json;
    private final long ttlNanos;
    private final long maxBytes;

    PublicReadCache(RecapApplier applier, JsonMapper json,
                    @Value("${pemilu.recap.public-cache.ttl:1s}") Duration ttl,
                    @Value("${pemilu.recap.public-cache.max-mb:32}") long maxMb) {
        this.applier = applier;
        this.json = json;
        this.ttlNanos = ttl.toNanos();
        this.maxBytes = maxMb * 1024 * 1024;
    }

    /** An answer that depends on region totals and the registry. */
    Body region(String key, Supplier<?> view) {
        return get("r|" + key, applier.appliedResults(), otherWrites.get(), view);
    }

    /** A TPS's public page. */
    Body tps(String tpsCode, Supplier<?> view) {
        return get("t|" + tpsCode, otherWrites.get(), tpsWrites.get(stripe(tpsCode)), view);
    }

    /** A write named this TPS (its result, reports, photos): its page is computed again. */
    void tpsWritten(String tpsCode) {
        tpsWrites.incrementAndGet(stripe(tpsCode));
    }

    /** A write that names no TPS: every answer is computed again. */
    void otherWrite() {
        otherWrites.incrementAndGet();
    }

    @EventListener
    void on(ResultChanged changed) {
        tpsWritten(changed.tpsCode());
    }

    private Body get(String key, long a, long b, Supplier<?> view) {
        long now = System.nanoTime();
        Slot mine = new Slot(a, b, now, new FutureTask<>(() -> serialize(view.get())));
        Slot chosen = ttlNanos <= 0 ? mine : slots.compute(key, (k, old) -> old != null && old.a() == a
                && old.b() == b && now - old.filledAt() < ttlNanos ? old : mine);
        if (chosen == mine) {
            mine.body().run();
        }
        try {
            Body body = chosen.body().get();
            if (chosen == mine && ttlNanos > 0 && bytes.addAndGet(body.json().length) > maxBytes) {
                // crude bound on memory: after max-mb of answers computed, start over (hot answers refill at once)
                slots.clear();
                bytes.set(0);
            }
            return body;
        } catch (ExecutionException failed) {
            slots.remove(key, chosen);
            if (failed.getCause() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Body serialize(Object view) throws NoSuchAlgorithmException {
        byte[] bytes = json.writeValueAsBytes(view);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
        return new Body(bytes, "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"");
    }

    private static int stripe(String tpsCode) {
        return Math.floorMod(tpsCode.hashCode(), STRIPES);
    }
}
