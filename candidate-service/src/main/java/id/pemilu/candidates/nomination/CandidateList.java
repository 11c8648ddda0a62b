package id.pemilu.candidates.nomination;

import id.pemilu.candidates.dapil.ElectoralBody;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One party's candidate list in one dapil (for DPD: the individual candidates of the province). */
@Document("candidate_lists")
public class CandidateList {

    /** Party id used for the DPD list of individual candidates. */
    public static final String INDIVIDUAL = "perseorangan";

    @Id
    private String id;
    private String dapilCode;
    private ElectoralBody body;
    private String partyId;
    private ListStatus status = ListStatus.DRAFT;
    private boolean inDcs;
    private List<Candidate> candidates = new ArrayList<>();
    private List<ListChange> changes = new ArrayList<>();
    @Version
    private Long version;

    protected CandidateList() {
    }

    CandidateList(String dapilCode, ElectoralBody body, String partyId) {
        this.id = idOf(dapilCode, partyId);
        this.dapilCode = dapilCode;
        this.body = body;
        this.partyId = partyId;
    }

    public static String idOf(String dapilCode, String partyId) {
        return dapilCode + ":" + partyId;
    }

    void replaceCandidates(List<Candidate> newCandidates, ListStatus newStatus, ListChange change) {
        candidates = new ArrayList<>(newCandidates);
        status = newStatus;
        changes.add(change);
    }

    void changeStatus(ListStatus newStatus, ListChange change) {
        status = newStatus;
        changes.add(change);
    }

    /** A copy with other candidates, for checking a change before it is saved. */
    CandidateList withCandidates(List<Candidate> newCandidates) {
        CandidateList copy = new CandidateList(dapilCode, body, partyId);
        copy.candidates = new ArrayList<>(newCandidates);
        copy.status = status;
        copy.inDcs = inDcs;
        return copy;
    }

    void markInDcs() {
        inDcs = true;
    }

    public ListUnderCheck underCheck(int seats) {
        return new ListUnderCheck(id, body, dapilCode, partyId, seats, candidates.stream().map(Candidate::facts)
                .toList());
    }

    public String getId() {
        return id;
    }

    public String getDapilCode() {
        return dapilCode;
    }

    public ElectoralBody getBody() {
        return body;
    }

    public String getPartyId() {
        return partyId;
    }

    public ListStatus getStatus() {
        return status;
    }

    public boolean isInDcs() {
        return inDcs;
    }

    public List<Candidate> getCandidates() {
        return List.copyOf(candidates);
    }

    public List<ListChange> getChanges() {
        return List.copyOf(changes);
    }

    public Long getVersion() {
        return version;
    }
}
