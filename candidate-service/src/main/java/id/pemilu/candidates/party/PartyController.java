package id.pemilu.candidates.party;

import id.pemilu.common.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/candidates/parties")
class PartyController {

    private final Parties parties;

    PartyController(Parties parties) {
        this.parties = parties;
    }

    record PartyView(String partyId, String name, String abbreviation, boolean eligible, Integer ballotNumber) {
        static PartyView of(Party party) {
            return new PartyView(party.partyId(), party.name(), party.abbreviation(), party.eligible(),
                    party.ballotNumber());
        }
    }

    @GetMapping
    List<PartyView> all() {
        return parties.all().stream().map(PartyView::of).toList();
    }

    /** KPU RI records the ballot numbers drawn for the parties: {@code {"pnb": 1, "pkr": 2}}. */
    @PutMapping("/ballot-numbers")
    @PreAuthorize("hasRole('kpu-ri')")
    List<PartyView> setBallotNumbers(@RequestBody Map<String, Integer> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            throw ApiProblem.badRequest("Daftar nomor urut partai kosong.");
        }
        if (numbers.values().stream().anyMatch(n -> n == null || n < 1)
                || numbers.values().stream().distinct().count() != numbers.size()) {
            throw ApiProblem.badRequest("Nomor urut partai harus bilangan bulat positif dan tidak boleh sama.");
        }
        for (String partyId : numbers.keySet()) {
            if (parties.find(partyId).isEmpty()) {
                throw ApiProblem.notFound("Partai tidak dikenal: " + partyId);
            }
        }
        for (Party other : parties.all()) {
            Integer taken = other.ballotNumber();
            if (taken != null && !numbers.containsKey(other.partyId()) && numbers.containsValue(taken)) {
                throw ApiProblem.conflict("Nomor urut " + taken + " sudah dipakai partai " + other.partyId() + ".");
            }
        }
        numbers.forEach(parties::setBallotNumber);
        return all();
    }
}
