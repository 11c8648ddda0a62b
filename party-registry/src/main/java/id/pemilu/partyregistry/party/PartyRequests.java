package id.pemilu.partyregistry.party;

import java.time.Instant;
import java.util.List;

/** Request bodies of the party API. */
final class PartyRequests {

    private PartyRequests() {
    }

    record Register(String id, String name, String abbreviation, Integer ballotNumber, List<Leader> leadership,
                    List<Branch> branches) {
    }

    record Branches(List<Branch> branches) {
    }

    record Leadership(List<Leader> leadership) {
    }

    /** A wrapper type: a missing number is refused after the access check (a primitive failed while reading). */
    record BallotNumber(Integer ballotNumber) {
    }

    record RepairWindow(Instant until) {
    }

    record Minimums(java.util.Map<String, Integer> minimums) {
    }

    record Removal(String reason) {
    }
}
