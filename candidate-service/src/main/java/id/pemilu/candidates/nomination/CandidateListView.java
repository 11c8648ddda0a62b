package id.pemilu.candidates.nomination;

import id.pemilu.candidates.dapil.DapilStage;
import id.pemilu.candidates.dapil.ElectoralBody;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A list as staff and the nominating party see it, with every rule violation. */
public record CandidateListView(String listId, String dapilCode, ElectoralBody body, String partyId, int seats,
                                DapilStage dapilStage, ListStatus status, boolean inDcs,
                                List<CandidateView> candidates, List<Violation> violations, List<ListChange> changes) {

    public record CandidateView(int position, String candidateId, String nikMasked, String name, String gender,
                                LocalDate birthDate, String address, String education, String occupation,
                                List<String> documents, boolean formerConvict, boolean convictionDisclosed,
                                boolean cvConsent, String cv, Verdict verdict, String verdictReason) {
    }

    static CandidateListView of(CandidateList list, int seats, DapilStage stage, List<Violation> violations) {
        List<CandidateView> candidates = new ArrayList<>();
        List<Candidate> stored = list.getCandidates();
        for (int i = 0; i < stored.size(); i++) {
            Candidate c = stored.get(i);
            candidates.add(new CandidateView(i + 1, c.candidateId(), c.nikMasked(), c.name(), c.gender().name(),
                    c.birthDate(), c.address(), c.education(), c.occupation(), c.documents(), c.formerConvict(),
                    c.convictionDisclosed(), c.cvConsent(), c.cv(), c.verdict(), c.verdictReason()));
        }
        return new CandidateListView(list.getId(), list.getDapilCode(), list.getBody(), list.getPartyId(), seats, stage,
                list.getStatus(), list.isInDcs(), candidates, violations, list.getChanges());
    }
}
