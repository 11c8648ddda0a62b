package id.pemilu.partyregistry.citizen;

import id.pemilu.partyregistry.member.MemberService;
import id.pemilu.partyregistry.party.PartyService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's "was my NIK misused?" check. Anonymous; the answer is either NOT_FOUND or the parties that list this
 * NIK under this exact name, never anything else, and it takes the same time either way.
 */
@RestController
class NikCheckController {

    private final MemberService members;
    private final PartyService parties;
    private final CitizenGuard guard;

    NikCheckController(MemberService members, PartyService parties, CitizenGuard guard) {
        this.members = members;
        this.parties = parties;
        this.guard = guard;
    }

    record Request(String nik, String fullName) {
    }

    record ListedParty(String partyId, String name) {
    }

    record Answer(String result, List<ListedParty> parties) {
    }

    @PostMapping("/api/members/public/nik-check")
    Answer check(@RequestBody Request body, HttpServletRequest request) {
        long started = System.nanoTime();
        String nik = CitizenGuard.validNik(body.nik());
        String name = CitizenGuard.validName(body.fullName());
        String nikHash = members.hash(nik);
        String client = guard.client(request);
        try {
            guard.admit(client, nikHash, "NIK_CHECK");
            List<ListedParty> listed = members.listings(nikHash, name).stream()
                    .map(l -> new ListedParty(l.partyId(), parties.get(l.partyId()).getName())).toList();
            Answer answer = listed.isEmpty() ? new Answer("NOT_FOUND", List.of()) : new Answer("LISTED", listed);
            guard.log(client, nikHash, "NIK_CHECK", answer.result());
            return answer;
        } finally {
            guard.holdUntilFloor(started);
        }
    }
}
