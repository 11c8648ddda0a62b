package id.pemilu.partyregistry.member;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One upload of a member list: its file hash (re-uploading the same file changes nothing), progress and outcome. */
@Document("member_imports")
public class MemberImport {

    public enum Status { RUNNING, COMPLETED, FAILED }

    @Id
    private String id;
    private String partyId;
    private String fileName;
    private String fileSha256;
    private long fileBytes;
    private Status status;
    private long rowsTotal;
    private long rowsDone;
    private long imported;
    private long rejected;
    private long flagged;
    private String failure;
    private String by;
    private Instant startedAt;
    private Instant finishedAt;

    public MemberImport() {
    }

    MemberImport(String id, String partyId, String fileName, String fileSha256, long fileBytes, long rowsTotal,
                 String by) {
        this.id = id;
        this.partyId = partyId;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.fileBytes = fileBytes;
        this.rowsTotal = rowsTotal;
        this.by = by;
        this.status = Status.RUNNING;
        this.startedAt = Instant.now();
    }

    void progress(long done, long importedRows, long rejectedRows, long flaggedRows) {
        rowsDone = done;
        imported = importedRows;
        rejected = rejectedRows;
        flagged = flaggedRows;
    }

    void complete() {
        status = Status.COMPLETED;
        finishedAt = Instant.now();
    }

    void fail(String reason) {
        status = Status.FAILED;
        failure = reason;
        finishedAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getPartyId() {
        return partyId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public long getFileBytes() {
        return fileBytes;
    }

    public Status getStatus() {
        return status;
    }

    public long getRowsTotal() {
        return rowsTotal;
    }

    public long getRowsDone() {
        return rowsDone;
    }

    public long getImported() {
        return imported;
    }

    public long getRejected() {
        return rejected;
    }

    public long getFlagged() {
        return flagged;
    }

    public String getFailure() {
        return failure;
    }

    public String getBy() {
        return by;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
