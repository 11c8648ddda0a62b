package id.pemilu.recap.session;

import id.pemilu.recap.dhasil.DHasil;
import id.pemilu.recap.dhasil.DHasilService;
import id.pemilu.recap.storage.DurableWrites;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The check on start that completes or undoes a finalization a crash interrupted (write order in
 * {@link DHasilService#issue}): a session that names a D.Hasil version its head does not yet announce gets the head
 * (step 3 redone); a D.Hasil of a session version that was never finalized (step 2 missing) is removed (once it is older
 * than a finalization takes), so the next finalization of that session issues it again. Runs before the web server takes requests; reads the sessions with a
 * projection (status and versions only).
 */
@Component
public class SessionRecovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionRecovery.class);
    /** A finalization in progress finishes well within this. */
    static final Duration SETTLED = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final DHasilService dhasil;
    private final DurableWrites durable;
    private volatile boolean running;

    SessionRecovery(MongoTemplate mongo, DHasilService dhasil, DurableWrites durable) {
        this.mongo = mongo;
        this.dhasil = dhasil;
        this.durable = durable;
    }

    /** What one check did. */
    public record Report(int sessions, int headsCompleted, int unannouncedRemoved) {
    }

    public Report recover() {
        Query query = new Query().cursorBatchSize(1_000); // read batch by batch, not all at once
        query.fields().include("ballotType", "regionCode", "status", "version", "finalizedVersion");
        int sessions = 0;
        int heads = 0;
        int removed = 0;
        try (var stream = mongo.stream(query, Document.class, RecapSession.COLLECTION)) {
            for (Document s : (Iterable<Document>) stream::iterator) {
                sessions++;
                String type = s.getString("ballotType");
                String region = s.getString("regionCode");
                int finalized = s.getInteger("finalizedVersion", 0);
                int version = s.getInteger("version", 1);
                int announced = dhasil.latestVersion(type, region);
                if (finalized > announced) {
                    DHasil d = dhasil.find(type, region, finalized).orElse(null);
                    if (d != null) {
                        dhasil.announce(type, region, finalized, d.getSha256());
                        heads++;
                        log.warn("D.Hasil {} {} versi {}: penetapan terputus sebelum diumumkan; kini diumumkan",
                                type, region, finalized);
                    }
                }
                boolean open = !SessionStatus.FINALIZED.name().equals(s.getString("status"));
                DHasil orphan = open && version > Math.max(finalized, announced)
                        ? dhasil.find(type, region, version).orElse(null) : null;
                // one younger than a finalization takes may belong to another replica finalizing right now
                if (orphan != null && orphan.getFinalizedAt().isBefore(Instant.now().minus(SETTLED))
                        && dhasil.discardUnannounced(type, region, version)) {
                    removed++;
                    log.warn("D.Hasil {} {} versi {}: penetapan terputus sebelum sesi dicatat; dokumen dihapus",
                            type, region, version);
                }
            }
        }
        if (heads + removed > 0) {
            durable.await();
        }
        return new Report(sessions, heads, removed);
    }

    @Override
    public void start() {
        recover();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // before the web server (which starts in a later phase) and the applier
    }
}
