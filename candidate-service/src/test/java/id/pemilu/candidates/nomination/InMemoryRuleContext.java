package id.pemilu.candidates.nomination;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Party facts held in memory plus a national candidacy index: the rules without party-registry or MongoDB. */
class InMemoryRuleContext implements RuleContext {

    final Set<String> eligibleParties = new HashSet<>();
    final Set<String> members = new HashSet<>();
    final CandidacyIndex index = new CandidacyIndex(16);

    InMemoryRuleContext eligible(String partyId) {
        eligibleParties.add(partyId);
        return this;
    }

    InMemoryRuleContext member(String partyId, String nikHash) {
        members.add(partyId + ":" + nikHash);
        return this;
    }

    @Override
    public boolean partyEligible(String partyId) {
        return eligibleParties.contains(partyId);
    }

    @Override
    public boolean isVerifiedMember(String partyId, String nikHash) {
        return members.contains(partyId + ":" + nikHash);
    }

    @Override
    public boolean isMemberOfAnyParty(String nikHash) {
        return members.stream().anyMatch(m -> m.endsWith(":" + nikHash));
    }

    @Override
    public List<String> otherCandidacies(String nikHash, String listId) {
        return index.others(nikHash, listId);
    }
}
