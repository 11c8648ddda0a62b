package id.pemilu.partyregistry.citizen;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.partyregistry.member.MemberProperties;
import id.pemilu.partyregistry.member.MemberService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Files citizens' complaints, records the party's answer and KPU's final decision. */
@Service
class ComplaintService {

    private final Complaints complaints;
    private final MemberService members;
    private final MemberProperties properties;
    private final Clock clock;

    ComplaintService(Complaints complaints, MemberService members, MemberProperties properties, Clock clock) {
        this.complaints = complaints;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
    }

    /** Only a citizen who knows the NIK and the exact listed name can file; the membership becomes DISPUTED. */
    Complaint file(String nikHash, String fullName, String partyId, String statement, String contact) {
        var listing = members.listings(nikHash, fullName).stream().filter(l -> l.partyId().equals(partyId))
                .findFirst().orElseThrow(() -> DomainException.notFound(
                        "Tidak ada keanggotaan atas NIK dan nama ini di partai tersebut."));
        Instant now = clock.instant();
        Complaint complaint = new Complaint(UUID.randomUUID().toString().substring(0, 13), partyId, nikHash,
                listing.kabKotaCode(), statement, contact, now,
                now.plus(Duration.ofDays(properties.complaintAnswerDays())));
        complaints.insert(complaint);
        try {
            members.dispute(nikHash, partyId, complaint.getId());
        } catch (RuntimeException e) {
            complaints.delete(complaint);
            if (e instanceof DomainException) {
                throw e;
            }
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "Coba lagi",
                    "Aduan belum tersimpan; coba lagi.");
        }
        return complaint;
    }

    Complaint answer(String partyId, String complaintId, String statement, String evidence, Caller caller) {
        boolean own = caller.hasRole(Roles.PARTY_OPERATOR) && partyId.equals(caller.partyId());
        if (!own) {
            throw DomainException.notPermitted("Jawaban aduan diberikan oleh operator partai yang bersangkutan.");
        }
        Complaint complaint = complaints.get(complaintId);
        if (!complaint.getPartyId().equals(partyId)) {
            throw DomainException.notFound("Aduan tidak ditemukan.");
        }
        complaint.answer(statement, evidence, caller.username(), clock.instant());
        return complaints.save(complaint);
    }

    Complaint decide(String complaintId, String decision, String reason, Caller caller) {
        String notPermitted = "Aduan diputus oleh KPU kab/kota tempat anggota terdaftar.";
        if (!caller.hasRole(Roles.KPU_RI) && !caller.hasRole(Roles.KPU_KABKOTA)) {
            // before the lookup: other roles do not learn which complaints exist
            throw DomainException.notPermitted(notPermitted);
        }
        Complaint complaint = complaints.get(complaintId);
        boolean allowed = caller.hasRole(Roles.KPU_RI) || caller.coversRegion(complaint.getKabKotaCode());
        if (!allowed) {
            throw DomainException.notPermitted(notPermitted);
        }
        boolean remove = switch (decision == null ? "" : decision) {
            case "REMOVE" -> true;
            case "KEEP" -> false;
            default -> throw new IllegalArgumentException("Putusan harus REMOVE atau KEEP.");
        };
        complaint.decide(remove, reason, caller.username(), clock.instant());
        Complaint saved = complaints.save(complaint);
        String why = "aduan " + complaintId + ": " + reason;
        if (remove) {
            members.remove(complaint.getNikHash(), complaint.getPartyId(), why, caller.username());
        } else {
            members.keep(complaint.getNikHash(), complaint.getPartyId(), why, caller.username());
        }
        return saved;
    }

    java.util.List<Complaint> all(Caller caller) {
        if (!caller.hasRole(Roles.BAWASLU) && !caller.hasRole(Roles.KPU_RI) && !caller.hasRole(Roles.KPU_PROVINSI)
                && !caller.hasRole(Roles.KPU_KABKOTA)) {
            throw DomainException.notPermitted("Daftar semua aduan hanya untuk Bawaslu dan KPU.");
        }
        return complaints.all().stream().filter(c -> caller.hasRole(Roles.BAWASLU) || caller.hasRole(Roles.KPU_RI)
                || caller.coversRegion(c.getKabKotaCode())).toList();
    }

    java.util.List<Complaint> ofParty(String partyId) {
        return complaints.ofParty(partyId);
    }
}
