package id.pemilu.recap.submission;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.ballot.BallotType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A machine reading is a log entry of its own (with the hash of the reading), once per reading event. */
class SubmissionLogTest {

    @Test
    void aReadingAddsOneEntryWithTheHashOfTheReading() {
        Submission s = new Submission("sub-1", "31.71.01.1001.001", BallotType.PPWP, "kpps.gambir.1");
        Submission.Reading reading = new Submission.Reading("ev-1", 1, "ab".repeat(32), "READ", null, null,
                List.of(new Submission.ReadField("votes.candidate.1", 103, 0.41, true, 1, null, null)), Instant.now());
        assertThat(s.addReading(reading)).isTrue();
        assertThat(s.addReading(reading)).as("the same event again").isFalse();
        assertThat(s.getLogOutbox()).hasSize(1);
        String data = s.getLogOutbox().get(0).data();
        assertThat(data).contains("\"kind\":\"reading\"", "\"values\":{\"votes.candidate.1\":103}",
                "\"readingSha256\":\"" + Submission.readingHash(reading) + "\"", "\"role\":\"machine\"");
        assertThat(s.getLogOutbox().get(0).subject()).isEqualTo("tps|31.71.01.1001.001|PPWP");
        // another confidence is another reading: another hash
        Submission.Reading other = new Submission.Reading("ev-1", 1, "ab".repeat(32), "READ", null, null,
                List.of(new Submission.ReadField("votes.candidate.1", 103, 0.99, false, 1, null, null)), Instant.now());
        assertThat(Submission.readingHash(other)).isNotEqualTo(Submission.readingHash(reading));
    }
}
