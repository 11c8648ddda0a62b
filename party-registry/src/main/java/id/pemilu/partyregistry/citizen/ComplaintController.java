package id.pemilu.partyregistry.citizen;

import id.pemilu.common.security.Caller;
import id.pemilu.partyregistry.member.MemberService;
import id.pemilu.partyregistry.party.PartyAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ComplaintController {

    private final ComplaintService service;
    private final MemberService members;
    private final CitizenGuard guard;

    ComplaintController(ComplaintService service, MemberService members, CitizenGuard guard) {
        this.service = service;
        this.members = members;
        this.guard = guard;
    }

    record Filing(String nik, String fullName, String partyId, String statement, String contact) {
    }

    record Receipt(String complaintId, String status, java.time.Instant answerDeadline, String message) {
    }

    record PartyAnswer(String statement, String evidence) {
    }

    record KpuDecision(String decision, String reason) {
    }

    @PostMapping("/api/members/public/complaints")
    ResponseEntity<Receipt> file(@RequestBody Filing body, HttpServletRequest request) {
        String nik = CitizenGuard.validNik(body.nik());
        String name = CitizenGuard.validName(body.fullName());
        if (body.partyId() == null || body.partyId().isBlank()) {
            throw new IllegalArgumentException("Partai yang diadukan wajib diisi.");
        }
        String nikHash = members.hash(nik);
        String client = guard.client(request);
        guard.admit(client, nikHash, "COMPLAINT");
        Complaint complaint;
        try {
            complaint = service.file(nikHash, name, body.partyId(), body.statement(), body.contact());
        } catch (RuntimeException e) {
            guard.log(client, nikHash, "COMPLAINT", "REFUSED");
            throw e;
        }
        guard.log(client, nikHash, "COMPLAINT", "FILED");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Receipt(complaint.getId(), "DITERIMA",
                complaint.getAnswerDeadline(), "Aduan diterima. Keanggotaan Anda dibekukan (tidak dihitung) sampai "
                + "KPU memutus. Simpan nomor aduan ini."));
    }

    @GetMapping("/api/parties/{partyId}/complaints")
    List<ComplaintView> ofParty(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireView(caller, partyId);
        return service.ofParty(partyId).stream().map(c -> ComplaintView.of(c, caller)).toList();
    }

    @PostMapping("/api/parties/{partyId}/complaints/{complaintId}/answer")
    ComplaintView answer(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                         @PathVariable String complaintId, @RequestBody PartyAnswer body) {
        Caller caller = Caller.of(jwt);
        return ComplaintView.of(service.answer(partyId, complaintId, body.statement(), body.evidence(), caller),
                caller);
    }

    @GetMapping("/api/members/complaints")
    List<ComplaintView> all(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return service.all(caller).stream().map(c -> ComplaintView.of(c, caller)).toList();
    }

    @PostMapping("/api/members/complaints/{complaintId}/decision")
    ComplaintView decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String complaintId,
                         @RequestBody KpuDecision body) {
        Caller caller = Caller.of(jwt);
        return ComplaintView.of(service.decide(complaintId, body.decision(), body.reason(), caller), caller);
    }
}
