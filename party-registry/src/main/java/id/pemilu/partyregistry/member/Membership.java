package id.pemilu.partyregistry.member;

import id.pemilu.partyregistry.party.Change;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A person's membership of one party, as listed by the party, with its verification record. */
public class Membership {

    private String partyId;
    private String fullName;
    private String gender;
    private LocalDate birthDate;
    private String ktaNumber;
    private String kabKotaCode;
    private List<Flag> rowFlags = new ArrayList<>();
    private List<SourceRow> rows = new ArrayList<>();
    private MemberStatus status = MemberStatus.PENDING;
    private String statusReason;
    private String factualResult;
    private String factualReason;
    private String complaintId;
    private String replacedBy;
    private List<Change> history = new ArrayList<>();

    public Membership() {
    }

    /** A membership as read for counting: only what decides whether it counts ({@link Members#forEachForCounting}). */
    Membership(String partyId, String kabKotaCode, MemberStatus status, List<Flag> rowFlags, List<SourceRow> rows) {
        this.partyId = partyId;
        this.kabKotaCode = kabKotaCode;
        this.status = status;
        this.rowFlags = rowFlags;
        this.rows = rows;
    }

    Membership(String partyId, MemberRow row, Set<Flag> rowFlags, SourceRow source) {
        this.partyId = partyId;
        this.fullName = row.fullName();
        this.gender = row.gender();
        this.birthDate = row.birthDate();
        this.ktaNumber = row.ktaNumber();
        this.kabKotaCode = row.kabKotaCode();
        this.rowFlags = new ArrayList<>(rowFlags);
        this.rows.add(source);
    }

    /** Rows that belong to completed imports (or were entered one by one). */
    long visibleRows(Set<String> completedImports) {
        return rows.stream().filter(r -> r.importId() == null || completedImports.contains(r.importId())).count();
    }

    boolean visible(Set<String> completedImports) {
        return visibleRows(completedImports) > 0;
    }

    Set<Flag> ownFlags(Set<String> completedImports) {
        return rowFlags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(rowFlags);
    }

    void record(Change change) {
        history.add(change);
    }

    public String getPartyId() {
        return partyId;
    }

    public String getFullName() {
        return fullName;
    }

    public String getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getKtaNumber() {
        return ktaNumber;
    }

    public String getKabKotaCode() {
        return kabKotaCode;
    }

    public List<Flag> getRowFlags() {
        return rowFlags;
    }

    public List<SourceRow> getRows() {
        return rows;
    }

    public MemberStatus getStatus() {
        return status;
    }

    void setStatus(MemberStatus status, String reason) {
        this.status = status;
        this.statusReason = reason;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getFactualResult() {
        return factualResult;
    }

    public String getFactualReason() {
        return factualReason;
    }

    void setFactual(String result, String reason) {
        this.factualResult = result;
        this.factualReason = reason;
    }

    public String getComplaintId() {
        return complaintId;
    }

    void setComplaintId(String complaintId) {
        this.complaintId = complaintId;
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    void setReplacedBy(String replacedBy) {
        this.replacedBy = replacedBy;
    }

    public List<Change> getHistory() {
        return history;
    }
}
