package id.pemilu.recap.result;

import java.util.Optional;

/** Where confirmations find the machine reading of a submission (implemented by the submission feature). */
public interface DraftSource {

    Optional<Draft> draft(String submissionId);
}
