package id.pemilu.candidates.party;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the rest of candidate-service may ask about parties and their verified members. */
@Service
public class PartyDirectory {

    private final Parties parties;
    private final PartyMembers members;

    PartyDirectory(Parties parties, PartyMembers members) {
        this.parties = parties;
        this.members = members;
    }

    public Optional<Party> find(String partyId) {
        return parties.find(partyId);
    }

    public List<Party> all() {
        return parties.all();
    }

    public boolean isVerifiedMember(String partyId, String nikHash) {
        return members.isVerifiedMember(partyId, nikHash);
    }

    public boolean isMemberOfAnyParty(String nikHash) {
        return members.isMemberOfAnyParty(nikHash);
    }
}
