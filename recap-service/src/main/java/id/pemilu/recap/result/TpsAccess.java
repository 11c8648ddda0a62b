package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Who may touch which TPS: a KPPS token is bound to one TPS, PPK/KPU/Bawaslu to their region. */
@Component
public class TpsAccess {

    static final Set<String> REGION_ROLES = Set.of(Roles.PPK, Roles.KPU_KABKOTA, Roles.KPU_PROVINSI, Roles.KPU_RI);
    /** PPK/KPU tiers and Bawaslu: who may read what happens in a region. */
    public static final Set<String> REGION_OR_BAWASLU = Set.of(Roles.PPK, Roles.KPU_KABKOTA, Roles.KPU_PROVINSI,
            Roles.KPU_RI, Roles.BAWASLU);

    private final TpsRegistry registry;

    TpsAccess(TpsRegistry registry) {
        this.registry = registry;
    }

    /** The KPPS officer of a TPS; anybody else gets 403. Returns the registry entry. */
    public Station requireOwnTps(Caller caller, TpsCode tps) {
        if (!caller.hasRole(Roles.KPPS) || !tps.value().equals(caller.tpsCode())) {
            throw DomainException.notPermitted("Token KPPS ini hanya berlaku untuk TPS " + caller.tpsCode() + ".");
        }
        return station(tps);
    }

    /** KPPS of the TPS, or staff whose region covers it (read access). */
    public void requireCanRead(Caller caller, TpsCode tps) {
        boolean own = caller.hasRole(Roles.KPPS) && tps.value().equals(caller.tpsCode());
        boolean staff = (REGION_ROLES.stream().anyMatch(caller::hasRole) || caller.hasRole(Roles.BAWASLU))
                && caller.coversRegion(tps.desaCode());
        if (!own && !staff) {
            throw DomainException.notPermitted("TPS " + tps + " berada di luar wilayah Anda.");
        }
    }

    /** PPK or KPU whose region covers the TPS (reconciliation). */
    public String requireRegionOfficer(Caller caller, TpsCode tps) {
        String role = REGION_ROLES.stream().filter(caller::hasRole).sorted().findFirst().orElse(null);
        if (role == null || !caller.coversRegion(tps.desaCode())) {
            throw DomainException.notPermitted("Hanya PPK/KPU yang wilayahnya mencakup TPS " + tps
                    + " dapat memeriksa.");
        }
        return role;
    }

    public Station station(TpsCode tps) {
        return registry.find(tps).orElseThrow(() -> DomainException.notFound("TPS " + tps
                + " tidak ada di daftar TPS."));
    }
}
