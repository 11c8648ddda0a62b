package id.pemilu.partyregistry.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A random sample of a kab/kota's members for factual verification, drawn from a published seed: each member id is
 * ranked by SHA-256("seed:memberId") and the lowest {@code size} are taken. Anyone with the seed and the list of
 * member ids gets the same sample.
 */
public record FactualSample(String id, String partyId, String kabKotaCode, String seed, int size, int population,
                            List<String> memberIds, String drawnBy, Instant drawnAt) {

    public static List<String> draw(String seed, Collection<String> memberIds, int size) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("Benih (seed) undian wajib diisi.");
        }
        if (size < 1) {
            throw new IllegalArgumentException("Ukuran sampel minimal 1.");
        }
        return memberIds.stream().distinct().sorted(Comparator.comparing((String id) -> rank(seed, id))
                .thenComparing(Comparator.naturalOrder())).limit(size).toList();
    }

    static String rank(String seed, String memberId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + ":" + memberId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 10 % of the members, at least 10 (or all when fewer). */
    public static int defaultSize(int population) {
        return Math.min(population, Math.max(10, (population + 9) / 10));
    }
}
