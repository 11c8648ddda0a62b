package id.pemilu.candidates.nomination;

import java.util.List;

/**
 * A candidate as a party operator sends it.
 *
 * @param birthDate           ISO date, e.g. 1985-04-17
 * @param documents           document types handed in (KTP, IJAZAH, SURAT_SEHAT, SKCK, SURAT_PENGUNDURAN_DIRI)
 * @param cvConsent           the candidate agreed to publish the CV
 * @param cv                  short public CV (education, work, organisations); shown only with consent
 * @param candidateId         instead of {@code nik}: a candidate already on this list keeps their NIK (a screen that
 *                            only ever saw the masked NIK can still reorder or edit the list)
 */
public record CandidateInput(String nik, String name, String gender, String birthDate, String address,
                             String education, String occupation, List<String> documents, Boolean formerConvict,
                             Boolean convictionDisclosed, Boolean cvConsent, String cv, String candidateId) {
}
