package id.pemilu.ocr.reader;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.web.ApiProblem;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.FormReading;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Staff tools: post a photo of a C.Hasil page, get the reading (a draft to confirm, nothing is stored). */
@RestController
@RequestMapping("/api/ocr")
class ReadController {

    private final FormReader reader;

    ReadController(FormReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "Read a photographed C.Hasil page (multipart part 'photo')")
    @PostMapping(path = "/read", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('kpps', 'ppk', 'kpu-kabkota', 'kpu-provinsi', 'kpu-ri')")
    FormReading read(@RequestPart("photo") MultipartFile photo, @AuthenticationPrincipal Jwt jwt) throws IOException {
        if (photo.isEmpty()) {
            throw ApiProblem.badRequest("berkas foto kosong: unggah foto formulir C.Hasil");
        }
        FormReading reading = reader.read(photo.getBytes());
        if (!FormReading.READ.equals(reading.outcome())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Foto tidak dapat dibaca", reading.reason(),
                    Map.of("outcome", reading.outcome()));
        }
        Caller caller = Caller.of(jwt);
        if (!mayRead(caller, reading.tpsCode())) {
            throw ApiProblem.forbidden("formulir ini milik TPS " + reading.tpsCode()
                    + ", di luar wilayah tugas Anda");
        }
        return reading;
    }

    static boolean mayRead(Caller caller, String tpsCode) {
        if (caller.hasRole(Roles.KPPS)) {
            return tpsCode.equals(caller.tpsCode());
        }
        return caller.coversRegion(tpsCode);
    }
}
