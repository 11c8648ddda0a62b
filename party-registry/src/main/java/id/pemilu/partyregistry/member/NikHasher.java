package id.pemilu.partyregistry.member;

import id.pemilu.common.security.NikHash;

/** The keyed NIK hash of {@link NikHash} with this service's key, so hashes match across services. */
public final class NikHasher {

    private final String key;

    public NikHasher(String key) {
        this.key = key;
    }

    public String hash(String nik) {
        return NikHash.of(nik, key);
    }
}
