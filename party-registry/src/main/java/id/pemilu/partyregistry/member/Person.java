package id.pemilu.partyregistry.member;

import id.pemilu.common.events.PartyMemberDisputed;
import id.pemilu.common.events.PartyMemberRemoved;
import id.pemilu.common.events.PartyMemberVerified;
import id.pemilu.common.outbox.OutboxAggregate;
import id.pemilu.common.domain.DomainException;
import id.pemilu.partyregistry.party.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person (keyed by the HMAC of their NIK) and every party that lists them. Keeping all memberships of a NIK in
 * one document makes the cross-party check, the citizen lookup and the official check a single read by id. The
 * readable NIK is stored only encrypted.
 */
@Document(Person.COLLECTION)
public class Person extends OutboxAggregate {

    public static final String COLLECTION = "members";

    @Id
    private String id;
    @Version
    private Long version;
    private String nikEncrypted;
    private String nikMasked;
    private String officialAgency;
    private List<Membership> memberships = new ArrayList<>();
    private List<ExtraRow> extraRows = new ArrayList<>();

    public Person() {
    }

    Person(String nikHash, String nikEncrypted, String nikMasked) {
        this.id = nikHash;
        this.nikEncrypted = nikEncrypted;
        this.nikMasked = nikMasked;
        this.version = 0L;
    }

    Optional<Membership> membership(String partyId) {
        return memberships.stream().filter(m -> m.getPartyId().equals(partyId)).findFirst();
    }

    Membership require(String partyId) {
        return membership(partyId).orElseThrow(() -> DomainException.notFound("Anggota tidak ada di partai ini."));
    }

    /** Every flag of one membership, including those that depend on the other parties and the staff lists. */
    Set<Flag> flags(Membership membership, Set<String> completedImports) {
        Set<Flag> flags = membership.ownFlags(completedImports);
        long extra = extraRows.stream().filter(r -> r.partyId().equals(membership.getPartyId())
                && (r.importId() == null || completedImports.contains(r.importId()))).count();
        if (membership.visibleRows(completedImports) + extra > 1) {
            flags.add(Flag.DUPLICATE);
        }
        boolean elsewhere = memberships.stream().anyMatch(other -> other != membership
                && !other.getPartyId().equals(membership.getPartyId()) && !other.getStatus().isFinal()
                && other.visible(completedImports));
        if (elsewhere) {
            flags.add(Flag.OTHER_PARTY);
        }
        if (officialAgency != null) {
            flags.add(Flag.OFFICIAL);
        }
        return flags;
    }

    /** Counted towards the party's member minimum: visible, not refused, and unflagged unless KPU said MS. */
    boolean counted(Membership membership, Set<String> completedImports) {
        if (!membership.visible(completedImports) || !membership.getStatus().counts()) {
            return false;
        }
        return membership.getStatus() == MemberStatus.MS
                || flags(membership, completedImports).stream().noneMatch(Flag::blocksCount);
    }

    void verify(String partyId, MemberStatus result, String reason, String by) {
        Membership m = require(partyId);
        if (result != MemberStatus.MS && result != MemberStatus.TMS) {
            throw new IllegalArgumentException("Hasil verifikasi harus MS atau TMS.");
        }
        if (result == MemberStatus.TMS && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("Alasan TMS wajib diisi.");
        }
        if (m.getStatus() == MemberStatus.DISPUTED || m.getStatus().isFinal()) {
            throw DomainException.conflict(
                    "Anggota berstatus " + m.getStatus() + "; tidak bisa diverifikasi sekarang.");
        }
        m.setStatus(result, reason);
        m.record(Change.now(by, "verifikasi administrasi: " + result, reason == null ? "" : reason));
        if (result == MemberStatus.MS) {
            raise(new PartyMemberVerified(UUID.randomUUID(), Instant.now(), PartyMemberVerified.CURRENT_VERSION,
                    partyId, id, m.getKabKotaCode()));
        }
    }

    void recordFactual(String partyId, MemberStatus result, String reason, String by) {
        Membership m = require(partyId);
        if (result != MemberStatus.MS && result != MemberStatus.TMS) {
            throw new IllegalArgumentException("Hasil verifikasi faktual harus MS atau TMS.");
        }
        m.setFactual(result.name(), reason);
        m.record(Change.now(by, "verifikasi faktual: " + result, reason == null ? "" : reason));
    }

    void dispute(String partyId, String complaintId, String by) {
        Membership m = require(partyId);
        if (m.getStatus().isFinal()) {
            throw DomainException.conflict("Keanggotaan ini sudah dihapus.");
        }
        if (m.getStatus() == MemberStatus.DISPUTED) {
            throw DomainException.conflict("Aduan atas keanggotaan ini sedang diproses.");
        }
        m.setStatus(MemberStatus.DISPUTED, "aduan warga " + complaintId);
        m.setComplaintId(complaintId);
        m.record(Change.now(by, "disanggah warga", "aduan " + complaintId));
        raise(new PartyMemberDisputed(UUID.randomUUID(), Instant.now(), PartyMemberDisputed.CURRENT_VERSION,
                partyId, id, complaintId));
    }

    void remove(String partyId, String reason, String by) {
        Membership m = require(partyId);
        if (m.getStatus() == MemberStatus.REMOVED) {
            throw DomainException.conflict("Keanggotaan ini sudah dihapus.");
        }
        m.setStatus(MemberStatus.REMOVED, reason);
        m.record(Change.now(by, "dihapus dari daftar anggota", reason));
        raise(new PartyMemberRemoved(UUID.randomUUID(), Instant.now(), PartyMemberRemoved.CURRENT_VERSION,
                partyId, id, reason));
    }

    void keep(String partyId, String reason, String by) {
        Membership m = require(partyId);
        m.setStatus(MemberStatus.PENDING, reason);
        m.record(Change.now(by, "aduan ditolak, anggota tetap (perlu verifikasi ulang)", reason));
    }

    void replace(String partyId, String newNikHash, String by) {
        Membership m = require(partyId);
        if (m.getStatus() != MemberStatus.TMS) {
            throw DomainException.conflict("Hanya anggota TMS yang boleh diganti.");
        }
        m.setStatus(MemberStatus.REPLACED, "diganti pada masa perbaikan");
        m.setReplacedBy(newNikHash);
        m.record(Change.now(by, "diganti pada masa perbaikan", "perbaikan"));
    }

    void markOfficial(String agency) {
        this.officialAgency = agency;
    }

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public String getNikEncrypted() {
        return nikEncrypted;
    }

    public String getNikMasked() {
        return nikMasked;
    }

    public String getOfficialAgency() {
        return officialAgency;
    }

    public List<Membership> getMemberships() {
        return memberships;
    }

    public List<ExtraRow> getExtraRows() {
        return extraRows;
    }
}
