package id.pemilu.recap.submission;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.common.security.Caller;
import id.pemilu.common.domain.DomainException;
import id.pemilu.recap.RecapProperties;
import id.pemilu.recap.photohash.PhotoHashes;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.Draft;
import id.pemilu.recap.result.DraftSource;
import id.pemilu.recap.result.TpsAccess;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.storage.DurableWrites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Photo submissions: checks and stores the photos (original as evidence, public copy without metadata), asks
 * ocr-c1-reader for a reading and keeps the readings as a draft the officer confirms.
 */
@Service
public class SubmissionService implements DraftSource {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);
    static final String ORIGINALS = "photo_originals";
    static final String TPS_SUBMISSIONS = "tps_submissions";

    private final MongoTemplate mongo;
    private final TpsAccess access;
    private final RecapProperties properties;
    private final ObjectProvider<OutboxRelay> relay;
    private final DurableWrites durable;
    private final PhotoHashes photoHashes;

    SubmissionService(MongoTemplate mongo, TpsAccess access, RecapProperties properties,
                      ObjectProvider<OutboxRelay> relay, DurableWrites durable, PhotoHashes photoHashes) {
        this.photoHashes = photoHashes;
        this.durable = durable;
        this.mongo = mongo;
        this.access = access;
        this.properties = properties;
        this.relay = relay;
    }

    record Uploaded(Submission submission, Submission.SubmittedPhoto photo, boolean replay) {
    }

    Uploaded upload(Caller caller, TpsCode tps, BallotType type, int page, String submissionIdParam,
                    String idempotencyKey, byte[] bytes) {
        access.requireOwnTps(caller, tps);
        if (page < 1 || page > 20) {
            throw new IllegalArgumentException("Nomor halaman harus 1 sampai 20.");
        }
        PhotoCheck.Checked checked = PhotoCheck.check(bytes, properties.maxPhotoBytes(), properties.maxPhotoPixels());
        String sha256 = sha256(bytes);
        String submissionId = submissionId(caller, tps, type, page, submissionIdParam, idempotencyKey);
        Submission submission = mongo.findById(submissionId, Submission.class);
        if (submission == null) {
            submission = new Submission(submissionId, tps.value(), type, caller.username());
        } else if (!submission.getTpsCode().equals(tps.value()) || submission.getBallotType() != type) {
            throw DomainException.conflict("Pengiriman " + submissionId + " milik TPS/surat suara lain.");
        }
        Submission.SubmittedPhoto existing = submission.photo(page);
        if (existing != null && !existing.sha256().equals(sha256)) {
            throw DomainException.conflict("Halaman " + page + " sudah ada di pengiriman ini dengan foto lain; "
                    + "mulai pengiriman baru untuk memotret ulang.");
        }
        // order: public copy, then the submission (so a fast reading always finds it), then the original with its
        // reading request; a retry after a crash in between completes the missing steps
        mongo.save(new PublicPhoto(sha256, sha256(checked.publicCopy()), checked.contentType(), checked.width(),
                checked.height(), tps.value(), checked.publicCopy()));
        Submission.SubmittedPhoto photo = existing;
        if (photo == null) {
            photo = new Submission.SubmittedPhoto(page, sha256, checked.contentType(), checked.width(),
                    checked.height(), bytes.length);
            submission.addPhoto(photo, otherTpsWithSamePhoto(sha256, tps.value()));
            submission.flagSimilar(photo, photoHashes.similarAtOtherTps(sha256, tps.value(), checked.phash()));
            mongo.save(submission);
            mongo.upsert(new Query(where("_id").is(tps.value() + "|" + type.name())),
                    new Update().addToSet("submissionIds", submissionId), TPS_SUBMISSIONS);
        }
        photoHashes.record(sha256, tps.value(), checked.phash());
        String originalId = submissionId + "|" + page;
        if (!mongo.exists(new Query(where("_id").is(originalId)), ORIGINALS)) {
            mongo.save(PhotoOriginal.of(submissionId, page, sha256, tps.value(), type.name(), checked.contentType(),
                    bytes, caller.username()));
        }
        durable.await();
        OutboxRelay outbox = relay.getIfAvailable();
        if (outbox != null) {
            outbox.publishSoon(ORIGINALS, originalId);
        }
        return new Uploaded(submission, photo, existing != null);
    }

    Submission get(Caller caller, String submissionId) {
        Submission submission = Optional.ofNullable(mongo.findById(submissionId, Submission.class))
                .orElseThrow(() -> DomainException.notFound("Pengiriman " + submissionId + " tidak ada."));
        access.requireCanRead(caller, new TpsCode(submission.getTpsCode()));
        return submission;
    }

    @Override
    public Optional<Draft> draft(String submissionId) {
        Submission submission = mongo.findById(submissionId, Submission.class);
        if (submission == null) {
            return Optional.empty();
        }
        Draft draft = submission.draft();
        // readings of other submissions (other photos) of the same TPS and ballot that disagree also count
        Document index = mongo.findById(submission.getTpsCode() + "|" + submission.getBallotType().name(),
                Document.class, TPS_SUBMISSIONS);
        List<String> others = index == null ? List.of() : index.getList("submissionIds", String.class, List.of());
        java.util.Set<String> disagreeing = new java.util.LinkedHashSet<>(draft.disagreeingKeys());
        for (String other : others) {
            if (other.equals(submissionId)) {
                continue;
            }
            Submission sibling = mongo.findById(other, Submission.class);
            if (sibling == null) {
                continue;
            }
            sibling.draft().values().forEach((key, value) -> {
                Integer mine = draft.values().get(key);
                if (mine != null && value != null && !mine.equals(value)) {
                    disagreeing.add(key);
                }
            });
        }
        return Optional.of(new Draft(draft.submissionId(), draft.tpsCode(), draft.ballotType(), draft.values(),
                draft.flags(), List.copyOf(disagreeing), draft.photos()));
    }

    /** Keeps a reading as a draft of its submission; repeating the same event changes nothing. */
    void accept(C1FormRead read) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Submission submission = mongo.findById(read.submissionId(), Submission.class);
            if (submission == null) {
                log.warn("Reading {} for unknown submission {} ignored", read.eventId(), read.submissionId());
                return;
            }
            List<Submission.ReadField> fields = read.fields() == null ? List.of() : read.fields().stream()
                    .map(f -> new Submission.ReadField(f.key(), f.value(), f.confidence(), f.needsReview(),
                            read.page(), f.box() == null ? null : new Submission.PixelBox(f.box().x(), f.box().y(),
                            f.box().width(), f.box().height()), f.suggested())).toList();
            boolean added = submission.addReading(new Submission.Reading(read.eventId().toString(), read.page(),
                    read.photoSha256(), read.outcome(), read.reason(), read.qrTpsCode(), fields, Instant.now()));
            if (!added) {
                return;
            }
            try {
                mongo.save(submission);
                durable.await(); // before the broker gets the ack
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                log.debug("Submission {} changed concurrently; retrying", read.submissionId());
            }
        }
        throw new IllegalStateException("Could not store reading " + read.eventId());
    }

    /** The original as sent (with EXIF): evidence for PPK/KPU/Bawaslu covering the TPS, never public. */
    Optional<Document> original(Caller caller, String submissionId, int page) {
        Submission submission = get(caller, submissionId);
        if (caller.hasRole(id.pemilu.common.security.Roles.KPPS)) {
            throw DomainException.notPermitted("Foto asli hanya untuk PPK, KPU dan Bawaslu.");
        }
        return Optional.ofNullable(mongo.findById(submission.getId() + "|" + page, Document.class, ORIGINALS));
    }

    /**
     * The copy without metadata of one page of a submission, for whoever may read the submission (the KPPS officer of
     * its TPS included): a draft's photo is not public, but its officer checks the reading against it.
     */
    Optional<PublicPhoto> submissionPhoto(Caller caller, String submissionId, int page) {
        Submission submission = get(caller, submissionId);
        return submission.getPhotos().stream().filter(photo -> photo.page() == page).findFirst()
                .flatMap(photo -> publicPhoto(photo.sha256()));
    }

    Optional<PublicPhoto> publicPhoto(String sha256) {
        return Optional.ofNullable(mongo.findById(sha256, PublicPhoto.class));
    }

    private List<String> otherTpsWithSamePhoto(String sha256, String tpsCode) {
        Query query = new Query(where("sha256").is(sha256).and("tpsCode").ne(tpsCode));
        query.fields().include("tpsCode");
        return mongo.find(query, Document.class, ORIGINALS).stream().map(d -> d.getString("tpsCode"))
                .distinct().toList();
    }

    private static String submissionId(Caller caller, TpsCode tps, BallotType type, int page, String given,
                                       String idempotencyKey) {
        if (given != null && !given.isBlank()) {
            return UUID.fromString(given.trim()).toString();
        }
        if (idempotencyKey != null) {
            String seed = caller.username() + "|" + tps + "|" + type + "|" + idempotencyKey;
            return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        }
        return UUID.randomUUID().toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
