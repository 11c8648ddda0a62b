package id.pemilu.recap.dhasil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import id.pemilu.common.domain.DomainException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Issues (hash, sign, store once) and reads D.Hasil. A D.Hasil is inserted, never updated; {@code dhasil_heads}
 * (id {@code <ballotType>|<regionCode>}) remembers the latest version of each region so readers need no scan.
 */
@Service
public class DHasilService {

    static final String HEADS = "dhasil_heads";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DHasilService.class);

    private final MongoTemplate mongo;
    private final DHasilSigner signer;
    DHasilService(MongoTemplate mongo, DHasilSigner signer) {
        this.mongo = mongo;
        this.signer = signer;
    }

    /**
     * Hashes and signs a draft and stores it (insert only: a second issue of the same id fails). Finalizing is three
     * writes in this order, each idempotent to repeat: (1) this document, (2) the session that names its version and
     * hash and carries the {@code DHasilFinalized} event (the commit point), (3) {@link #announce the head}. Readers
     * go through the head, so a document whose session write never happened (a crash between 1 and 2) is never
     * served; the next finalization of that session version {@link #discardUnannounced discards} it, and so does
     * the check on start ({@code SessionRecovery}), which also redoes a missing step 3.
     */
    public DHasil issue(DHasil draft) {
        sign(draft);
        mongo.insert(draft);
        return draft;
    }

    private void sign(DHasil draft) {
        byte[] canonical = DHasilCanonical.encode(draft);
        draft.sign(DHasilSigner.sha256Hex(canonical), signer.sign(canonical), signer.keyId(), signer.isDev());
    }

    /**
     * Step 1 of a finalization that holds session claim {@code claim} (the session revision its compare-and-set
     * wrote; claims only grow). A document of the same version written under an older claim belongs to a finalization
     * that crashed or was overtaken (its session write can no longer succeed): it is removed, then this one is
     * inserted. A document under a newer claim means this finalization was overtaken: refused, nothing written.
     */
    public DHasil issue(DHasil draft, long claim) {
        sign(draft);
        draft.claimedBy(claim);
        String ballotType = draft.getBallotType();
        String region = draft.getRegionCode();
        for (int attempt = 1; ; attempt++) {
            if (latestVersion(ballotType, region) >= draft.getVersion()) {
                throw DomainException.conflict("D.Hasil " + region + " versi " + draft.getVersion()
                        + " sudah ditetapkan.");
            }
            Query older = new Query(Criteria.where("_id").is(draft.getId()).orOperator(
                    Criteria.where("claim").lt(claim), Criteria.where("claim").exists(false)));
            if (mongo.remove(older, DHasil.COLLECTION).getDeletedCount() > 0) {
                log.warn("D.Hasil {} {} versi {}: dokumen dari penetapan yang terputus atau tersusul diganti",
                        ballotType, region, draft.getVersion());
            }
            try {
                mongo.insert(draft);
                return draft;
            } catch (DuplicateKeyException another) {
                Document there = mongo.findById(draft.getId(), Document.class, DHasil.COLLECTION);
                long theirs = there == null ? 0 : ((Number) there.getOrDefault("claim", 0L)).longValue();
                if (theirs > claim || attempt == 5) {
                    throw DomainException.conflict("D.Hasil " + region + " sedang ditetapkan oleh petugas lain.");
                }
            }
        }
    }

    /** Undoes step 1 of a finalization whose session write lost (only its own, unannounced document). */
    public void withdraw(DHasil issued, long claim) {
        mongo.remove(new Query(Criteria.where("_id").is(issued.getId()).and("claim").is(claim)), DHasil.COLLECTION);
    }

    /** Step 3 of finalizing: the head names this version as the latest (never moves back). */
    public void announce(String ballotType, String regionCode, int version, String sha256) {
        try {
            mongo.upsert(new Query(Criteria.where("_id").is(headId(ballotType, regionCode))
                            .and("latestVersion").lt(version)),
                    new org.springframework.data.mongodb.core.query.Update().set("latestVersion", version)
                            .set("sha256", sha256), HEADS);
        } catch (org.springframework.dao.DuplicateKeyException alreadyThere) {
            // the head names this version or a later one already
        }
    }

    /**
     * Removes the document of a version its session never announced (left by a crash between the D.Hasil write and
     * the session write); true if there was one. Only for a version the session has not finalized.
     */
    public boolean discardUnannounced(String ballotType, String regionCode, int version) {
        if (latestVersion(ballotType, regionCode) >= version) {
            throw new IllegalStateException("D.Hasil " + ballotType + " " + regionCode + " versi " + version
                    + " sudah diumumkan");
        }
        return mongo.remove(new Query(Criteria.where("_id").is(DHasil.idOf(ballotType, regionCode, version))),
                DHasil.COLLECTION).getDeletedCount() > 0;
    }

    /** An announced version (one the head covers); a document of a crashed, unannounced finalization is not. */
    public Optional<DHasil> findAnnounced(String ballotType, String regionCode, int version) {
        return version < 1 || version > latestVersion(ballotType, regionCode) ? Optional.empty()
                : find(ballotType, regionCode, version);
    }

    public Optional<DHasil> find(String ballotType, String regionCode, int version) {
        return Optional.ofNullable(mongo.findById(DHasil.idOf(ballotType, regionCode, version), DHasil.class));
    }

    public int latestVersion(String ballotType, String regionCode) {
        Document head = mongo.findById(headId(ballotType, regionCode), Document.class, HEADS);
        return head == null ? 0 : head.getInteger("latestVersion", 0);
    }

    public Optional<DHasil> latest(String ballotType, String regionCode) {
        int version = latestVersion(ballotType, regionCode);
        return version == 0 ? Optional.empty() : find(ballotType, regionCode, version);
    }

    /**
     * The latest D.Hasil of several regions without their rows (what a tier above sums: the children's totals), in
     * the order given; regions without one are left out. The rows are not read at all (projection).
     */
    public List<Summary> latestSummariesOf(String ballotType, List<String> regionCodes) {
        List<Summary> out = new ArrayList<>();
        for (String code : regionCodes) {
            int version = latestVersion(ballotType, code);
            if (version == 0) {
                continue;
            }
            Query query = new Query(Criteria.where("_id").is(DHasil.idOf(ballotType, code, version)));
            query.fields().include("regionCode", "regionName", "version", "keys", "total");
            Document d = mongo.findOne(query, Document.class, DHasil.COLLECTION);
            if (d != null) {
                out.add(new Summary(d.getString("regionCode"), d.getString("regionName"), d.getInteger("version"),
                        List.copyOf(d.getList("keys", String.class)), Packed.unpack(d.getString("total"))));
            }
        }
        return out;
    }

    /** A D.Hasil's identity and total (no rows). */
    public record Summary(String regionCode, String regionName, int version, List<String> keys, long[] total) {

        public static Summary of(DHasil d) {
            return new Summary(d.getRegionCode(), d.getRegionName(), d.getVersion(), d.getKeys(), d.totalNumbers());
        }
    }

    /**
     * Checks a stored D.Hasil: the SHA-256 of its canonical encoding equals the stored hash, the signature over it is
     * valid for this service's key, and the total equals the sum of its rows.
     */
    public Verification verify(DHasil d) {
        byte[] canonical = DHasilCanonical.encode(d);
        String sha = DHasilSigner.sha256Hex(canonical);
        boolean hashOk = sha.equals(d.getSha256());
        boolean keyKnown = signer.keyId().equals(d.getKeyId());
        boolean signatureOk = keyKnown && signer.verify(canonical, d.getSignature());
        boolean sumOk;
        try {
            sumOk = Arrays.equals(d.sumOfRows(), d.totalNumbers());
        } catch (RuntimeException e) {
            sumOk = false;
        }
        boolean valid = hashOk && signatureOk && sumOk;
        List<String> notes = new ArrayList<>();
        if (!hashOk) {
            notes.add("SHA-256 isi dokumen tidak sama dengan hash yang tercatat: dokumen telah diubah.");
        }
        if (!keyKnown) {
            notes.add("Dokumen ditandatangani dengan kunci lain (" + d.getKeyId() + "), bukan kunci layanan ini.");
        } else if (!signatureOk) {
            notes.add("Tanda tangan Ed25519 tidak cocok dengan isi dokumen.");
        }
        if (!sumOk) {
            notes.add("Jumlah total tidak sama dengan jumlah baris.");
        }
        if (signer.isDev()) {
            notes.add("PERHATIAN: kunci tanda tangan ini KUNCI PENGEMBANGAN (DEV ONLY), bukan kunci resmi KPU.");
        }
        return new Verification(valid, valid ? "SAH: isi, hash dan tanda tangan D.Hasil cocok."
                : "TIDAK SAH: D.Hasil ini tidak lolos pemeriksaan.", d.getSha256(), sha, hashOk, signatureOk, sumOk,
                "Ed25519", signer.keyId(), signer.publicKeyBase64(), signer.isDev(), notes);
    }

    private static String headId(String ballotType, String regionCode) {
        return ballotType + "|" + regionCode;
    }

    /** Answer of the public verification endpoint. */
    public record Verification(boolean valid, String result, String storedSha256, String computedSha256,
                               boolean hashMatches, boolean signatureValid, boolean totalsMatchRows, String algorithm,
                               String keyId, String publicKey, boolean devKey, List<String> notes) {
    }
}
