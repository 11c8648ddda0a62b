package id.pemilu.candidates.dapil;

import id.pemilu.common.domain.DomainException;
import id.pemilu.common.security.Caller;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dapil management for KPU staff (reads for every signed-in user). */
@RestController
@RequestMapping("/api/dapil")
class DapilController {

    private final DapilCatalog catalog;

    DapilController(DapilCatalog catalog) {
        this.catalog = catalog;
    }

    record DapilInput(String code, String name, Integer seats, List<String> regionCodes) {
    }

    @GetMapping
    List<DapilView> all() {
        return catalog.all().stream().map(DapilView::of).toList();
    }

    @GetMapping("/{code}")
    DapilView one(@PathVariable String code) {
        return DapilView.of(catalog.get(code));
    }

    /**
     * Replaces the whole set of dapil of one body in one area (province or kab/kota). Who may is decided from the path
     * before the body is read ({@link DapilSetAuthorization}); {@link DapilCatalog#define} checks again.
     */
    @PutMapping("/sets/{body}/{areaCode}")
    List<DapilView> defineSet(@PathVariable String body, @PathVariable String areaCode,
                              @RequestBody List<DapilInput> input, @AuthenticationPrincipal Jwt jwt) {
        ElectoralBody electoralBody = ElectoralBody.parse(body);
        if (input.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Daftar dapil berisi entri kosong.");
        }
        List<DapilDefinition> definitions = input.stream().map(d -> new DapilDefinition(d.code(), d.name(),
                electoralBody, areaCode, d.seats() == null ? 0 : d.seats(), d.regionCodes())).toList();
        return catalog.define(definitions, Caller.of(jwt)).stream().map(DapilView::of).toList();
    }

    /** Imports dapil from CSV ({@code body,areaCode,code,name,seats,regions}); each (body, area) set is replaced. */
    @PostMapping(value = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    List<DapilView> importCsv(@RequestBody String csv, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (!DapilAccess.administersSome(caller)) {
            throw DomainException.notPermitted("Dapil ditetapkan oleh KPU yang berwenang atas wilayahnya.");
        }
        return catalog.define(DapilCsv.parse(csv), caller).stream().map(DapilView::of).toList();
    }
}
