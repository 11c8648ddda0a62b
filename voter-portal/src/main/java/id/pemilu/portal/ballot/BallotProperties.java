package id.pemilu.portal.ballot;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which regions hold which of the regional ballots at this election.
 *
 * @param pilkada           codes of the provinces with a gubernur race and of the kab/kota with a bupati/wali kota
 *                          race at this election ({@code PORTAL_PILKADA_REGIONS}, comma separated; the demo: 31 = the
 *                          DKI Jakarta gubernur race); a TPS below a listed code has that Pilkada ballot
 * @param withoutDprdKabKota provinces whose kab/kota are administrative, without a DPRD of their own and without an
 *                          elected bupati/wali kota: 31 = DKI Jakarta (UU 29/2007, kept by UU 2/2024)
 */
@ConfigurationProperties("pemilu.portal.ballots")
public record BallotProperties(List<String> pilkada, List<String> withoutDprdKabKota) {

    public BallotProperties {
        pilkada = pilkada == null ? List.of() : pilkada.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        withoutDprdKabKota = withoutDprdKabKota == null ? List.of("31")
                : withoutDprdKabKota.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
