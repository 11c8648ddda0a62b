package id.pemilu.candidates.dapil;

import id.pemilu.common.security.Caller;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Wilayah;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Defines sets of dapil (one body, one area at a time) and gives the rest of the service read access. */
@Service
public class DapilCatalog {

    private final Dapils dapils;
    private final Clock clock;

    DapilCatalog(Dapils dapils, Clock clock) {
        this.dapils = dapils;
        this.clock = clock;
    }

    public Optional<Dapil> find(String code) {
        return dapils.find(code);
    }

    public Dapil get(String code) {
        return dapils.find(code).orElseThrow(() -> DomainException.notFound("Dapil tidak ditemukan: " + code));
    }

    public List<Dapil> all() {
        return dapils.all();
    }

    /** Saves a stage change (and any event raised on the document) in one write. */
    public void save(Dapil dapil) {
        dapils.save(dapil);
    }

    /** Replaces the dapil of each (body, area) found in {@code definitions}; all sets are checked before any write. */
    public List<Dapil> define(List<DapilDefinition> definitions, Caller caller) {
        if (definitions.isEmpty()) {
            throw DomainException.invalid("Tidak ada dapil yang dikirim.");
        }
        Map<String, List<DapilDefinition>> sets = definitions.stream().collect(Collectors.groupingBy(
                d -> d.body() + "|" + d.areaCode(), LinkedHashMap::new, Collectors.toList()));
        for (List<DapilDefinition> set : sets.values()) {
            check(set.get(0).body(), set.get(0).areaCode(), set, caller);
        }
        Instant now = clock.instant();
        for (List<DapilDefinition> set : sets.values()) {
            List<Dapil> previous = dapils.ofSet(set.get(0).body(), set.get(0).areaCode());
            dapils.delete(previous.stream().map(Dapil::getCode).toList());
            set.forEach(d -> dapils.save(Dapil.of(d, caller.username(), now)));
        }
        return definitions.stream().map(d -> dapils.find(d.code()).orElseThrow()).toList();
    }

    private void check(ElectoralBody body, String areaCode, List<DapilDefinition> set, Caller caller) {
        if (!DapilAccess.canAdminister(caller, body, areaCode)) {
            throw DomainException.notPermitted(
                    "Anda tidak berwenang menetapkan dapil " + body + " wilayah " + areaCode + ".");
        }
        List<String> problems = DapilSetCheck.problems(body, areaCode, set, Wilayah.indonesia());
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.RULES_FAILED, "Penetapan dapil ditolak",
                    "Dapil " + body + " wilayah " + areaCode + " tidak membagi wilayah itu dengan tepat.",
                    Map.of("problems", problems));
        }
        for (Dapil existing : dapils.ofSet(body, areaCode)) {
            if (existing.getStage() != DapilStage.NOMINATION) {
                throw DomainException.conflict(
                        "Dapil " + existing.getCode() + " sudah masuk tahap " + existing.getStage()
                        + "; pembagian dapil tidak bisa diubah lagi.");
            }
        }
        for (DapilDefinition d : set) {
            dapils.find(d.code()).filter(other -> other.getBody() != body || !other.getAreaCode().equals(areaCode))
                    .ifPresent(other -> {
                        throw DomainException.conflict("Kode dapil " + d.code() + " sudah dipakai untuk "
                                + other.getBody() + " wilayah " + other.getAreaCode() + ".");
                    });
        }
    }
}
