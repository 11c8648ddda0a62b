package id.pemilu.partyregistry.member;

import id.pemilu.common.csv.CsvCell;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.web.ApiProblem;
import id.pemilu.partyregistry.party.PartyAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class MemberController {

    private final MemberImporter importer;
    private final MemberImports imports;
    private final MemberService members;
    private final FactualSamples samples;

    MemberController(MemberImporter importer, MemberImports imports, MemberService members, FactualSamples samples) {
        this.importer = importer;
        this.imports = imports;
        this.members = members;
        this.samples = samples;
    }

    @PostMapping(path = "/api/parties/{partyId}/member-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MemberImport> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                                        @RequestPart("file") MultipartFile file,
                                        @RequestParam(defaultValue = "false") boolean wait) throws IOException {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireManage(caller, partyId);
        MemberImporter.Started started;
        try (InputStream in = file.getInputStream()) {
            started = importer.start(partyId, file.getOriginalFilename(), in, caller.username(), wait);
        }
        MemberImport result = started.memberImport();
        if (result.getStatus() == MemberImport.Status.FAILED) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Impor gagal", result.getFailure());
        }
        HttpStatus status = started.alreadyImported() ? HttpStatus.OK
                : result.getStatus() == MemberImport.Status.COMPLETED ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status)
                .location(URI.create("/api/parties/" + partyId + "/member-imports/" + result.getId()))
                .body(result);
    }

    @GetMapping("/api/parties/{partyId}/member-imports")
    List<MemberImport> importsOf(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId) {
        PartyAccess.requireView(Caller.of(jwt), partyId);
        return imports.ofParty(partyId);
    }

    @GetMapping("/api/parties/{partyId}/member-imports/{importId}")
    MemberImport importOf(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                          @PathVariable String importId) {
        PartyAccess.requireView(Caller.of(jwt), partyId);
        return imports.find(importId).filter(i -> i.getPartyId().equals(partyId))
                .orElseThrow(() -> ApiProblem.notFound("Impor tidak ditemukan."));
    }

    /** Per-row report (CSV): rejected rows and flagged rows, with the reasons. */
    @GetMapping(path = "/api/parties/{partyId}/member-imports/{importId}/report")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                                  @PathVariable String importId) {
        importOf(jwt, partyId, importId);
        StringBuilder csv = new StringBuilder("baris,nik,jenis,masalah\n");
        for (Document d : imports.problems(importId)) {
            List<String> problems = d.getList("problems", String.class);
            // every cell quoted, formulas from the uploaded file neutralised (CSV injection)
            csv.append(CsvCell.of(d.getInteger("row"))).append(',').append(CsvCell.of(d.getString("nik"))).append(',')
                    .append(CsvCell.of(d.getString("kind"))).append(',')
                    .append(CsvCell.of(String.join("; ", problems))).append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"laporan-" + importId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/parties/{partyId}/members")
    List<MemberView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                          @RequestParam(required = false) String kabKotaCode,
                          @RequestParam(required = false) Flag flag,
                          @RequestParam(required = false) MemberStatus status,
                          @RequestParam(required = false) String name,
                          @RequestParam(defaultValue = "200") int limit) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireView(caller, partyId);
        if (name != null && name.length() > 200) {
            throw new IllegalArgumentException("Nama yang dicari paling panjang 200 huruf.");
        }
        return members.list(partyId, kabKotaCode, flag, status, name, Math.max(1, Math.min(limit, 5000)), caller);
    }

    @GetMapping("/api/parties/{partyId}/members/{memberId}")
    MemberView member(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                      @PathVariable String memberId) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireView(caller, partyId);
        return members.get(partyId, memberId, caller);
    }

    @PutMapping("/api/parties/{partyId}/members/{memberId}/verification")
    MemberView verify(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId, @PathVariable String memberId,
                      @RequestBody MemberRequests.Verification body) {
        return members.verify(partyId, memberId, body.result(), body.reason(), Caller.of(jwt));
    }

    @PutMapping("/api/parties/{partyId}/members/{memberId}/factual")
    MemberView factual(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId, @PathVariable String memberId,
                       @RequestBody MemberRequests.Verification body) {
        return members.recordFactual(partyId, memberId, body.result(), body.reason(), Caller.of(jwt));
    }

    @PostMapping("/api/parties/{partyId}/members/{memberId}/replacement")
    ResponseEntity<MemberView> replace(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                                       @PathVariable String memberId, @RequestBody MemberRequests.Replacement body) {
        Caller caller = Caller.of(jwt);
        PartyAccess.requireManage(caller, partyId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(members.replace(partyId, memberId, body.toRow(), caller));
    }

    @PostMapping("/api/parties/{partyId}/factual-samples")
    ResponseEntity<FactualSample> draw(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                                       @RequestBody MemberRequests.SampleDraw body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(samples.draw(partyId, body.kabKotaCode(), body.seed(), body.size(), Caller.of(jwt)));
    }

    @GetMapping("/api/parties/{partyId}/factual-samples")
    List<FactualSample> samplesOf(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId) {
        PartyAccess.requireView(Caller.of(jwt), partyId);
        return samples.ofParty(partyId);
    }

    /**
     * Re-draws a sample from a published seed (anyone with access can check KPU's draw). The parameters are read
     * after the access check: other roles get 403 whatever they sent.
     */
    @GetMapping("/api/parties/{partyId}/factual-samples/redraw")
    Map<String, Object> redraw(@AuthenticationPrincipal Jwt jwt, @PathVariable String partyId,
                               @RequestParam(required = false) String kabKotaCode,
                               @RequestParam(required = false) String seed,
                               @RequestParam(required = false) String size) {
        PartyAccess.requireView(Caller.of(jwt), partyId);
        if (kabKotaCode == null || kabKotaCode.isBlank() || seed == null || seed.isBlank() || size == null
                || !size.strip().matches("\\d{1,6}")) {
            throw new IllegalArgumentException("Undian ulang memerlukan kabKotaCode, seed dan size (bilangan bulat).");
        }
        List<String> population = samples.population(partyId, kabKotaCode);
        int count = Integer.parseInt(size.strip());
        return Map.of("seed", seed, "population", population.size(),
                "memberIds", FactualSample.draw(seed, population, Math.min(count, Math.max(1, population.size()))));
    }

    @PostMapping("/api/members/officials")
    Map<String, Object> officials(@AuthenticationPrincipal Jwt jwt, @RequestBody MemberRequests.OfficialList body) {
        Caller caller = Caller.of(jwt);
        if (!PartyAccess.isKpu(caller) && !caller.hasRole(Roles.BAWASLU)) {
            throw ApiProblem.forbidden("Daftar pegawai hanya diunggah oleh KPU, Bawaslu atau instansi.");
        }
        if (body.niks() == null || body.niks().isEmpty()) {
            throw new IllegalArgumentException("Daftar NIK pegawai kosong.");
        }
        int stored = members.uploadOfficials(body.agency(), body.niks(), caller.username());
        return Map.of("agency", body.agency(), "stored", stored);
    }
}
