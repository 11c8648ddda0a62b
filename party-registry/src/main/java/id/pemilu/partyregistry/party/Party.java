package id.pemilu.partyregistry.party;

import id.pemilu.common.events.PartyRegistered;
import id.pemilu.common.events.PartyRequirementsEvaluated;
import id.pemilu.common.outbox.OutboxAggregate;
import id.pemilu.common.text.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A political party registered in Sipol, with its leadership and offices; raises its events through the outbox. */
@Document(Party.COLLECTION)
public class Party extends OutboxAggregate {

    public static final String COLLECTION = "parties";

    @Id
    private String id;
    @Version
    private Long revision;
    private String name;
    private String abbreviation;
    private Integer ballotNumber;
    private List<Leader> leadership = new ArrayList<>();
    private List<Branch> branches = new ArrayList<>();
    private Boolean requirementsMet;
    private List<String> unmetRules = new ArrayList<>();
    private Instant repairWindowUntil;
    private Instant registeredAt;
    private List<Change> history = new ArrayList<>();

    protected Party() {
    }

    public static Party register(PartyId id, String name, String abbreviation, List<Leader> leadership,
                                 List<Branch> branches, Integer ballotNumber, String by) {
        name = Names.check(name, "Nama partai", 200);
        abbreviation = Names.check(abbreviation, "Singkatan partai", 30);
        if (leadership == null || leadership.isEmpty()) {
            throw new IllegalArgumentException("Susunan pengurus pusat wajib diisi.");
        }
        Party party = new Party();
        party.id = id.value();
        party.name = name.strip();
        party.abbreviation = abbreviation.strip();
        party.leadership = new ArrayList<>(leadership);
        party.setBranchList(branches == null ? List.of() : branches);
        party.ballotNumber = validBallotNumber(ballotNumber);
        party.registeredAt = Instant.now();
        party.history.add(Change.now(by, "partai didaftarkan", "pendaftaran"));
        party.raise(PartyRegistered.now(party.id, party.name, party.abbreviation));
        return party;
    }

    private static Integer validBallotNumber(Integer number) {
        if (number != null && (number < 1 || number > 99)) {
            throw new IllegalArgumentException("Nomor urut partai harus 1–99.");
        }
        return number;
    }

    void setBranchList(List<Branch> newBranches) {
        Map<String, Branch> unique = new LinkedHashMap<>();
        newBranches.forEach(b -> unique.put(b.regionCode(), b));
        this.branches = new ArrayList<>(unique.values());
        this.branches.sort(Comparator.comparing(Branch::regionCode));
    }

    void addBranch(Branch branch, String by) {
        List<Branch> next = new ArrayList<>(branches);
        next.add(branch);
        setBranchList(next);
        history.add(Change.now(by, "kepengurusan ditambah: " + branch.regionCode(), "perubahan kepengurusan"));
    }

    boolean removeBranch(String regionCode, String by, String why) {
        boolean removed = branches.removeIf(b -> b.regionCode().equals(regionCode));
        if (removed) {
            history.add(Change.now(by, "kepengurusan dihapus: " + regionCode, why));
        }
        return removed;
    }

    void replaceLeadership(List<Leader> newLeadership, String by) {
        if (newLeadership == null || newLeadership.isEmpty()) {
            throw new IllegalArgumentException("Susunan pengurus pusat wajib diisi.");
        }
        leadership = new ArrayList<>(newLeadership);
        history.add(Change.now(by, "pengurus pusat diganti", "perubahan kepengurusan"));
    }

    void assignBallotNumber(int number, String by) {
        ballotNumber = validBallotNumber(number);
        history.add(Change.now(by, "nomor urut " + number, "pengundian nomor urut"));
    }

    void openRepairWindow(Instant until, String by) {
        repairWindowUntil = until;
        history.add(Change.now(by, "masa perbaikan sampai " + until, "perbaikan keanggotaan"));
    }

    public boolean repairWindowOpen(Instant now) {
        return repairWindowUntil != null && now.isBefore(repairWindowUntil);
    }

    /** Records a new requirements outcome; raises an event when met/unmet changed (or on the first evaluation). */
    public boolean recordRequirements(boolean met, List<String> unmet) {
        boolean changed = requirementsMet == null || requirementsMet != met || !unmetRules.equals(unmet);
        boolean outcomeChanged = requirementsMet == null || requirementsMet != met;
        requirementsMet = met;
        unmetRules = new ArrayList<>(unmet);
        if (outcomeChanged) {
            raise(new PartyRequirementsEvaluated(UUID.randomUUID(), Instant.now(),
                    PartyRequirementsEvaluated.CURRENT_VERSION, id, met, List.copyOf(unmet)));
        }
        return changed;
    }

    public String getId() {
        return id;
    }

    public Long getRevision() {
        return revision;
    }

    public String getName() {
        return name;
    }

    public String getAbbreviation() {
        return abbreviation;
    }

    public Integer getBallotNumber() {
        return ballotNumber;
    }

    public List<Leader> getLeadership() {
        return leadership;
    }

    public List<Branch> getBranches() {
        return branches;
    }

    public Boolean getRequirementsMet() {
        return requirementsMet;
    }

    public List<String> getUnmetRules() {
        return unmetRules;
    }

    public Instant getRepairWindowUntil() {
        return repairWindowUntil;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public List<Change> getHistory() {
        return history;
    }
}
