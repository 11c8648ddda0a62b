package id.pemilu.desk.progress;

import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.desk.registry.TpsDirectory;

/** A region (or one TPS) with its name from common's Kemendagri reference data. */
public record RegionRef(String code, String name, String level) {

    public static RegionRef of(String code) {
        if (TpsDirectory.NATIONAL.equals(code)) {
            return new RegionRef(code, "Indonesia", "NASIONAL");
        }
        if (code.length() == 17) {
            return new RegionRef(code, "TPS " + code.substring(14), "TPS");
        }
        Region region = Wilayah.indonesia().find(code)
                .orElseThrow(() -> DomainException.notFound("Wilayah " + code + " tidak dikenal."));
        return new RegionRef(region.code(), region.name(), region.level().name());
    }
}
