package id.pemilu.recap.dhasil;

import id.pemilu.common.ballot.BallotType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What other components (e.g. the penetapan) read of a finalized D.Hasil: its totals and its children's numbers, by
 * ballot type and region ({@code 31.71.01} kecamatan, {@code 31.71} kab/kota, {@code 31} provinsi, {@code ID}
 * national). Only finalized (signed) documents exist, so everything returned here is legal, not live.
 */
@Component
public class DHasilReader {

    private final DHasilService service;

    DHasilReader(DHasilService service) {
        this.service = service;
    }

    /** The latest finalized D.Hasil of a region, or empty if none was finalized yet. */
    public Optional<DHasilTotals> latest(BallotType ballotType, String regionCode) {
        return service.latest(ballotType.name(), regionCode).map(DHasilReader::totals);
    }

    /** One version (earlier versions stay readable after a reopening). */
    public Optional<DHasilTotals> version(BallotType ballotType, String regionCode, int version) {
        return service.findAnnounced(ballotType.name(), regionCode, version).map(DHasilReader::totals);
    }

    static DHasilTotals totals(DHasil d) {
        List<ChildTotals> children = new ArrayList<>();
        for (DHasil.Row row : d.getRows()) {
            children.add(new ChildTotals(row.code(), row.name(), row.source(), row.sourceVersion(), row.decision(),
                    map(d.getKeys(), row.numbers())));
        }
        return new DHasilTotals(d.getRegionCode(), d.getRegionName(), d.getTier(), d.getBallotType(), d.getVersion(),
                d.getSha256(), d.getFinalizedAt(), map(d.getKeys(), d.totalNumbers()), children);
    }

    private static Map<String, Long> map(List<String> keys, long[] numbers) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < numbers.length; i++) {
            out.put(keys.get(i), numbers[i]);
        }
        return out;
    }

    /**
     * Totals of one finalized D.Hasil.
     *
     * @param totals   C.Hasil keys ({@code votes.candidate.1}, {@code votes.party.3}, {@code votes.valid}, ...) to sums,
     *                 in form order
     * @param children per child (TPS of a kecamatan, else child region) the numbers used; empty map for a TPS with a
     *                 decision (e.g. PSU) instead of numbers
     */
    public record DHasilTotals(String regionCode, String regionName, String tier, String ballotType, int version,
                               String sha256, Instant finalizedAt, Map<String, Long> totals,
                               List<ChildTotals> children) {
    }

    public record ChildTotals(String code, String name, String source, long sourceVersion, String decision,
                              Map<String, Long> values) {
    }
}
