package id.pemilu.portal.desk;

import id.pemilu.portal.signin.SignedIn;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The photo of the form beside a quick report: the reporter attaches it to their report, the desk looks at it beside
 * the numbers (turned and zoomed on the TPS page). desk-pilkada keeps the photo and decides who may see it; the portal
 * passes it on with the signed-in user's token.
 */
@Controller
class DeskPhotoController {

    private final DeskClient desk;

    DeskPhotoController(DeskClient desk) {
        this.desk = desk;
    }

    @GetMapping("/desk/tps/{tps}/{pilkada}/foto/{sha256}")
    ResponseEntity<byte[]> photo(Authentication authentication, @PathVariable String tps, @PathVariable String pilkada,
                                 @PathVariable String sha256) {
        DeskAccess.requireDesk(SignedIn.of(authentication));
        DeskAccess.validTps(tps);
        DeskAccess.validContest(pilkada);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Alamat foto tidak sah.");
        }
        DeskClient.Download photo = desk.photo(sha256);
        if (photo.status() == 403) {
            throw new DeskAccess.Refused("Foto ini milik laporan TPS di luar wilayah tugas Anda.");
        }
        if (photo.status() != 200 || photo.contentType() == null || !photo.contentType().startsWith("image/")) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(photo.body());
    }

    @PostMapping("/desk/tps/{tps}/{pilkada}/foto")
    String attach(Authentication authentication, @PathVariable String tps, @PathVariable String pilkada,
                  @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        DeskAccess.requireDesk(SignedIn.of(authentication));
        DeskAccess.validTps(tps);
        String contest = DeskAccess.validContest(pilkada);
        String back = "redirect:/desk/tps/" + tps + "/" + contest;
        if (photo == null || photo.isEmpty()) {
            redirect.addFlashAttribute("photoError", "Pilih atau ambil foto formulir dulu, lalu kirim.");
            return back + "#foto";
        }
        DeskClient.Answer answer = desk.attachPhoto(tps, contest, photo.getOriginalFilename(), photo.getContentType(),
                photo.getBytes());
        if (answer.status() == 403) {
            throw new DeskAccess.Refused(answer.detail());
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("photoError", "Foto tidak tersimpan: " + answer.detail()
                    + (answer.status() == 413 ? " Ambil foto lagi dengan resolusi kamera lebih kecil." : ""));
            return back + "#foto";
        }
        return back + "?terkirim=foto#foto";
    }
}
