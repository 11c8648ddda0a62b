package id.pemilu.recap.signing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One Ed25519 signing key of the service (JDK only): from a configured 32-byte seed (base64), or a <b>dev-only</b>
 * key generated once and kept in its own store collection, so a restart on the same data still verifies. Each use
 * (D.Hasil, transparency-log heads) has its own key, setting and collection.
 */
public final class Ed25519Key {

    private final KeyPair keys;
    private final boolean dev;
    private final String keyId;

    private Ed25519Key(byte[] seed, boolean dev) {
        this.keys = keyPairOf(seed);
        this.dev = dev;
        this.keyId = keyIdOf(keys.getPublic());
    }

    /**
     * The key of {@code configuredSeed} (base64 of 32 bytes), or without one the dev-only key kept in
     * {@code devCollection} (generated on first use).
     *
     * @param setting the environment variable that sets it, for the messages
     */
    public static Ed25519Key load(String configuredSeed, String setting, MongoTemplate mongo, String devCollection) {
        if (configuredSeed != null && !configuredSeed.isBlank()) {
            byte[] seed;
            try {
                seed = Base64.getDecoder().decode(configuredSeed.trim());
            } catch (IllegalArgumentException e) {
                seed = new byte[0];
            }
            if (seed.length != 32) {
                throw new IllegalArgumentException(setting + " harus 32 byte (seed Ed25519) dalam base64");
            }
            return new Ed25519Key(seed, false);
        }
        return new Ed25519Key(devSeed(mongo, devCollection, setting), true);
    }

    private static byte[] devSeed(MongoTemplate mongo, String collection, String setting) {
        Document stored = mongo.findById("dev", Document.class, collection);
        if (stored != null) {
            return Base64.getDecoder().decode(stored.getString("seed"));
        }
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        try {
            mongo.insert(new Document("_id", "dev").append("seed", Base64.getEncoder().encodeToString(seed))
                    .append("note", "DEV ONLY - generated because " + setting + " is unset"), collection);
            return seed;
        } catch (org.springframework.dao.DuplicateKeyException anotherReplica) {
            // another replica generated it first: every replica signs with that one
            return Base64.getDecoder().decode(mongo.findById("dev", Document.class, collection).getString("seed"));
        }
    }

    /** The Ed25519 key pair of a 32-byte seed (the JDK generator draws exactly the seed from its random source). */
    public static KeyPair keyPairOf(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(byte[] bytes, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.getPublic());
            verifier.update(bytes);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** First 8 bytes (hex) of the SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public boolean isDev() {
        return dev;
    }

    /** X.509 (SubjectPublicKeyInfo) encoding, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** A "random" source that yields the seed: lets the JDK derive the Ed25519 key pair of a given private key. */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected Ed25519 key length " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
