package id.pemilu.portal.ballot;

import id.pemilu.common.ballot.BallotType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ballot types the portal knows (common's {@link BallotType}, the suite's one list), in ballot order, with their
 * names in Bahasa Indonesia, keyed by the code the APIs carry. Every page takes the names from here; which of them a TPS has is {@link TpsBallots}.
 */
public final class BallotTypes {

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        for (BallotType type : BallotType.values()) {
            ALL.put(type.name(), type.label());
        }
    }

    /** Every ballot type with its name, in ballot order (read-only). */
    public static final Map<String, String> NAMES = Collections.unmodifiableMap(ALL);

    private BallotTypes() {
    }

    public static boolean known(String type) {
        return type != null && ALL.containsKey(type);
    }

    /** The name of a ballot type; an unknown code stays as it is. */
    public static String name(String type) {
        return ALL.getOrDefault(type, type);
    }

    /** The type itself if known; else an {@link IllegalArgumentException} (a 400 page) in words. */
    public static String valid(String type) {
        if (!known(type)) {
            throw new IllegalArgumentException("Jenis surat suara tidak dikenal.");
        }
        return type;
    }
}
