package id.pemilu.partyregistry.party;

import java.time.Instant;
import java.util.List;

/** What the API shows of a party. */
record PartyView(String id, String name, String abbreviation, Integer ballotNumber, List<Leader> leadership,
                 List<Branch> branches, Boolean requirementsMet, List<String> unmetRules, Instant repairWindowUntil,
                 Instant registeredAt, List<Change> history) {

    static PartyView of(Party p) {
        return new PartyView(p.getId(), p.getName(), p.getAbbreviation(), p.getBallotNumber(), p.getLeadership(),
                p.getBranches(), p.getRequirementsMet(), p.getUnmetRules(), p.getRepairWindowUntil(),
                p.getRegisteredAt(), p.getHistory());
    }

    record Summary(String id, String name, String abbreviation, Integer ballotNumber, Boolean requirementsMet,
                   int branches) {

        static Summary of(Party p) {
            return new Summary(p.getId(), p.getName(), p.getAbbreviation(), p.getBallotNumber(),
                    p.getRequirementsMet(), p.getBranches().size());
        }
    }
}
