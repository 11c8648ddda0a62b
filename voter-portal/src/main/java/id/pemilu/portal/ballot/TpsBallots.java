package id.pemilu.portal.ballot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The ballot types a TPS actually has, decided by its region: PPWP, DPR, DPD and DPRD provinsi everywhere; DPRD
 * kab/kota except in a province whose kab/kota are administrative (DKI Jakarta); the gubernur ballot where the
 * province holds a Pilkada at this election, the bupati/wali kota ballot where the kab/kota does (never in an
 * administrative kab/kota).
 */
@Component
@EnableConfigurationProperties(BallotProperties.class)
public class TpsBallots {

    private final BallotProperties properties;

    TpsBallots(BallotProperties properties) {
        this.properties = properties;
    }

    /** The types of this TPS (a code like 31.71.01.1001.004), in ballot order. */
    public List<String> of(String tpsCode) {
        String province = tpsCode.length() >= 2 ? tpsCode.substring(0, 2) : tpsCode;
        String kabKota = tpsCode.length() >= 5 ? tpsCode.substring(0, 5) : tpsCode;
        boolean administrative = properties.withoutDprdKabKota().contains(province);
        List<String> types = new ArrayList<>();
        for (String type : BallotTypes.NAMES.keySet()) {
            boolean has = switch (type) {
                case "DPRD_KABKOTA" -> !administrative;
                case "PILKADA_GUBERNUR" -> properties.pilkada().contains(province);
                case "PILKADA_BUPATI" -> !administrative && properties.pilkada().contains(kabKota);
                default -> true;
            };
            if (has) {
                types.add(type);
            }
        }
        return types;
    }
}
