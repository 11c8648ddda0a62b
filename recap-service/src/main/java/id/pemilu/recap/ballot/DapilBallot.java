package id.pemilu.recap.ballot;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The ballot of one legislative dapil from the candidate-service's final list (DCT), id {@code <body>|<dapilCode>}.
 *
 * @param seats   seats of the dapil (0 in ballots stored before the seats were kept)
 * @param parties per party, in ballot order: its ballot number and how many candidates it lists
 */
@Document("dapil_ballots")
record DapilBallot(@Id String id, String body, String dapilCode, String dapilName, int dctVersion,
                   List<String> regionCodes, List<Party> parties, int seats) {

    /** @param list the candidates by number with name and gender (null in ballots stored before it was kept) */
    record Party(String partyId, int ballotNumber, String partyName, int candidates, List<Candidate> list) {
    }

    record Candidate(int number, String name, String gender) {
    }
}
