package id.pemilu.partyregistry.party;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequirementsTest {

    static final Wilayah WILAYAH = Wilayah.indonesia();
    final Requirements requirements = new Requirements(WILAYAH);

    /** Offices everywhere the law asks (every province, 75 % kab/kota, 50 % kecamatan), rounded up. */
    static List<Branch> fullCoverage() {
        List<Branch> branches = new ArrayList<>();
        for (Region province : WILAYAH.childrenOf(null)) {
            branches.add(new Branch(province.code(), null));
            List<Region> kabKota = WILAYAH.childrenOf(province.code());
            for (Region k : kabKota.subList(0, (int) Requirements.ceilPercent(kabKota.size(), 75))) {
                branches.add(new Branch(k.code(), null));
                List<Region> kec = WILAYAH.childrenOf(k.code());
                kec.subList(0, (int) Requirements.ceilPercent(kec.size(), 50))
                        .forEach(c -> branches.add(new Branch(c.code(), null)));
            }
        }
        return branches;
    }

    static List<Leader> leadership(int women, int men) {
        List<Leader> leaders = new ArrayList<>();
        for (int i = 0; i < women; i++) {
            leaders.add(new Leader("Perempuan " + i, "Wakil Ketua", "P"));
        }
        for (int i = 0; i < men; i++) {
            leaders.add(new Leader("Laki-laki " + i, "Wakil Ketua", "L"));
        }
        return leaders;
    }

    static Map<String, Long> members(List<Branch> branches, long each) {
        Map<String, Long> counts = new HashMap<>();
        branches.stream().map(Branch::regionCode).filter(c -> RegionLevel.ofCode(c) == RegionLevel.KABKOTA)
                .forEach(c -> counts.put(c, each));
        return counts;
    }

    @Test
    void aPartyWithEveryOfficeWomenAndMembersMeetsAllRules() {
        List<Branch> branches = fullCoverage();
        RequirementsReport report = requirements.evaluate("p", branches, leadership(3, 7), members(branches, 1000),
                code -> 1000);
        assertThat(report.unmetRules()).isEmpty();
        assertThat(report.met()).isTrue();
    }

    @Test
    void removingOneProvinceOrOneKabKotaFlipsTheReport() {
        List<Branch> branches = new ArrayList<>(fullCoverage());
        branches.removeIf(b -> b.regionCode().equals("31"));
        RequirementsReport report = requirements.evaluate("p", branches, leadership(3, 7), members(branches, 1000),
                code -> 1000);
        assertThat(report.met()).isFalse();
        assertThat(report.unmetRules()).containsExactly(Requirements.PROVINCES);
        assertThat(report.rules().get(0).failing()).containsExactly("31");

        List<Branch> fewerKabKota = new ArrayList<>(fullCoverage());
        String firstKabKotaOfAceh = WILAYAH.childrenOf("11").get(0).code();
        fewerKabKota.removeIf(b -> b.regionCode().equals(firstKabKotaOfAceh));
        RequirementsReport second = requirements.evaluate("p", fewerKabKota, leadership(3, 7),
                members(fewerKabKota, 1000), code -> 1000);
        assertThat(second.unmetRules()).containsExactly(Requirements.KABKOTA);
    }

    @Test
    void womenMustBeAtLeastThirtyPercentRoundedUp() {
        List<Branch> branches = fullCoverage();
        assertThat(requirements.evaluate("p", branches, leadership(2, 5), members(branches, 1000), c -> 1000)
                .unmetRules()).containsExactly(Requirements.WOMEN);
        assertThat(requirements.evaluate("p", branches, leadership(3, 7), members(branches, 1000), c -> 1000)
                .unmetRules()).isEmpty();
    }

    @Test
    void membersPerKabKotaUseTheMinimumOfThatKabKota() {
        List<Branch> branches = fullCoverage();
        Map<String, Long> counts = members(branches, 1000);
        String jakpus = "31.71";
        counts.put(jakpus, 999L);
        RequirementsReport report = requirements.evaluate("p", branches, leadership(3, 7), counts, c -> 1000);
        assertThat(report.unmetRules()).containsExactly(Requirements.MEMBERS);
        assertThat(report.rules().get(4).failing()).containsExactly("31.71: 999/1000 anggota");
        RequirementsReport lower = requirements.evaluate("p", branches, leadership(3, 7), counts,
                c -> c.equals(jakpus) ? 900 : 1000);
        assertThat(lower.met()).isTrue();
    }
}
