package id.pemilu.candidates.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class NominationRequirementsBindingTest {

    @Autowired
    NominationRequirements requirements;

    @Test
    void theDocumentListAndElectionDayComeFromApplicationYml() {
        assertThat(requirements.electionDay()).isEqualTo(LocalDate.of(2029, 2, 14));
        assertThat(requirements.minAge()).isEqualTo(21);
        assertThat(requirements.documents()).extracting(NominationRequirements.DocumentRule::type)
                .containsExactly("KTP", "IJAZAH", "SURAT_SEHAT", "SKCK", "SURAT_PENGUNDURAN_DIRI");
        NominationRequirements.DocumentRule resignation = requirements.documents().get(4);
        assertThat(resignation.appliesTo("PNS")).isTrue();
        assertThat(resignation.appliesTo("SWASTA")).isFalse();
        assertThat(requirements.documents().get(0).appliesTo("SWASTA")).isTrue();
    }
}
