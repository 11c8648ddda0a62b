package id.pemilu.portal.kpps;

import id.pemilu.portal.backend.RecapApi;
import id.pemilu.portal.backend.ShortLivedCache;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The public facts of a TPS the officer's pages show: where it is (names) and its registered DPT. */
@Component
class TpsInfo {

    record Tps(String code, String place, int dpt) {
    }

    private final RecapApi recap;
    private final ShortLivedCache cache;

    TpsInfo(RecapApi recap, ShortLivedCache cache) {
        this.recap = recap;
        this.cache = cache;
    }

    Tps of(String code) {
        Map<String, Object> tps = cache.get("tps/" + code, () -> recap.object("/api/recap/public/tps/{c}", code));
        if (tps == null) {
            return new Tps(code, "", 0);
        }
        List<String> names = new java.util.ArrayList<>(tps.get("path") instanceof List<?> path ? path.stream()
                .filter(p -> p instanceof Map<?, ?>).map(p -> String.valueOf(((Map<?, ?>) p).get("name")))
                .toList() : List.of());
        java.util.Collections.reverse(names);
        int dpt = tps.get("dpt") instanceof Number n ? n.intValue() : 0;
        return new Tps(code, String.join(", ", names), dpt);
    }
}
