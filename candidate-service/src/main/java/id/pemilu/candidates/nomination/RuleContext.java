package id.pemilu.candidates.nomination;

import java.util.List;

/** What the rules need to know from outside the list: parties, members and every other list in the country. */
public interface RuleContext {

    boolean partyEligible(String partyId);

    boolean isVerifiedMember(String partyId, String nikHash);

    boolean isMemberOfAnyParty(String nikHash);

    /** Other lists (not {@code listId}) nominating the same person, described for the operator. */
    List<String> otherCandidacies(String nikHash, String listId);
}
