package id.pemilu.candidates.nomination;

import id.pemilu.common.text.Names;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the nomination rules look at for one candidate.
 *
 * @param documents           document types handed in (e.g. IJAZAH, SURAT_SEHAT, SKCK), see NominationRequirements
 * @param occupation          e.g. SWASTA, PNS, TNI, POLRI, BUMN; some occupations require a resignation letter
 * @param convictionDisclosed a former convict publicly announced it (required to stand)
 */
public record CandidateFacts(String nikHash, String name, Gender gender, LocalDate birthDate, String education,
                             String occupation, Set<String> documents, boolean formerConvict,
                             boolean convictionDisclosed) {

    public CandidateFacts {
        if (nikHash == null || nikHash.isBlank()) {
            throw new IllegalArgumentException("NIK calon wajib diisi.");
        }
        name = Names.check(name, "Nama calon", Names.PERSON_MAX);
        if (gender == null) {
            throw new IllegalArgumentException("Jenis kelamin calon " + name + " wajib diisi.");
        }
        if (birthDate == null) {
            throw new IllegalArgumentException("Tanggal lahir calon " + name + " wajib diisi.");
        }
        documents = documents == null ? Set.of() : Set.copyOf(documents);
        education = education == null ? "" : education.trim().toUpperCase();
        occupation = occupation == null ? "" : occupation.trim().toUpperCase();
    }
}
