package id.pemilu.recap.dhasil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Issues (hash, sign, store once) and reads D.Hasil. A D.Hasil is inserted, never updated; {@code dhasil_heads}
 * (id {@code <ballotType>|<regionCode>}) remembers the latest version of each region so readers need no scan.
 */
@Service
public class DHasilService {

    static final String HEADS = "dhasil_heads";

    private final MongoTemplate mongo;
    private final DHasilSigner signer;
    DHasilService(MongoTemplate mongo, DHasilSigner signer) {
        this.mongo = mongo;
        this.signer = signer;
    }

    /**
     * Hashes and signs a draft and stores it (once: a second issue of the same id fails). The caller makes it
     * durable with its next write's commit (the session write that announces it).
     */
    public DHasil issue(DHasil draft) {
        byte[] canonical = DHasilCanonical.encode(draft);
        draft.sign(DHasilSigner.sha256Hex(canonical), signer.sign(canonical), signer.keyId(), signer.isDev());
        mongo.insert(draft);
        mongo.save(new Document("_id", headId(draft.getBallotType(), draft.getRegionCode()))
                .append("latestVersion", draft.getVersion()).append("sha256", draft.getSha256()), HEADS);
        return draft;
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

    /** The latest D.Hasil of several regions (one read per region, by id). */
    public List<DHasil> latestOf(String ballotType, List<String> regionCodes) {
        List<DHasil> out = new ArrayList<>();
        for (String code : regionCodes) {
            latest(ballotType, code).ifPresent(out::add);
        }
        return out;
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
