package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.signin.SignedIn;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Citizens' and witnesses' reports and Bawaslu's recommendations where the desk decides: the list of a region (from the
 * work list's counts) and, on the TPS review screen, closing a report and answering a recommendation with a reason.
 */
@Controller
class ConcernsController {

    private final Concerns concerns;
    private final OfficerRecap recap;

    ConcernsController(Concerns concerns, OfficerRecap recap) {
        this.concerns = concerns;
        this.recap = recap;
    }

    @GetMapping("/rekap/{type}/{region:ID|\\d{2}(?:\\.\\d{2}){0,2}}/laporan")
    String region(Authentication authentication, @PathVariable String type, @PathVariable String region,
                  Model model) {
        RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        String tier = RekapAccess.tierOf(region);
        Concerns.View view = concerns.ofRegion(region);
        if (view.reportsRefused() != null && view.recommendationsRefused() != null) {
            throw new RekapAccess.Refused(view.reportsRefused());
        }
        model.addAttribute("type", type);
        model.addAttribute("ballotName", RekapLabels.ballot(type));
        model.addAttribute("region", region);
        model.addAttribute("tierLabel", RekapLabels.tier(tier));
        model.addAttribute("kecamatan", "KECAMATAN".equals(tier));
        model.addAttribute("concerns", view);
        return "rekap/laporan";
    }

    @PostMapping("/rekap/{type}/tps/{tps}/laporan/{reason}/tutup")
    String close(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                 @PathVariable String reason, @RequestParam(defaultValue = "") String why,
                 RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        String back = "redirect:/rekap/" + type + "/tps/" + tps + "#laporan";
        if (why.strip().length() < 5) {
            redirect.addFlashAttribute("concernError", "Laporan belum ditutup: tulis apa yang sudah diperiksa "
                    + "(minimal 5 huruf), mis. \u201cdicocokkan dengan C.Hasil kertas, angka sudah benar\u201d.");
            return back;
        }
        OfficerRecap.Answer answer = recap.post(Map.of("reason", why.strip()),
                "/api/recap/tps/{t}/reports/{r}/close", tps, reason).orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            redirect.addFlashAttribute("concernError", "Laporan tidak dapat ditutup: " + answer.detail());
            return back;
        }
        redirect.addFlashAttribute("done", "Laporan \u201c" + answer.body().path("label").asString(reason)
                + "\u201d pada TPS " + tps + " ditutup atas nama " + staff.username() + " dengan alasan: \u201c"
                + why.strip() + "\u201d.");
        return back;
    }

    @PostMapping("/rekap/{type}/tps/{tps}/rekomendasi/{id}/jawab")
    String answer(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                  @PathVariable String id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String why, RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        String back = "redirect:/rekap/" + type + "/tps/" + tps + "#laporan";
        if (!decision.equals("accepted") && !decision.equals("rejected")) {
            redirect.addFlashAttribute("concernError", "Rekomendasi belum dijawab: pilih ditindaklanjuti atau "
                    + "ditolak.");
            return back;
        }
        if (why.strip().length() < 5) {
            redirect.addFlashAttribute("concernError", "Rekomendasi belum dijawab: tulis alasannya (minimal 5 "
                    + "huruf).");
            return back;
        }
        OfficerRecap.Answer answer = recap.post(Map.of("decision", decision, "reason", why.strip()),
                "/api/recap/recommendations/{id}/answer", id).orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            redirect.addFlashAttribute("concernError", "Rekomendasi tidak dapat dijawab: " + answer.detail());
            return back;
        }
        redirect.addFlashAttribute("done", "Rekomendasi Bawaslu dijawab (" + ("accepted".equals(decision)
                ? "ditindaklanjuti" : "ditolak") + ") atas nama " + staff.username() + ": \u201c" + why.strip()
                + "\u201d.");
        return back;
    }
}
