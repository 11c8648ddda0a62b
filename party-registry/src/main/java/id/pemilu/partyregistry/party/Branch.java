package id.pemilu.partyregistry.party;

import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;

/**
 * A party office (kepengurusan) at a province, kab/kota or kecamatan, identified by its Kemendagri region code.
 *
 * @param address office address (optional)
 */
public record Branch(String regionCode, String address) {

    public Branch {
        if (regionCode == null || Wilayah.indonesia().find(regionCode.strip()).isEmpty()) {
            throw new IllegalArgumentException("Kode wilayah kepengurusan tidak dikenal: " + regionCode);
        }
        regionCode = regionCode.strip();
        if (RegionLevel.ofCode(regionCode) == RegionLevel.DESA) {
            throw new IllegalArgumentException(
                    "Kepengurusan hanya di provinsi, kab/kota atau kecamatan, bukan desa: " + regionCode);
        }
    }
}
