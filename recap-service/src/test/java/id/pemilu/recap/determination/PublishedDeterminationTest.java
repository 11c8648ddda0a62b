package id.pemilu.recap.determination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedDeterminationTest {

    @Test
    void theDocumentCarriesResultsDeterminedInItsOwnWrite() {
        DeterminationRules rules = new DeterminationRules(new TieBreak("benih-uji"));
        Determination d = rules.pilkada("PILKADA_BUPATI", "31.71", "Jakarta Pusat",
                List.of(Contender.of("1", "Paslon 1", 300), Contender.of("2", "Paslon 2", 200)), null);
        PublishedDetermination doc = PublishedDetermination.of(d, 3, "sumber uji", "kpu.ri", "kpu-ri", "pleno",
                "{}", DeterminationService.sha256("{}"), Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(doc.getId()).isEqualTo("PILKADA_BUPATI|31.71|3");
        assertThat(doc.getOutbox()).singleElement().satisfies(m -> {
            assertThat(m.eventType()).isEqualTo("ResultsDetermined");
            assertThat(m.payload()).contains("\"determinationVersion\":3").contains("\"status\":\"TERPILIH\"")
                    .contains("\"name\":\"Paslon 1\"").contains(DeterminationService.sha256("{}"));
        });
    }
}
