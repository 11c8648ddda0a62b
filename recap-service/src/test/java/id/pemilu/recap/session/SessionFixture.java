package id.pemilu.recap.session;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.ConfirmCommand;
import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultService;
import id.pemilu.recap.result.TpsResult;
import id.pemilu.recap.testdata.Forms;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Confirms consistent PPWP results for the TPS of a region through the service layer, as their KPPS officers. */
final class SessionFixture {

    private SessionFixture() {
    }

    static Caller kpps(String tps) {
        return new Caller("kpps-" + tps, Set.of(Roles.KPPS), tps, null, null);
    }

    static Caller officer(String role, String region) {
        return new Caller(role + "-" + region, Set.of(role), null, region, null);
    }

    /** Votes of a TPS, derived from its number so every TPS differs. */
    static int[] votesOf(Station s) {
        int n = s.code().number();
        int a = 40 + n % 7;
        int b = 60 + n % 11;
        int c = 30 + n % 5;
        return new int[] {a, b, c};
    }

    static Map<String, Integer> formOf(Station s) {
        return Forms.consistent(s.dptMen(), s.dptWomen(), 3, votesOf(s));
    }

    static List<FieldValue> values(Map<String, Integer> form) {
        return form.entrySet().stream().map(e -> new FieldValue(e.getKey(), e.getValue())).toList();
    }

    /** Confirms every TPS of {@code region} that {@code include} accepts and that has no result yet. */
    static int fill(TpsRegistry registry, ResultService results, String region, Predicate<String> include) {
        int count = 0;
        for (String desa : registry.desaUnder(region)) {
            for (Station s : registry.stationsOf(desa)) {
                if (!include.test(s.code().value()) || results.find(s.code(), BallotType.PPWP).isPresent()) {
                    continue;
                }
                results.confirm(kpps(s.code().value()), s.code(), BallotType.PPWP,
                        new ConfirmCommand(null, values(formOf(s)), null), null);
                count++;
            }
        }
        return count;
    }

    /** Sum of one key over the counted results of a region, read back from the results. */
    static long countedSum(TpsRegistry registry, ResultService results, String region, String key) {
        long sum = 0;
        for (String desa : registry.desaUnder(region)) {
            for (Station s : registry.stationsOf(desa)) {
                TpsResult r = results.find(s.code(), BallotType.PPWP).orElse(null);
                if (r != null && r.getStatus().counted()) {
                    sum += r.valueMap().getOrDefault(key, 0);
                }
            }
        }
        return sum;
    }
}
