package id.pemilu.recap.translog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which replica appends to the transparency log: a lease in the store ({@code translog_meta}, id {@code writer}:
 * holder, expiry, and an epoch raised at every change of holder). The holder renews it every third of its term; a
 * replica takes it over only once it expired, so a replica that died hands over within one term. The holder trusts
 * its lease only until a margin before the expiry it wrote, measured on its own monotonic clock from before the
 * renewal; the log itself does not depend on the lease for its integrity (an entry is an insert of its index, so two
 * writers at once cannot both store one index, see {@link TransparencyLog#append}).
 */
@Component
class LogLease {

    static final String ID = "writer";

    private final MongoTemplate mongo;
    private final String me = UUID.randomUUID().toString();
    private final long termMillis;
    /** Monotonic time until which this replica may append (0: not the holder). */
    private long trustedUntil;
    private long renewedAt = Long.MIN_VALUE;
    /** Monotonic time before which a replica that is not the holder does not ask again (a tenth of the term). */
    private long nextTry = Long.MIN_VALUE;

    LogLease(MongoTemplate mongo, @Value("${pemilu.recap.log.lease-term:10s}") Duration term) {
        this.mongo = mongo;
        this.termMillis = Math.max(300, term.toMillis());
    }

    /** Whether this replica holds the lease now; renews it, or takes it over when it expired. */
    synchronized boolean hold() {
        long tick = System.nanoTime() / 1_000_000;
        if (trustedUntil > tick && tick - renewedAt < termMillis / 3) {
            return true;
        }
        if (trustedUntil == 0 && tick < nextTry) {
            return false;
        }
        long now = System.currentTimeMillis();
        Update renewal = new Update().set("holder", me).set("until", now + termMillis);
        Query mine = new Query(where("_id").is(ID).and("holder").is(me));
        boolean held = mongo.updateFirst(mine, renewal, TransparencyLog.META).getMatchedCount() == 1;
        if (!held) {
            Query expired = new Query(new Criteria().andOperator(where("_id").is(ID), where("until").lt(now)));
            held = mongo.updateFirst(expired, renewal.inc("epoch", 1), TransparencyLog.META).getMatchedCount() == 1;
        }
        if (!held && mongo.findById(ID, Document.class, TransparencyLog.META) == null) {
            try {
                mongo.insert(new Document("_id", ID).append("holder", me).append("until", now + termMillis)
                        .append("epoch", 1L), TransparencyLog.META);
                held = true;
            } catch (DuplicateKeyException another) {
                held = false;
            }
        }
        // trusted for two thirds of the term from before the write: the rest covers clock drift between replicas
        trustedUntil = held ? tick + termMillis * 2 / 3 : 0;
        renewedAt = held ? tick : Long.MIN_VALUE;
        nextTry = held ? Long.MIN_VALUE : tick + termMillis / 10;
        return held;
    }

    /** Gives the lease up (on shutdown), so another replica takes over at once instead of after the term. */
    synchronized void release() {
        if (trustedUntil != 0) {
            mongo.updateFirst(new Query(where("_id").is(ID).and("holder").is(me)),
                    new Update().set("until", 0L), TransparencyLog.META);
            trustedUntil = 0;
            renewedAt = Long.MIN_VALUE;
            nextTry = System.nanoTime() / 1_000_000 + termMillis;
        }
    }

    String holderId() {
        return me;
    }
}
