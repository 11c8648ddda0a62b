package id.pemilu.portal.desk;

import id.pemilu.portal.signin.SignedIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The desk of a kab/kota or province manages its reporters: who reported how many TPS (how many flagged) and when
 * last; stop a reporter for the desk's region (with a reason: their sends are then refused with it) or let them
 * again. Accounts and their region are managed in Keycloak.
 */
@Controller
class DeskReportersController {

    private final DeskClient desk;

    DeskReportersController(DeskClient desk) {
        this.desk = desk;
    }

    @GetMapping("/desk/pelapor")
    String list(Authentication authentication, @RequestParam(defaultValue = DeskController.GUBERNUR) String pilkada,
                Model model) {
        SignedIn user = requireRegionalDesk(SignedIn.of(authentication));
        String contest = DeskAccess.validContest(pilkada);
        DeskClient.Answer answer = desk.reporters(user.regionCode(), contest);
        if (answer.status() == 403) {
            throw new DeskAccess.Refused(answer.detail());
        }
        if (!answer.ok()) {
            throw new IllegalArgumentException(answer.detail());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        answer.body().forEach(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("username", r.path("username").asString());
            row.put("reports", r.path("reports").asInt());
            row.put("flagged", r.path("flagged").asInt());
            row.put("last", DeskLabels.time(r.path("lastReportAt").asString(null)));
            row.put("blocked", r.path("blocked").asBoolean(false));
            row.put("reason", r.path("blockedReason").asString(""));
            rows.add(row);
        });
        model.addAttribute("unofficial", DeskLabels.UNOFFICIAL);
        model.addAttribute("rows", rows);
        model.addAttribute("region", user.regionCode());
        model.addAttribute("contest", contest);
        model.addAttribute("contestLabel", DeskLabels.contest(contest));
        model.addAttribute("contests", DeskLabels.CONTESTS);
        return "desk/pelapor";
    }

    @PostMapping("/desk/pelapor/{username}/nonaktif")
    String block(Authentication authentication, @PathVariable String username, @RequestParam(required = false)
            String reason, RedirectAttributes redirect) {
        requireRegionalDesk(SignedIn.of(authentication));
        DeskClient.Answer answer = desk.block(validUsername(username), reason);
        redirect.addFlashAttribute(answer.ok() ? "done" : "error", answer.ok()
                ? "Pelapor " + username + " dinonaktifkan untuk wilayah Anda; kirimannya ditolak dengan alasan itu."
                : answer.detail());
        return "redirect:/desk/pelapor";
    }

    @PostMapping("/desk/pelapor/{username}/aktif")
    String unblock(Authentication authentication, @PathVariable String username, RedirectAttributes redirect) {
        requireRegionalDesk(SignedIn.of(authentication));
        DeskClient.Answer answer = desk.unblock(validUsername(username));
        redirect.addFlashAttribute(answer.ok() ? "done" : "error", answer.ok()
                ? "Pelapor " + username + " dapat melapor lagi." : answer.detail());
        return "redirect:/desk/pelapor";
    }

    private static SignedIn requireRegionalDesk(SignedIn user) {
        DeskAccess.requireDesk(user);
        if (!user.roles().contains(DeskAccess.DESK) || user.regionCode() == null || user.regionCode().isBlank()) {
            throw new DeskAccess.Refused("Pelapor dikelola oleh Desk Pilkada kabupaten/kota atau provinsi.");
        }
        return user;
    }

    private static String validUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new IllegalArgumentException("Nama pengguna tidak sah.");
        }
        return username;
    }
}
