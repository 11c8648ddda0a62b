package id.pemilu.partyregistry.citizen;

import id.pemilu.common.domain.DomainException;
import id.pemilu.partyregistry.party.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's "this is not me / I never joined" complaint against one party's listing. The party answers with
 * evidence before the deadline; KPU decides; a removal is final.
 */
@Document("complaints")
public class Complaint {

    public enum Status { OPEN, ANSWERED, REMOVED, KEPT }

    public record Answer(String statement, String evidence, String by, Instant at) {
    }

    public record Decision(String decision, String reason, String by, Instant at) {
    }

    @Id
    private String id;
    @Version
    private Long version;
    private String partyId;
    private String nikHash;
    private String kabKotaCode;
    private String statement;
    private String contact;
    private Status status;
    private Instant filedAt;
    private Instant answerDeadline;
    private Answer answer;
    private Decision decision;
    private List<Change> history = new ArrayList<>();

    protected Complaint() {
    }

    Complaint(String id, String partyId, String nikHash, String kabKotaCode, String statement, String contact,
              Instant filedAt, Instant answerDeadline) {
        if (statement == null || statement.isBlank() || statement.length() > 2000) {
            throw new IllegalArgumentException("Uraian aduan wajib diisi (paling banyak 2.000 huruf).");
        }
        this.id = id;
        this.partyId = partyId;
        this.nikHash = nikHash;
        this.kabKotaCode = kabKotaCode;
        this.statement = statement.strip();
        this.contact = contact;
        this.filedAt = filedAt;
        this.answerDeadline = answerDeadline;
        this.status = Status.OPEN;
        this.history.add(new Change(filedAt, "warga", "aduan diajukan", "bukan saya / tidak pernah mendaftar"));
    }

    void answer(String text, String evidence, String by, Instant now) {
        if (status != Status.OPEN) {
            throw DomainException.conflict("Aduan ini tidak menunggu jawaban partai (status " + status + ").");
        }
        if (now.isAfter(answerDeadline)) {
            throw DomainException.conflict("Batas waktu jawaban partai sudah lewat (" + answerDeadline + ").");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Jawaban partai wajib diisi.");
        }
        answer = new Answer(text.strip(), evidence, by, now);
        status = Status.ANSWERED;
        history.add(new Change(now, by, "partai menjawab", text.strip()));
    }

    void decide(boolean remove, String reason, String by, Instant now) {
        if (status == Status.REMOVED || status == Status.KEPT) {
            throw DomainException.conflict("Aduan ini sudah diputus; putusan bersifat final.");
        }
        if (status == Status.OPEN && !now.isAfter(answerDeadline)) {
            throw DomainException.conflict("Partai masih boleh menjawab sampai " + answerDeadline + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Alasan putusan wajib diisi.");
        }
        if (!remove && answer == null) {
            throw DomainException.conflict("Partai tidak menjawab dengan bukti; anggota tidak bisa dipertahankan.");
        }
        status = remove ? Status.REMOVED : Status.KEPT;
        decision = new Decision(remove ? "REMOVE" : "KEEP", reason.strip(), by, now);
        history.add(new Change(now, by, remove ? "diputus: dihapus" : "diputus: tetap", reason.strip()));
    }

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public String getPartyId() {
        return partyId;
    }

    String getNikHash() {
        return nikHash;
    }

    public String getKabKotaCode() {
        return kabKotaCode;
    }

    public String getStatement() {
        return statement;
    }

    public String getContact() {
        return contact;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public Instant getAnswerDeadline() {
        return answerDeadline;
    }

    public Answer getAnswer() {
        return answer;
    }

    public Decision getDecision() {
        return decision;
    }

    public List<Change> getHistory() {
        return history;
    }
}
