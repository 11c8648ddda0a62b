package id.pemilu.candidates.dapil;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import java.time.Instant;
import java.util.List;

/** A dapil as the API shows it (public and staff). */
public record DapilView(String code, String name, ElectoralBody body, String areaCode, int seats,
                        List<RegionRef> regions, DapilStage stage, int dctVersion, List<HistoryEntry> history) {

    /** A stage change as the public sees it (the officer's name is kept but not shown). */
    public record HistoryEntry(Instant at, String action, String reason) {
    }

    public record RegionRef(String code, String name) {
    }

    public static DapilView of(Dapil dapil) {
        Wilayah wilayah = Wilayah.indonesia();
        List<RegionRef> regions = dapil.getRegionCodes().stream()
                .map(code -> new RegionRef(code, wilayah.find(code).map(Region::name).orElse(code))).toList();
        return new DapilView(dapil.getCode(), dapil.getName(), dapil.getBody(), dapil.getAreaCode(), dapil.getSeats(),
                regions, dapil.getStage(), dapil.getDctVersion(), dapil.getHistory().stream()
                .map(h -> new HistoryEntry(h.at(), h.action(), h.reason())).toList());
    }
}
