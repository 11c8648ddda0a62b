package id.pemilu.recap.session;

import id.pemilu.recap.tier.Tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.recap.result.Flag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tiers, who may act where, and the sum checks on a region's figures. */
class SessionRulesTest {

    @Test
    void tiersFollowTheRegionCode() {
        assertThat(Tier.of("31.71.01")).isEqualTo(Tier.KECAMATAN);
        assertThat(Tier.of("31.71")).isEqualTo(Tier.KABKOTA);
        assertThat(Tier.of("31")).isEqualTo(Tier.PROVINSI);
        assertThat(Tier.of("ID")).isEqualTo(Tier.NASIONAL);
        assertThat(Tier.KECAMATAN.parentRegion("31.71.01")).isEqualTo("31.71");
        assertThat(Tier.PROVINSI.parentRegion("31")).isEqualTo("ID");
        assertThat(Tier.KECAMATAN.above()).isEqualTo(Tier.KABKOTA);
        assertThat(Tier.NASIONAL.above()).isNull();
        assertThatThrownBy(() -> Tier.of("31.71.01.1001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWitnessActsWhereTheirRegionAndTheSessionsContainOneAnother() {
        Caller gambir = new Caller("s", Set.of(Roles.SAKSI), null, "31.71.01", "pnb");
        assertThat(SessionAccess.witnessOf(gambir, "31.71.01")).isTrue();
        assertThat(SessionAccess.witnessOf(gambir, "31.71")).isTrue();
        assertThat(SessionAccess.witnessOf(gambir, "ID")).isTrue();
        assertThat(SessionAccess.witnessOf(gambir, "31.71.02")).isFalse();
        assertThat(SessionAccess.witnessOf(gambir, "31.71.010")).isFalse();
        Caller noRole = new Caller("s", Set.of(Roles.PARTY_OPERATOR), null, "31.71.01", "pnb");
        assertThat(SessionAccess.witnessOf(noRole, "31.71.01")).isFalse();
        Caller noRegion = new Caller("s", Set.of(Roles.SAKSI), null, null, "pnb");
        assertThat(SessionAccess.witnessOf(noRegion, "31.71.01")).isFalse();
    }

    @Test
    void onlyTheTierAboveOrKpuRiReopens() {
        SessionAccess access = new SessionAccess();
        Caller kab = new Caller("k", Set.of(Roles.KPU_KABKOTA), null, "31.71", null);
        assertThat(access.requireReopener(kab, Tier.KECAMATAN, "31.71.01")).isEqualTo(Roles.KPU_KABKOTA);
        assertThatThrownBy(() -> access.requireReopener(kab, Tier.KECAMATAN, "31.72.01"));
        assertThatThrownBy(() -> access.requireReopener(kab, Tier.KABKOTA, "31.71"));
        Caller ppk = new Caller("p", Set.of(Roles.PPK), null, "31.71.01", null);
        assertThatThrownBy(() -> access.requireReopener(ppk, Tier.KECAMATAN, "31.71.01"));
        Caller ri = new Caller("r", Set.of(Roles.KPU_RI), null, null, null);
        assertThat(access.requireReopener(ri, Tier.NASIONAL, "ID")).isEqualTo(Roles.KPU_RI);
    }

    @Test
    void regionFiguresMustStillAddUp() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("voted.all.total", 1000L);
        f.put("ballots.received", 1100L);
        f.put("ballots.used", 1000L);
        f.put("ballots.unused", 90L);
        f.put("ballots.damaged", 10L);
        f.put("votes.candidate.1", 600L);
        f.put("votes.candidate.2", 380L);
        f.put("votes.valid", 980L);
        f.put("votes.invalid", 20L);
        f.put("votes.total", 1000L);
        assertThat(SessionService.aggregateChecks(f)).isEmpty();
        f.put("votes.candidate.1", 601L);
        assertThat(SessionService.aggregateChecks(f)).extracting(Flag::code).containsExactly("VOTES_SUM");
    }
}
