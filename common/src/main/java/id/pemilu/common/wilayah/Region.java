package id.pemilu.common.wilayah;

/** One region: its Kemendagri code, name, tier and the code of the region it belongs to (null for a province). */
public record Region(String code, String name, RegionLevel level, String parentCode) {
}
