package id.pemilu.desk;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.test.Tokens;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The registry every desk test shares (one fake recap-service for the whole test run, so Spring reuses one context):
 * kelurahan Gambir (6 TPS) and Cideng (4) in kecamatan Gambir, Pasar Baru (2) in Sawah Besar — all Jakarta Pusat —
 * and Penjaringan (2) in Jakarta Utara. Each test class uses its own TPS.
 */
public final class Fixtures {

    public static final String GAMBIR = "31.71.01";
    public static final String DESA_GAMBIR = "31.71.01.1001";
    public static final String DESA_CIDENG = "31.71.01.1002";
    public static final String DESA_PASAR_BARU = "31.71.02.1001";
    public static final String DESA_PENJARINGAN = "31.72.01.1001";
    public static final int DPT = 250;

    public static final FakeRecap RECAP = new FakeRecap();

    static {
        for (int n = 1; n <= 6; n++) {
            RECAP.tps(DESA_GAMBIR + ".00" + n, DPT);
        }
        for (int n = 1; n <= 4; n++) {
            RECAP.tps(DESA_CIDENG + ".00" + n, 240);
        }
        RECAP.tps(DESA_PASAR_BARU + ".001", 230).tps(DESA_PASAR_BARU + ".002", 230);
        RECAP.tps(DESA_PENJARINGAN + ".001", 260).tps(DESA_PENJARINGAN + ".002", 260);
    }

    private Fixtures() {
    }

    public static void properties(DynamicPropertyRegistry registry) {
        registry.add("pemilu.desk.recap-service-url", RECAP::url);
        registry.add("pemilu.desk.region", () -> "31");
        registry.add("pemilu.desk.public-cache", () -> "0s");
    }

    public static RequestPostProcessor pelapor(String username, String regionCode) {
        return Tokens.as(username, Roles.DESK_PELAPOR, Map.of(Caller.REGION_CODE_CLAIM, regionCode));
    }

    public static RequestPostProcessor desk(String username, String regionCode) {
        return Tokens.as(username, Roles.DESK_PILKADA, Map.of(Caller.REGION_CODE_CLAIM, regionCode));
    }

    /** The national desk (Kemendagri): role {@code desk-nasional}, no region claim. */
    public static RequestPostProcessor nasional(String username) {
        return Tokens.as(username, DeskRoles.NATIONAL_ROLE, Map.of());
    }

    /** A JSON report body: candidate votes, then valid, invalid, total; reason may be null. */
    public static String body(String reason, int... numbers) {
        StringBuilder candidates = new StringBuilder();
        for (int i = 0; i < numbers.length - 3; i++) {
            candidates.append(i == 0 ? "" : ",").append(numbers[i]);
        }
        return "{\"candidates\":[" + candidates + "],\"valid\":" + numbers[numbers.length - 3] + ",\"invalid\":"
                + numbers[numbers.length - 2] + ",\"total\":" + numbers[numbers.length - 1]
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }
}
