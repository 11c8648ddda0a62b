package id.pemilu.recap.determination;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * How contenders with equal votes (or an equal Sainte-Laguë quotient) are ordered, in this order:
 * <ol>
 *   <li>the wider spread of votes: more regions (one tier below the contest's regions) with at least one vote
 *       (UU 7/2017 Pasal 416 and 422 prefer the wider spread);</li>
 *   <li>for candidates only: a woman before a man (Pasal 422 "mempertimbangkan keterwakilan perempuan");</li>
 *   <li>drawing by lot with a published seed: the lower SHA-256 of {@code seed|scope|id} (hex) first. The seed is
 *       published before the count (configuration {@code pemilu.recap.determination.seed}) and printed with every
 *       determination, so anyone can redo the draw, and nobody can choose it after seeing the numbers.</li>
 * </ol>
 */
public record TieBreak(String seed) {

    public TieBreak {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("Benih undian wajib diisi");
        }
    }

    /** Orders contenders that are tied: the one that should win first. {@code scope} names the contest. */
    public Comparator<Contender> order(String scope, boolean candidates) {
        Comparator<Contender> bySpread = Comparator.comparingInt(Contender::spread).reversed();
        if (candidates) {
            bySpread = bySpread.thenComparing(c -> !c.woman());
        }
        return bySpread.thenComparing(c -> lot(scope, c.id()));
    }

    /** The lot value of a contender (lower wins); published so the draw can be redone. */
    public String lot(String scope, String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + scope + "|" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Explains in Bahasa Indonesia why the first of {@code tied} (already ordered) won. */
    public String explain(String scope, List<Contender> tied, boolean candidates, String what) {
        Contender first = tied.get(0);
        Contender second = tied.get(1);
        List<String> names = new ArrayList<>();
        tied.forEach(c -> names.add(c.name()));
        String reason;
        if (first.spread() != second.spread()) {
            reason = "persebaran suara lebih luas (" + first.spread() + " wilayah, lawan " + second.spread() + ")";
        } else if (candidates && first.woman() != second.woman()) {
            reason = "persebaran sama (" + first.spread() + " wilayah); keterwakilan perempuan";
        } else {
            reason = "persebaran sama (" + first.spread() + " wilayah); undian dengan benih \"" + seed
                    + "\": SHA-256(benih|" + scope + "|" + first.id() + ") = " + lot(scope, first.id()).substring(0, 12)
                    + "… paling kecil";
        }
        return "Seri " + what + " antara " + String.join(", ", names) + ": " + first.name() + " didahulukan karena "
                + reason + ".";
    }
}
