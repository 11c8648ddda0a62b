package id.pemilu.recap.determination;

import java.util.List;

/**
 * The seats of one dapil with the whole calculation: the quotient table (every party's votes divided by 1, 3, 5, …
 * with the seat each quotient won), the order in which seats were given, seats per party, the elected candidates
 * and notes (ties and how they were broken, unfilled seats).
 */
public record SeatAllocation(String dapilCode, String dapilName, int seats, List<QuotientRow> quotients,
                             List<Seat> seatOrder, List<PartySeats> parties, List<ElectedCandidate> elected,
                             List<String> notes) {

    /** One party's row of the quotient table. */
    public record QuotientRow(String partyId, String partyName, long votes, List<Quotient> quotients) {
    }

    /** votes ÷ divisor (two decimals, exact value = votes/divisor); {@code seat} is the seat it won, else null. */
    public record Quotient(int divisor, String value, Integer seat) {
    }

    /** The n-th seat given, to whom and by which quotient. */
    public record Seat(int seat, String partyId, String partyName, int divisor, String quotient) {
    }

    public record PartySeats(String partyId, String partyName, long votes, int seats) {
    }

    /** A candidate elected for a party, {@code rank} = place by votes inside the party. */
    public record ElectedCandidate(String partyId, String partyName, String candidateId, String candidateName,
                                   long votes, int rank) {
    }
}
