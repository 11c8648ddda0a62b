package id.pemilu.recap.recap;

import id.pemilu.common.wilayah.RegionCode;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.recap.RecapProperties;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.result.ResultChanged;
import id.pemilu.recap.result.ResultService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The incremental tiered recap. Changed TPS results are applied in batches by one thread per replica: each desa
 * total takes the new result versions (an older or equal version is ignored), then every kecamatan, kab/kota,
 * provinsi and the national total touched is recomputed from its children. Only then is the result's version marked
 * applied (in {@link #MARKS}). Every total is written with a compare-and-set on its {@code revision}, so the appliers
 * of several replicas on one database may touch the same regions: a writer that lost the race reads again.
 * A crash at any point leaves the result unmarked; at startup every unmarked result is applied again, which is
 * harmless because each step is idempotent. So the totals equal the sum of their counted TPS, also after kill -9.
 */
@Component
public class RecapApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecapApplier.class);
    static final String COLLECTION = "region_totals";
    private static final int BATCH = 2_000;
    /** A round that applied this many results or more is followed by the longer (busy) wait. */
    static final int BUSY_ROUND = 100;
    /** Which version of each result the totals hold: {@code {_id: resultId, appliedVersion}}. */
    public static final String MARKS = "applied_results";
    static final String APPLIED_VERSION = "appliedVersion";
    static final int STREAM_BATCH = 1_000;
    /** A batch that takes longer is logged with where its time went. */
    private static final long SLOW_BATCH_NANOS = 1_000_000_000L;

    private final MongoTemplate mongo;
    private final ResultService results;
    private final TpsRegistry registry;
    private final RecapProperties properties;
    private final ObjectProvider<OutboxRelay> relay;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** The numbers of pending results as saved (results found by recover() are read from the store instead). */
    private final Map<String, ResultChanged> snapshots = new ConcurrentHashMap<>();
    /**
     * How often every replica looks for results no applier has added yet (those of a replica that died before it
     * applied them); zero: only at start.
     */
    private final java.time.Duration recoverInterval;
    private volatile long nextRecover;
    private volatile ScheduledExecutorService executor;
    private volatile long appliedResults;
    /** Batches (a desa step or a tier) whose one-go write lost a race and were written one region at a time. */
    private final java.util.concurrent.atomic.AtomicLong racesLost = new java.util.concurrent.atomic.AtomicLong();
    /** Tests only: runs between a batch's reads and its write (another replica's write lands there). */
    volatile Runnable beforeBatchWrite;
    /** The periodic recovery's open scan (applier thread only); null between passes. */
    private java.util.stream.Stream<Document> recoveryScan;
    private Iterator<Document> recoveryCursor;
    private int recoveryQueued;
    private int recoveryScanned;
    private long recoveryStarted;

    RecapApplier(MongoTemplate mongo, ResultService results, TpsRegistry registry, RecapProperties properties,
                 ObjectProvider<OutboxRelay> relay,
                 @org.springframework.beans.factory.annotation.Value("${pemilu.recap.recover-interval:5m}")
                 java.time.Duration recoverInterval) {
        this.recoverInterval = recoverInterval;
        this.mongo = mongo;
        this.results = results;
        this.registry = registry;
        this.properties = properties;
        this.relay = relay;
    }

    @EventListener
    void on(ResultChanged changed) {
        // the listener runs inside the writer's per-TPS lock, so the newest version is put last
        snapshots.put(changed.resultId(), changed);
        pending.add(changed.resultId());
    }

    /** Results waiting to be added to the totals (0 = totals are final for everything recorded so far). */
    public int backlog() {
        return pending.size();
    }

    public long appliedResults() {
        return appliedResults;
    }

    /** Applies everything pending now, on the caller's thread; returns the number of results applied. */
    public synchronized int applyPending() {
        int applied = 0;
        while (!pending.isEmpty()) {
            List<String> ids = new ArrayList<>(Math.min(BATCH, pending.size()));
            Iterator<String> it = pending.iterator();
            while (it.hasNext() && ids.size() < BATCH) {
                ids.add(it.next());
                it.remove();
            }
            try {
                applied += apply(ids);
            } catch (RuntimeException e) {
                pending.addAll(ids); // their snapshots are gone: they are read back from the store next time
                throw e;
            }
        }
        return applied;
    }

    private int apply(List<String> ids) {
        long started = System.nanoTime();
        List<ResultChanged> changed = new ArrayList<>(ids.size());
        for (String id : ids) {
            ResultChanged snapshot = snapshots.remove(id);
            if (snapshot == null) {
                snapshot = results.findById(id).map(r -> ResultChanged.of(id, r)).orElse(null);
            }
            if (snapshot != null) {
                changed.add(snapshot);
            }
        }
        Map<String, List<ResultChanged>> byDesa = new HashMap<>();
        for (ResultChanged r : changed) {
            byDesa.computeIfAbsent(RegionTotal.idOf(r.ballotType().name(), r.desaCode()),
                    k -> new ArrayList<>()).add(r);
        }
        Set<String> parents = new LinkedHashSet<>();
        boolean desaInOneGo = storeDesaBatch(byDesa);
        for (Map.Entry<String, List<ResultChanged>> group : byDesa.entrySet()) {
            String ballotType = group.getValue().get(0).ballotType().name();
            String desa = group.getValue().get(0).desaCode();
            if (!desaInOneGo) {
                storeDesa(ballotType, desa, group.getValue());
            }
            parents.add(RegionTotal.idOf(ballotType, desa.substring(0, 8)));
        }
        long desaDone = System.nanoTime();
        for (int tier = 0; tier < 4; tier++) {
            Set<String> next = new LinkedHashSet<>();
            boolean tierInOneGo = recomputeBatch(parents);
            for (String id : parents) {
                int bar = id.indexOf('|');
                String ballotType = id.substring(0, bar);
                String code = id.substring(bar + 1);
                if (!tierInOneGo) {
                    recomputeFromChildren(ballotType, code);
                }
                if (!code.equals(TpsRegistry.NATIONAL)) {
                    next.add(RegionTotal.idOf(ballotType, RegionCode.parentOf(code)));
                }
            }
            parents = next;
        }
        long tiersDone = System.nanoTime();
        // the marks live in their own small documents: a mark in the result itself made the store rewrite the whole
        // result (its numbers, history and pending entries) once more for every change
        BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MARKS);
        for (ResultChanged r : changed) {
            marks.upsert(new Query(where("_id").is(r.resultId())),
                    new Update().max(APPLIED_VERSION, r.resultVersion()));
        }
        if (!changed.isEmpty()) {
            marks.execute();
        }
        appliedResults += changed.size();
        long took = System.nanoTime() - started;
        if (took > SLOW_BATCH_NANOS) {
            log.info("Recap: applied {} results ({} desa) in {} ms: desa {} ms, upper tiers {} ms, marks {} ms; "
                    + "{} waiting", changed.size(), byDesa.size(), took / 1_000_000, (desaDone - started) / 1_000_000,
                    (tiersDone - desaDone) / 1_000_000, (System.nanoTime() - tiersDone) / 1_000_000, pending.size());
        }
        return changed.size();
    }

    /** One desa, read and written until its compare-and-set holds (another replica's applier may write it too). */
    private void storeDesa(String ballotType, String desa, List<ResultChanged> group) {
        for (int attempt = 1; ; attempt++) {
            RegionTotal total = load(ballotType, desa);
            for (ResultChanged r : group) {
                total.offer(Entry.of(r.tpsCode(), r.resultVersion(), r.status(), r.values()));
            }
            if (store(total, total.tallyEntries())) {
                return;
            }
            conflicted(attempt, total.getId());
        }
    }

    /**
     * Every desa of a batch in two store round trips instead of two to three per desa: all of them read in one query,
     * all written in one unordered bulk write, each write the same compare-and-set on its revision as
     * {@link #storeDesa} (a desa not stored yet is inserted; two inserts of one id collide). Under load each round trip
     * waits behind the confirmations' writes, and one by one the applier fell a minute behind at 600 results/s
     * (issue 22). False when any write lost its race (or failed): then every desa of the batch goes through
     * {@link #storeDesa} again, which is harmless for those already written (a TPS entry of an equal version is
     * ignored).
     */
    private boolean storeDesaBatch(Map<String, List<ResultChanged>> byDesa) {
        if (byDesa.isEmpty()) {
            return true;
        }
        Map<String, RegionTotal> stored = new HashMap<>();
        for (RegionTotal t : mongo.find(new Query(where("_id").in(byDesa.keySet())), RegionTotal.class)) {
            stored.put(t.getId(), t);
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RegionTotal.class);
        for (List<ResultChanged> group : byDesa.values()) {
            ResultChanged first = group.get(0);
            String id = RegionTotal.idOf(first.ballotType().name(), first.desaCode());
            RegionTotal total = stored.get(id);
            boolean isNew = total == null;
            if (isNew) {
                total = RegionTotal.empty(first.ballotType().name(), first.desaCode());
            }
            for (ResultChanged r : group) {
                total.offer(Entry.of(r.tpsCode(), r.resultVersion(), r.status(), r.values()));
            }
            total.take(total.tallyEntries(), false);
            long revision = total.getRevision();
            total.nextRevision();
            if (isNew) {
                bulk.insert(total);
            } else {
                bulk.replaceOne(new Query(readAt(id, revision)), total);
            }
        }
        interfere();
        try {
            com.mongodb.bulk.BulkWriteResult done = bulk.execute();
            return held(done.getInsertedCount() + done.getMatchedCount() == byDesa.size());
        } catch (org.springframework.dao.DataAccessException otherWriterFirst) {
            return held(false);
        }
    }

    /**
     * Every region of one tier recomputed from its children in three store round trips: the regions read first (their
     * revisions), then all their children, then one unordered bulk of the same compare-and-set updates as
     * {@link #store}; the order per region is {@link #recomputeFromChildren}'s. False when any write lost its race
     * (or failed): then each region of the tier is recomputed by {@link #recomputeFromChildren} again.
     */
    private boolean recomputeBatch(Set<String> ids) {
        if (ids.isEmpty()) {
            return true;
        }
        Query ownQuery = new Query(where("_id").in(ids));
        ownQuery.fields().exclude("entries").exclude("outbox");
        Map<String, RegionTotal> owns = new HashMap<>();
        for (RegionTotal t : mongo.find(ownQuery, RegionTotal.class)) {
            owns.put(t.getId(), t);
        }
        Map<String, List<String>> childIdsOf = new HashMap<>();
        List<String> allChildren = new ArrayList<>();
        for (String id : ids) {
            int bar = id.indexOf('|');
            List<String> childIds = childIds(id.substring(0, bar), id.substring(bar + 1));
            childIdsOf.put(id, childIds);
            allChildren.addAll(childIds);
        }
        Query childQuery = new Query(where("_id").in(allChildren));
        childQuery.fields().include(Tally.REGION_FIELDS);
        Map<String, Document> children = new HashMap<>();
        for (Document child : mongo.find(childQuery, Document.class, COLLECTION)) {
            children.put((String) child.get("_id"), child);
        }
        boolean events = properties.totalsEvents();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RegionTotal.class);
        List<RegionTotal> written = new ArrayList<>();
        for (String id : ids) {
            int bar = id.indexOf('|');
            RegionTotal total = owns.get(id);
            if (total == null) {
                total = RegionTotal.empty(id.substring(0, bar), id.substring(bar + 1));
            }
            Tally tally = new Tally();
            for (String childId : childIdsOf.get(id)) {
                Document child = children.get(childId);
                if (child != null) {
                    tally.addRegion(child);
                }
            }
            long revision = total.getRevision();
            if (total.take(tally, events)) {
                bulk.upsert(new Query(readAt(id, revision)), tierUpdate(total, revision));
                written.add(total);
            }
        }
        if (written.isEmpty()) {
            return true;
        }
        interfere();
        boolean allHeld;
        try {
            com.mongodb.bulk.BulkWriteResult done = bulk.execute();
            allHeld = held(done.getMatchedCount() + done.getUpserts().size() == written.size());
        } catch (org.springframework.dao.DataAccessException otherWriterFirst) {
            allHeld = held(false);
        }
        OutboxRelay outbox = relay.getIfAvailable();
        for (RegionTotal total : written) {
            total.getOutbox().clear();
            if (events && outbox != null) {
                // also after a lost race: the events of the writes that held are in their stored outbox
                outbox.publishSoon(COLLECTION, total.getId());
            }
        }
        return allHeld;
    }

    private void interfere() {
        Runnable hook = beforeBatchWrite;
        if (hook != null) {
            hook.run();
        }
    }

    private boolean held(boolean all) {
        if (!all) {
            racesLost.incrementAndGet();
        }
        return all;
    }

    /** Batches written one region at a time because another writer came first (see {@link #storeDesaBatch}). */
    public long racesLost() {
        return racesLost.get();
    }

    /** The ids of the totals of a region's children. */
    private List<String> childIds(String ballotType, String code) {
        return registry.childrenOf(code).stream().map(c -> RegionTotal.idOf(ballotType, c)).toList();
    }

    /** A region's total as read at {@code revision} (0: not stored yet, or stored before revisions existed). */
    private static Criteria readAt(String id, long revision) {
        return revision == 0
                ? where("_id").is(id).orOperator(where("revision").exists(false), where("revision").is(0L))
                : where("_id").is(id).and("revision").is(revision);
    }

    /** An upper tier's sums and its new events, as one atomic update that raises its revision. */
    private static Update tierUpdate(RegionTotal total, long revision) {
        Update update = new Update().set("ballotType", total.getBallotType())
                .set("regionCode", total.getRegionCode()).set("level", total.getLevel())
                .set("counted", total.getCounted()).set("flagged", total.getFlagged())
                .set("countedTps", total.getCountedTps()).set("flaggedTps", total.getFlaggedTps())
                .set("submittedTps", total.getSubmittedTps()).set("verifiedTps", total.getVerifiedTps())
                .set("correctedTps", total.getCorrectedTps()).set("updatedAt", total.getUpdatedAt())
                .set("revision", revision + 1);
        if (!total.getOutbox().isEmpty()) {
            update.push("outbox").each(total.getOutbox().toArray());
        }
        return update;
    }

    /**
     * Sets a region's total to the sum of its children. The region is read first (its revision), then its children,
     * then written only if its revision is unchanged; otherwise all of it again. So with several appliers (replicas)
     * the last write of a region always read every child after that child's latest write, and no change is lost.
     */
    void recomputeFromChildren(String ballotType, String code) {
        List<String> childIds = childIds(ballotType, code);
        for (int attempt = 1; ; attempt++) {
            Query own = new Query(where("_id").is(RegionTotal.idOf(ballotType, code)));
            own.fields().exclude("entries").exclude("outbox");
            RegionTotal total = mongo.findOne(own, RegionTotal.class);
            Tally tally = new Tally();
            // every child in one read, after the region's own (its revision first: see above), without the desa
            // entries; the embedded store answers $in on _id from the id index, like MongoDB
            Query children = new Query(where("_id").in(childIds));
            children.fields().include(Tally.REGION_FIELDS);
            for (Document childTotal : mongo.find(children, Document.class, COLLECTION)) {
                tally.addRegion(childTotal);
            }
            if (store(total != null ? total : RegionTotal.empty(ballotType, code), tally)) {
                return;
            }
            conflicted(attempt, RegionTotal.idOf(ballotType, code));
        }
    }

    private static void conflicted(int attempt, String id) {
        if (attempt >= 50) {
            throw new IllegalStateException("Jumlah " + id + " terus berubah oleh penulis lain; dicoba lagi nanti");
        }
        Thread.onSpinWait();
    }

    private RegionTotal load(String ballotType, String code) {
        RegionTotal total = mongo.findById(RegionTotal.idOf(ballotType, code), RegionTotal.class);
        return total == null ? RegionTotal.empty(ballotType, code) : total;
    }

    /**
     * Writes a total if its stored revision is still the one it was read with (compare-and-set; a total not stored
     * yet is inserted, and two inserts of one id collide). False when another writer came first: read again.
     */
    private boolean store(RegionTotal total, Tally tally) {
        // desa changes are already told by TpsResultRecorded; totals events start at kecamatan level
        boolean events = properties.totalsEvents() && !total.getLevel().equals("DESA");
        boolean changed = total.take(tally, events);
        long revision = total.getRevision();
        Criteria read = readAt(total.getId(), revision);
        try {
            if (total.getLevel().equals("DESA")) {
                total.nextRevision();
                if (revision == 0 && mongo.findById(total.getId(), Document.class, COLLECTION) == null) {
                    mongo.insert(total);
                } else if (mongo.replace(new Query(read), total).getMatchedCount() == 0) {
                    return false;
                }
            } else if (changed) {
                // upper tiers: one atomic update of the sums plus the new events, so events the relay has not sent
                // yet stay in the stored outbox
                Update update = tierUpdate(total, revision);
                if (mongo.upsert(new Query(read), update, RegionTotal.class).getMatchedCount() == 0
                        && revision != 0) {
                    return false;
                }
                total.getOutbox().clear();
            }
        } catch (org.springframework.dao.DuplicateKeyException otherWriterFirst) {
            return false;
        }
        OutboxRelay outbox = relay.getIfAvailable();
        if (changed && events && outbox != null) {
            outbox.publishSoon(COLLECTION, total.getId());
        }
        return true;
    }

    /**
     * Queues every result whose latest version is not yet in the totals (after a crash or restart): a whole pass of
     * {@link #recoverSlice} at once, from the first result (a periodic pass under way is dropped and started again).
     */
    public synchronized int recover() {
        endRecoveryPass();
        int queued = 0;
        do {
            queued += recoverSlice();
        } while (recovering());
        return queued;
    }

    private static Query recoveryQuery() {
        // batch by batch: without a batch size the embedded store collects every result before the first answer
        Query all = new Query().cursorBatchSize(STREAM_BATCH);
        all.fields().include("_id").include("resultVersion").include(APPLIED_VERSION);
        return all;
    }

    /**
     * One slice of the periodic recovery, on the applier's thread between two batches: the next {@link #STREAM_BATCH}
     * results of a scan kept open across ticks. Each slice queues its unapplied results at once, and leaves out those
     * already pending here (they still have their saved numbers). Running between batches, it never sees a result this
     * applier is in the middle of applying: its mark is written or it is still pending. So the totals keep moving
     * while a pass over millions of results goes on, and only results no applier took are read back from the store.
     * (One long scan at the end of which every id was queued held the totals still for as long as it ran, and queued
     * results applied meanwhile once more, without their numbers.) Returns the number queued by this slice.
     */
    synchronized int recoverSlice() {
        if (recoveryCursor == null) {
            recoveryScan = mongo.stream(recoveryQuery(), Document.class, "tps_results");
            recoveryCursor = recoveryScan.iterator();
            recoveryQueued = 0;
            recoveryScanned = 0;
            recoveryStarted = System.nanoTime();
        }
        List<Document> batch = new ArrayList<>(STREAM_BATCH);
        boolean more;
        try {
            while ((more = recoveryCursor.hasNext()) && batch.size() < STREAM_BATCH) {
                batch.add(recoveryCursor.next());
            }
        } catch (RuntimeException e) {
            endRecoveryPass();
            throw e;
        }
        List<String> ids = new ArrayList<>();
        unapplied(batch, ids);
        int queued = 0;
        for (String id : ids) {
            if (!pending.contains(id)) {
                pending.add(id);
                queued++;
            }
        }
        recoveryQueued += queued;
        recoveryScanned += batch.size();
        if (!more) {
            log.info("Recap: recovery pass over {} results in {} ms: {} not yet in the totals, queued again",
                    recoveryScanned, (System.nanoTime() - recoveryStarted) / 1_000_000, recoveryQueued);
            endRecoveryPass();
        }
        return queued;
    }

    /** Whether a periodic recovery pass is under way. */
    synchronized boolean recovering() {
        return recoveryCursor != null;
    }

    private void endRecoveryPass() {
        if (recoveryScan != null) {
            try {
                recoveryScan.close();
            } catch (RuntimeException e) {
                log.debug("Recap: closing the recovery scan failed: {}", e.toString());
            }
            recoveryScan = null;
        }
        recoveryCursor = null;
        nextRecover = System.nanoTime() + recoverInterval.toNanos();
    }

    /**
     * Adds the ids of the results of {@code batch} whose latest version is not marked applied: in {@link #MARKS}, or in
     * the result itself (where stores written before the marks moved keep them).
     */
    private void unapplied(List<Document> batch, List<String> ids) {
        if (batch.isEmpty()) {
            return;
        }
        Query marked = new Query(where("_id").in(batch.stream().map(d -> d.get("_id")).toList()));
        Map<Object, Long> applied = new HashMap<>();
        for (Document mark : mongo.find(marked, Document.class, MARKS)) {
            applied.put(mark.get("_id"), version(mark.get(APPLIED_VERSION)));
        }
        for (Document d : batch) {
            long upTo = Math.max(version(d.get(APPLIED_VERSION)), applied.getOrDefault(d.get("_id"), 0L));
            if (upTo < version(d.get("resultVersion"))) {
                ids.add(d.getString("_id"));
            }
        }
    }

    private static long version(Object stored) {
        return stored instanceof Number n ? n.longValue() : 0;
    }

    /** One round of the applier's thread; returns the number of results it applied. */
    private int tick() {
        try {
            if (recoveryCursor != null || !recoverInterval.isZero() && System.nanoTime() - nextRecover > 0) {
                recoverSlice();
            }
            return applyPending();
        } catch (RuntimeException e) {
            log.warn("Recap could not apply changes now, will retry: {}", e.toString());
            return 0;
        }
    }

    /** How long the applier waits after a round that applied {@code applied} results. */
    static long delayAfter(int applied, RecapProperties properties) {
        return applied >= BUSY_ROUND ? properties.applyIntervalBusyMillis() : properties.applyIntervalMillis();
    }

    /**
     * Runs a round, then schedules the next: after {@code applyIntervalMillis} when the round was small, after
     * {@code applyIntervalBusyMillis} when it applied {@link #BUSY_ROUND} results or more. Every round recomputes each
     * touched kecamatan..national total from all its children, a cost per round rather than per result; under load
     * the longer wait spreads it over more results, and when it is quiet a result reaches the totals as soon as before.
     */
    private void tickAndScheduleNext() {
        int applied = tick();
        ScheduledExecutorService current = executor;
        if (current == null || current.isShutdown()) {
            return;
        }
        long delay = delayAfter(applied, properties);
        try {
            current.schedule(this::tickAndScheduleNext, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // stop() shut the executor down between the check and the schedule
        }
    }

    @Override
    public void start() {
        recover();
        nextRecover = System.nanoTime() + recoverInterval.toNanos();
        ScheduledThreadPoolExecutor rounds = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "recap-applier");
            thread.setDaemon(true);
            return thread;
        });
        // the next round is already scheduled when stop() comes: it must not run after the shutdown
        rounds.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = rounds;
        rounds.schedule(this::tickAndScheduleNext, properties.applyIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    endRecoveryPass();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
