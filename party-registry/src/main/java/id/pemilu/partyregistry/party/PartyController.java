package id.pemilu.partyregistry.party;

import id.pemilu.common.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/parties")
class PartyController {

    private final PartyService service;

    PartyController(PartyService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<PartyView> register(@AuthenticationPrincipal Jwt jwt, @RequestBody PartyRequests.Register body) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireManageSome(caller);
        PartyId id = new PartyId(body.id());
        PartyAccess.requireManage(caller, id.value());
        Party party = service.register(Party.register(id, body.name(), body.abbreviation(), body.leadership(),
                body.branches(), body.ballotNumber(), caller.username()));
        return ResponseEntity.created(URI.create("/api/parties/" + party.getId())).body(PartyView.of(party));
    }

    @GetMapping
    List<PartyView.Summary> list() {
        return service.all().stream().map(PartyView.Summary::of).toList();
    }

    @GetMapping("/{partyId}")
    PartyView get(@PathVariable String partyId) {
        return PartyView.of(service.get(partyId));
    }

    @GetMapping("/{partyId}/requirements")
    RequirementsReport requirements(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId) {
        PartyAccess.requireView(Caller.of(jwt), partyId);
        return service.report(partyId);
    }

    @PostMapping("/{partyId}/branches")
    PartyView addBranches(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                          @RequestBody PartyRequests.Branches body) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireManage(caller, partyId);
        if (body.branches() == null || body.branches().isEmpty()) {
            throw new IllegalArgumentException("Daftar kepengurusan kosong.");
        }
        return PartyView.of(service.change(partyId, p -> body.branches().forEach(b -> p.addBranch(b,
                caller.username()))));
    }

    @DeleteMapping("/{partyId}/branches/{regionCode}")
    PartyView removeBranch(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                           @PathVariable String regionCode, @RequestParam(defaultValue = "") String reason) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireManage(caller, partyId);
        return PartyView.of(service.change(partyId, p -> {
            if (!p.removeBranch(regionCode, caller.username(), reason.isBlank() ? "perubahan kepengurusan" : reason)) {
                throw id.pemilu.common.web.ApiProblem.notFound("Partai tidak punya kepengurusan di " + regionCode + ".");
            }
        }));
    }

    @PutMapping("/{partyId}/leadership")
    PartyView leadership(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                         @RequestBody PartyRequests.Leadership body) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireManage(caller, partyId);
        return PartyView.of(service.change(partyId, p -> p.replaceLeadership(body.leadership(), caller.username())));
    }

    @PutMapping("/{partyId}/ballot-number")
    PartyView ballotNumber(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                           @RequestBody PartyRequests.BallotNumber body) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireKpuRi(caller);
        if (body.ballotNumber() == null) {
            throw new IllegalArgumentException("Nomor urut partai (ballotNumber) wajib diisi.");
        }
        return PartyView.of(service.change(partyId, p -> p.assignBallotNumber(body.ballotNumber(),
                caller.username())));
    }

    @PutMapping("/{partyId}/repair-window")
    PartyView repairWindow(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                           @RequestBody PartyRequests.RepairWindow body) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireKpuRi(caller);
        if (body.until() == null) {
            throw new IllegalArgumentException("Batas akhir masa perbaikan wajib diisi.");
        }
        return PartyView.of(service.change(partyId, p -> p.openRepairWindow(body.until(), caller.username())));
    }

    /** KPU RI's data: minimum members per kab/kota (1,000 or 1/1,000 of the population); others stay 1,000. */
    @PutMapping("/member-minimums")
    ResponseEntity<Void> minimums(@AuthenticationPrincipal Jwt jwt, @RequestBody PartyRequests.Minimums body) {
        PartyAccess.requireKpuRi(Caller.of(jwt));
        service.setMinimums(body.minimums());
        return ResponseEntity.noContent().build();
    }
}
