package id.pemilu.candidates.nomination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Turns operator input into stored candidates: the NIK is replaced by its keyed hash, a person keeps their public
 * candidate id across edits, and a KPU verdict is kept only while the candidate's data is unchanged.
 */
class CandidateFactory {

    private final UnaryOperator<String> nikHasher;

    CandidateFactory(UnaryOperator<String> nikHasher) {
        this.nikHasher = nikHasher;
    }

    static final int MAX_CANDIDATES = 50;

    List<Candidate> build(List<CandidateInput> inputs, List<Candidate> previous) {
        if (inputs.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("Satu daftar paling banyak " + MAX_CANDIDATES + " calon.");
        }
        Map<String, Candidate> before = previous.stream()
                .collect(Collectors.toMap(Candidate::nikHash, Function.identity(), (a, b) -> a));
        Map<String, Candidate> byId = previous.stream()
                .collect(Collectors.toMap(Candidate::candidateId, Function.identity(), (a, b) -> a));
        List<Candidate> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            CandidateInput in = inputs.get(i);
            if (in == null) {
                throw new IllegalArgumentException("Calon posisi " + (i + 1) + " kosong.");
            }
            String nikHash;
            String nikMasked;
            if ((in.nik() == null || in.nik().isBlank()) && in.candidateId() != null) {
                // a candidate already on the list, named by id: keeps the NIK given when they were added
                Candidate kept = byId.get(in.candidateId());
                if (kept == null) {
                    throw new IllegalArgumentException("Calon posisi " + (i + 1) + " (" + in.candidateId()
                            + ") tidak ada di daftar ini; calon baru diisi dengan NIK.");
                }
                nikHash = kept.nikHash();
                nikMasked = kept.nikMasked();
            } else {
                Nik nik = new Nik(in.nik());
                nikHash = nikHasher.apply(nik.value());
                nikMasked = nik.masked();
            }
            LocalDate birthDate;
            try {
                birthDate = in.birthDate() == null ? null : LocalDate.parse(in.birthDate().trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Tanggal lahir calon posisi " + (i + 1)
                        + " harus berformat TTTT-BB-HH, contoh 1985-04-17.");
            }
            List<String> documents = in.documents() == null ? List.of()
                    : in.documents().stream().filter(d -> d != null && !d.isBlank()).map(d -> d.trim().toUpperCase())
                    .distinct().sorted().toList();
            CandidateFacts facts = new CandidateFacts(nikHash, in.name(), Gender.parse(in.gender()), birthDate,
                    in.education(), in.occupation(), Set.copyOf(documents),
                    Boolean.TRUE.equals(in.formerConvict()), Boolean.TRUE.equals(in.convictionDisclosed()));
            Candidate earlier = before.get(nikHash);
            Candidate candidate = new Candidate(earlier == null ? UUID.randomUUID().toString() : earlier.candidateId(),
                    nikHash, nikMasked, facts.name(), facts.gender(), birthDate, in.address(), facts.education(),
                    facts.occupation(), documents, facts.formerConvict(), facts.convictionDisclosed(),
                    Boolean.TRUE.equals(in.cvConsent()), in.cv(), null, null);
            if (earlier != null && earlier.sameDataAs(candidate)) {
                candidate = candidate.withVerdict(earlier.verdict(), earlier.verdictReason());
            }
            result.add(candidate);
        }
        return result;
    }
}
