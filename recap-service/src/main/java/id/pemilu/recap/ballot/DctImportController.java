package id.pemilu.recap.ballot;

import id.pemilu.common.ballot.BallotType;
import id.pemilu.common.events.DctFinalized;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPU RI enters a dapil's final list (DCT) directly, in the shape of candidate-service's {@code DctFinalized}: for
 * when that event cannot arrive (candidate-service unavailable, a DCT re-issued by decision) and for the demo. Same
 * rules as the event: an older {@code dctVersion} never replaces a newer one.
 */
@RestController
class DctImportController {

    private final BallotStructures structures;

    DctImportController(BallotStructures structures) {
        this.structures = structures;
    }

    /** Wrapper numbers: a missing one is refused after the role check, not by the JSON reader before it. */
    record DctInput(String body, String dapilCode, String dapilName, Integer seats, Integer dctVersion,
                    List<String> regionCodes, List<DctFinalized.BallotParty> parties) {
    }

    @PostMapping("/api/recap/admin/dct")
    @PreAuthorize("hasRole('kpu-ri')")
    Map<String, Object> importDct(@RequestBody DctInput in) {
        if (!BallotType.isName(in.body()) || !BallotType.valueOf(in.body()).isLegislative()) {
            throw new IllegalArgumentException("body harus DPR, DPRD_PROVINSI atau DPRD_KABKOTA.");
        }
        if (in.dapilCode() == null || in.dapilCode().isBlank() || in.seats() == null || in.seats() < 1
                || in.dctVersion() == null || in.dctVersion() < 1
                || in.regionCodes() == null || in.regionCodes().isEmpty() || in.parties() == null
                || in.parties().isEmpty()) {
            throw new IllegalArgumentException("DCT wajib berisi kode dapil, jumlah kursi (>= 1), versi (>= 1), "
                    + "kode wilayah dan partai.");
        }
        UUID id = UUID.nameUUIDFromBytes((in.body() + "|" + in.dapilCode() + "|" + in.dctVersion())
                .getBytes(StandardCharsets.UTF_8));
        structures.accept(new DctFinalized(id, Instant.now(), DctFinalized.CURRENT_VERSION, in.body(),
                in.dapilCode(), in.dapilName(), in.seats(), in.dctVersion(), in.regionCodes(), in.parties()));
        return Map.of("body", in.body(), "dapilCode", in.dapilCode(), "dctVersion", in.dctVersion());
    }
}
