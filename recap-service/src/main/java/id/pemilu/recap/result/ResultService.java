package id.pemilu.recap.result;

import id.pemilu.recap.ballot.BallotStructure;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.recap.RecapProperties;
import id.pemilu.recap.ballot.BallotStructures;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.storage.DurableWrites;
import id.pemilu.recap.translog.LogSequencer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Confirmation and reconciliation of TPS results. A result is recorded only when a person acts: the KPPS officer of
 * that TPS confirms (from a draft reading or typed by hand), or PPK/KPU of the region verifies or corrects it.
 */
@Service
public class ResultService {

    static final String COLLECTION = "tps_results";
    public static final String DISPUTED = "DISPUTED";

    private final TpsResults results;
    private final TpsAccess access;
    private final BallotStructures structures;
    private final RecapProperties properties;
    private final DraftSource drafts;
    private final ApplicationEventPublisher events;
    /** The optional beans, looked up once found: a lookup per confirmation was 2 % of its request's CPU (issue 22). */
    private final org.springframework.util.function.SingletonSupplier<OutboxRelay> relay;
    private final Object[] locks = new Object[1024];
    private final DurableWrites durable;
    private final org.springframework.data.mongodb.core.MongoTemplate mongo;
    private final org.springframework.util.function.SingletonSupplier<LogSequencer> logSequencer;
    private final FirstInserts inserts;

