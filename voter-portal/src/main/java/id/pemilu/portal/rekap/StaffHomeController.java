package id.pemilu.portal.rekap;

import id.pemilu.portal.signin.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff home page: per role of the signed-in user, the consoles available (one simple list in templates/staf.html;
 * each console adds its links there).
 */
@Controller
class StaffHomeController {

    @GetMapping("/staf")
    String home(Authentication authentication, Model model) {
        SignedIn signedIn = SignedIn.of(authentication);
        if (signedIn == null) {
            return "redirect:/masuk";
        }
        if (signedIn.isKpps() && signedIn.roles().stream().noneMatch(r -> RekapAccess.OFFICER_ROLES.contains(r)
                || r.equals("bawaslu") || r.equals("party-operator"))) {
            return "redirect:/kpps"; // a KPPS officer has one console: their TPS
        }
        model.addAttribute("roles", signedIn.roles());
        model.addAttribute("home", RekapAccess.homeRegion(signedIn));
        return "staf";
    }
}
