package id.pemilu.candidates.nomination;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The data the nomination rules use (application.yml {@code pemilu.candidates}).
 *
 * @param electionDay     voting day; a candidate must be {@code minAge} years old on that day
 * @param educationLevels education levels from lowest to highest
 * @param minEducation    lowest level accepted (UU 7/2017 art. 240: SMA or equivalent)
 * @param documents       required documents; a document with occupations is required only for those occupations
 */
@ConfigurationProperties("pemilu.candidates")
public record NominationRequirements(LocalDate electionDay, Integer minAge, List<String> educationLevels,
                                     String minEducation, List<DocumentRule> documents) {

    public NominationRequirements {
        electionDay = electionDay == null ? LocalDate.of(2029, 2, 14) : electionDay;
        minAge = minAge == null ? 21 : minAge;
        educationLevels = educationLevels == null || educationLevels.isEmpty()
                ? List.of("SD", "SMP", "SMA", "D3", "S1", "S2", "S3") : List.copyOf(educationLevels);
        minEducation = minEducation == null ? "SMA" : minEducation;
        documents = documents == null ? DEFAULT_DOCUMENTS : List.copyOf(documents);
    }

    /** Documents required when application.yml lists none (PKPU 10/2023 style list; adjust as data). */
    public static final List<DocumentRule> DEFAULT_DOCUMENTS = List.of(
            new DocumentRule("KTP", "KTP-el", List.of()),
            new DocumentRule("IJAZAH", "Ijazah terakhir (legalisir)", List.of()),
            new DocumentRule("SURAT_SEHAT", "Surat keterangan sehat jasmani, rohani dan bebas narkoba", List.of()),
            new DocumentRule("SKCK", "Surat keterangan catatan kepolisian", List.of()),
            new DocumentRule("SURAT_PENGUNDURAN_DIRI", "Surat pengunduran diri yang tidak dapat ditarik kembali",
                    List.of("PNS", "TNI", "POLRI", "BUMN", "BUMD", "KEPALA_DESA")));

    /**
     * @param type        document type id, e.g. SKCK
     * @param label       name shown to the operator
     * @param occupations if not empty, required only for candidates with one of these occupations
     */
    public record DocumentRule(String type, String label, List<String> occupations) {

        public DocumentRule {
            occupations = occupations == null ? List.of() : occupations.stream().map(String::toUpperCase).toList();
        }

        boolean appliesTo(String occupation) {
            return occupations.isEmpty() || occupations.contains(occupation);
        }
    }

    /** The defaults used when application.yml says nothing (also used by tests and the benchmark). */
    public static NominationRequirements defaults(LocalDate electionDay) {
        return new NominationRequirements(electionDay, null, null, null, null);
    }
}
