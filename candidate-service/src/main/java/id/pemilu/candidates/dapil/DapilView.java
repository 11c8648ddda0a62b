package id.pemilu.candidates.dapil;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import java.util.List;

/** A dapil as the API shows it (public and staff). */
public record DapilView(String code, String name, ElectoralBody body, String areaCode, int seats,
                        List<RegionRef> regions, DapilStage stage, int dctVersion) {

    public record RegionRef(String code, String name) {
    }

    public static DapilView of(Dapil dapil) {
        Wilayah wilayah = Wilayah.indonesia();
        List<RegionRef> regions = dapil.getRegionCodes().stream()
                .map(code -> new RegionRef(code, wilayah.find(code).map(Region::name).orElse(code))).toList();
        return new DapilView(dapil.getCode(), dapil.getName(), dapil.getBody(), dapil.getAreaCode(), dapil.getSeats(),
                regions, dapil.getStage(), dapil.getDctVersion());
    }
}