    ResultService(TpsResults results, TpsAccess access, BallotStructures structures, RecapProperties properties,
                  DraftSource drafts, ApplicationEventPublisher events, ObjectProvider<OutboxRelay> relay,
                  DurableWrites durable, org.springframework.data.mongodb.core.MongoTemplate mongo,
                  ObjectProvider<LogSequencer> logSequencer, FirstInserts inserts) {
        this.inserts = inserts;
        this.logSequencer = org.springframework.util.function.SingletonSupplier.of(logSequencer::getIfAvailable);
        this.durable = durable;
        this.mongo = mongo;
        this.results = results;
        this.access = access;
        this.structures = structures;
        this.properties = properties;
        this.drafts = drafts;
        this.events = events;
        this.relay = org.springframework.util.function.SingletonSupplier.of(relay::getIfAvailable);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Optional<TpsResult> find(TpsCode tps, BallotType type) {
        return results.findById(TpsResult.idOf(tps, type));
    }

    public Optional<TpsResult> findById(String id) {
        return results.findById(id);
    }

    public List<TpsResult> findAll(Iterable<String> ids) {
        List<TpsResult> out = new ArrayList<>();
        results.findAllById(ids).forEach(out::add);
        return out;
    }

    public TpsLimits limits(Station station, BallotType type) {
        boolean pilkada = type == BallotType.PILKADA_GUBERNUR || type == BallotType.PILKADA_BUPATI;
        return new TpsLimits(station.dpt(), pilkada ? properties.pilkadaMaxVoters() : properties.maxVoters(),
                properties.reservePercent(), properties.reserveTolerance());
    }

    public TpsResult confirm(Caller caller, TpsCode tps, BallotType type, ConfirmCommand command,
                             String idempotencyKey) {
        Station station = access.requireOwnTps(caller, tps);
        BallotStructure structure = structures.structure(type, tps);
        TpsResult first;
        synchronized (lockFor(tps, type)) {
            first = firstConfirmation(caller, tps, type, command, idempotencyKey, station, structure);
        }
        if (first != null) {
            return first;
        }
        return retryingConcurrentChanges(tps, () -> {
            synchronized (lockFor(tps, type)) {
                TpsResult stored = find(tps, type).orElseGet(() -> TpsResult.empty(tps, type));
                return confirmOnce(caller, tps, type, stored, command, idempotencyKey, station, structure);
            }
        });
    }

    /**
     * The common case on election night, a TPS's first confirmation, without reading the store first: the result is
     * built from the empty one and inserted, which succeeds only if no result of this TPS exists (the insert is the
     * compare-and-set). Returns null whenever that is not a plain success (a result already exists: a retry, a change;
     * or the request is refused before anything is written): the caller then does the full read-check-write, so every
     * answer is the one the read path gives. Saves one store round trip per first confirmation.
     */
    private TpsResult firstConfirmation(Caller caller, TpsCode tps, BallotType type, ConfirmCommand command,
                                        String idempotencyKey, Station station, BallotStructure structure) {
        try {
            return confirmOnce(caller, tps, type, TpsResult.empty(tps, type), command, idempotencyKey, station,
                    structure);
        } catch (ConcurrentResultChange | DomainException e) {
            return null;
        }
    }

    /**
     * Runs a read-check-write of one result again when another writer (another replica) changed the result between
     * the read and the write: the write is a compare-and-set on the version read ({@link #save}). A retried request
     * with the same Idempotency-Key then finds the other writer's answer, so nothing is recorded twice.
     */
    private static TpsResult retryingConcurrentChanges(TpsCode tps, java.util.function.Supplier<TpsResult> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrentResultChange e) {
                if (i == 8) {
                    throw DomainException.conflict("Hasil TPS " + tps + " sedang diubah oleh permintaan lain; coba lagi.");
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The result was changed by another writer between this writer's read and its write. */
    static final class ConcurrentResultChange extends RuntimeException {
        ConcurrentResultChange() {
            super(null, null, false, false);
        }
    }

    private TpsResult confirmOnce(Caller caller, TpsCode tps, BallotType type, TpsResult result,
                                  ConfirmCommand command, String idempotencyKey, Station station,
                                  BallotStructure structure) {
        String fingerprint = RequestFingerprint.of("confirm", command.submissionId(), command.values(),
                command.reason());
        if (result.keyUsedForAnotherRequest(idempotencyKey, fingerprint)) {
            throw reusedKey();
        }
        if (result.hasIdempotencyKey(idempotencyKey)) {
            return result;
        }
        if (result.getStatus() == ResultStatus.VERIFIED || result.getStatus() == ResultStatus.CORRECTED) {
            throw DomainException.conflict("Hasil TPS " + tps + " sudah diverifikasi PPK; perubahan hanya lewat PPK.");
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        List<Flag> flags = new ArrayList<>();
        List<PhotoRef> photos = null;
        String source = "manual";
        Set<String> typed = typedKeys(command.values());
        if (command.submissionId() != null && !command.submissionId().isBlank()) {
            Draft draft = drafts.draft(command.submissionId())
                    .orElseThrow(() -> DomainException.notFound(
                            "Pengiriman foto " + command.submissionId() + " tidak ada."));
            if (!draft.tpsCode().equals(tps.value()) || draft.ballotType() != type) {
                throw DomainException.invalid("Pengiriman foto itu milik TPS/surat suara lain.");
            }
            values.putAll(draft.values());
            flags.addAll(draft.flags());
            List<String> unsettled = draft.disagreeingKeys().stream().filter(k -> !typed.contains(k)).toList();
            if (!unsettled.isEmpty()) {
                flags.add(new Flag(ResultChecks.READINGS_DISAGREE, "Dua pembacaan foto berbeda pada kolom: "
                        + String.join(", ", unsettled) + " (ketik ulang nilainya untuk memastikan)"));
            }
            photos = draft.photos();
            source = "photo-reading";
        } else if (command.values() == null || command.values().isEmpty()) {
            throw DomainException.invalid("Isi angka C.Hasil atau sebutkan submissionId foto yang dibaca.");
        }
        overlay(values, command.values(), structure);
        flags.addAll(0, ResultChecks.check(ordered(values, structure), structure, limits(station, type)));
        String reason = command.reason() == null ? null : command.reason().trim();
        boolean hasReason = reason != null && reason.length() >= 5;
        if (result.getStatus() != null && !hasReason) {
            throw unprocessable("Hasil TPS ini sudah pernah dikirim; perubahan wajib disertai alasan tertulis.", flags);
        }
        if (!flags.isEmpty() && !hasReason) {
            throw unprocessable("Angka tidak lolos pemeriksaan; perbaiki angka, atau kirim dengan alasan tertulis "
                    + "(hasil akan ditandai dan tidak dihitung sampai diperiksa PPK).", flags);
        }
        ResultStatus status = flags.isEmpty() ? ResultStatus.SUBMITTED : ResultStatus.FLAGGED;
        result.record(status, ordered(values, structure), flags, caller.username(), Roles.KPPS,
                hasReason ? reason : null, idempotencyKey, source, command.submissionId(), photos);
        result.rememberRequest(idempotencyKey, fingerprint);
        return save(result);
    }

    /** PPK/KPU reconciliation: verified (the numbers match the paper form) or corrected (numbers replaced). */
    public TpsResult review(Caller caller, TpsCode tps, BallotType type, ReviewCommand command,
                            String idempotencyKey) {
        String role = access.requireRegionOfficer(caller, tps);
        Station station = access.station(tps);
        BallotStructure structure = structures.structure(type, tps);
        return retryingConcurrentChanges(tps, () -> {
            synchronized (lockFor(tps, type)) {
                return reviewLocked(caller, tps, type, command, idempotencyKey, role, station, structure);
            }
        });
    }

    private TpsResult reviewLocked(Caller caller, TpsCode tps, BallotType type, ReviewCommand command,
                                   String idempotencyKey, String role, Station station, BallotStructure structure) {
        TpsResult result = find(tps, type)
                .orElseThrow(() -> DomainException.notFound("Belum ada hasil yang dikirim untuk TPS " + tps + "."));
        String fingerprint = RequestFingerprint.of("review", command.decision(), command.values(), command.reason());
        if (result.keyUsedForAnotherRequest(idempotencyKey, fingerprint)) {
            throw reusedKey();
        }
        if (result.hasIdempotencyKey(idempotencyKey)) {
            return result;
        }
        String reason = command.reason() == null ? "" : command.reason().trim();
        if (reason.length() < 5) {
            throw DomainException.invalid("Pemeriksaan PPK wajib disertai alasan tertulis.");
        }
        ResultStatus status = switch (command.decision() == null ? "" : command.decision()) {
            case "verified" -> ResultStatus.VERIFIED;
            case "corrected" -> ResultStatus.CORRECTED;
            case "disputed" -> ResultStatus.FLAGGED;
            default -> throw DomainException.invalid("Keputusan harus verified, corrected atau disputed.");
        };
        Map<String, Integer> values = result.valueMap();
        if (status == ResultStatus.FLAGGED) {
            // disputed: taken out of the counted totals until settled, numbers unchanged
            List<Flag> flags = new ArrayList<>(result.getFlags().stream()
                    .filter(f -> !f.code().equals(DISPUTED)).toList());
            flags.add(new Flag(DISPUTED, "Dipersoalkan oleh " + role + ": " + reason));
            result.record(status, values, flags, caller.username(), role, reason, idempotencyKey,
                    result.getSource(), result.getSubmissionId(), null);
            result.rememberRequest(idempotencyKey, fingerprint);
            return save(result);
        }
        if (status == ResultStatus.CORRECTED) {
            if (command.values() == null || command.values().isEmpty()) {
                throw DomainException.invalid("Koreksi wajib berisi angka yang diperbaiki.");
            }
            overlay(values, command.values(), structure);
        }
        List<Flag> flags = ResultChecks.check(ordered(values, structure), structure, limits(station, type));
        if (!flags.isEmpty()) {
            throw unprocessable("Angka tidak lolos pemeriksaan aritmetika; tidak dapat dinyatakan terverifikasi.",
                    flags);
        }
        result.record(status, ordered(values, structure), flags, caller.username(), role, reason, idempotencyKey,
                result.getSource(), result.getSubmissionId(), null);
        result.rememberRequest(idempotencyKey, fingerprint);
        return save(result);
    }

    /**
     * Serialises the writers of one TPS result inside this process, so they do not fail each other's
     * compare-and-set; between replicas the compare-and-set of {@link #save} is the guard.
     */
    private Object lockFor(TpsCode tps, BallotType type) {
        return locks[Math.floorMod(TpsResult.idOf(tps, type).hashCode(), locks.length)];
    }

    /**
     * Writes a result only if the stored one is still the version this change started from (compare-and-set on
     * {@code resultVersion}, which every change raises by one; a first result is inserted, and a second insert of the
     * same id fails). One document write: the result, its history, its idempotency record and its events.
     */
    private TpsResult save(TpsResult result) {
        long previous = result.getResultVersion() - 1;
        org.bson.Document document = ResultDocuments.of(result);
        if (previous == 0) {
            org.bson.RawBsonDocument bytes = BsonBytes.of(document);
            try {
                inserts.insert(COLLECTION, bytes);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConcurrentResultChange();
            }
        } else {
            var cas = com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("_id", result.getId()),
                    com.mongodb.client.model.Filters.eq("resultVersion", previous));
            if (mongo.execute(COLLECTION, collection -> collection.replaceOne(cas, document)).getMatchedCount() == 0) {
                throw new ConcurrentResultChange();
            }
        }
        if (!result.getLogOutbox().isEmpty()) {
            // written past Spring Data's mapping, so its save event (LogHints) does not fire: hint the log here
            LogSequencer sequencer = logSequencer.get();
            if (sequencer != null) {
                sequencer.soon(COLLECTION, result.getId());
            }
        }
        TpsResult saved = result;
        try {
            durable.await();
        } finally {
            // the write is in the store even when its commit fails now (the disk refused it): it lands once the disk
            // takes writes again, and a crash before that loses it together with every later write, the totals'
            // included. So the applier hears of it either way; otherwise the client's retry (the same Idempotency-Key)
            // finds it recorded, nothing announces it again, and the totals miss it until the next recovery scan.
            events.publishEvent(ResultChanged.of(saved));
        }
        OutboxRelay outbox = relay.get();
        if (outbox != null) {
            outbox.publishSoon(COLLECTION, saved.getId());
        }
        return saved;
    }

    private static Set<String> typedKeys(List<FieldValue> typed) {
        Set<String> keys = new java.util.HashSet<>();
        if (typed != null) {
            typed.forEach(v -> keys.add(v.key()));
        }
        return keys;
    }

    private static void overlay(Map<String, Integer> values, List<FieldValue> typed, BallotStructure structure) {
        if (typed == null) {
            return;
        }
        Set<String> allowed = structure.allKeys();
        List<String> unknown = typed.stream().map(FieldValue::key).filter(k -> !allowed.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("Kolom tidak dikenal untuk surat suara ini: " + String.join(", ", unknown));
        }
        List<String> negative = typed.stream().filter(v -> v.value() != null && v.value() < 0)
                .map(v -> v.key() + " = " + v.value()).toList();
        if (!negative.isEmpty()) {
            // a count is never below zero: refused outright, not kept as a flagged result with a reason
            throw DomainException.invalid("Angka C.Hasil tidak boleh negatif: " + String.join(", ", negative) + ".");
        }
        typed.forEach(v -> values.put(v.key(), v.value()));
    }

    private static Map<String, Integer> ordered(Map<String, Integer> values, BallotStructure structure) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String key : structure.allKeys()) {
            if (values.containsKey(key)) {
                out.put(key, values.get(key));
            }
        }
        return out;
    }

    /** Like the photo upload: one Idempotency-Key, one request; a different body under a used key is refused. */
    private static DomainException reusedKey() {
        return DomainException.conflict(
                "Idempotency-Key ini sudah dipakai untuk permintaan dengan isi lain; pakai kunci "
                + "baru untuk permintaan baru.");
    }

    private static DomainException unprocessable(String detail, List<Flag> flags) {
        return new DomainException(DomainException.Kind.RULES_FAILED, "Perlu alasan tertulis", detail,
                Map.of("flags", flags.stream().map(f -> Map.of("code", f.code(), "message", f.message())).toList()));
    }
}
