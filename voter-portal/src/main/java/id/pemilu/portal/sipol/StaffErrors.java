package id.pemilu.portal.sipol;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.silon.SilonController;
import id.pemilu.portal.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Refusals and outages on the Sipol and Silon screens, as pages in plain Bahasa Indonesia. */
@ControllerAdvice(basePackageClasses = {SipolController.class, SilonController.class})
class StaffErrors {

    @ExceptionHandler(StaffRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(StaffRefused e, Model model, Authentication authentication) {
        model.addAttribute("signedIn", SignedIn.of(authentication));
        model.addAttribute("message", e.getMessage());
        model.addAttribute("whatToDo", e.whatToDo());
        return "akses-ditolak";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(BackendUnavailable e, Model model) {
        model.addAttribute("message", "Layanan " + (e.getMessage() == null ? "" : e.getMessage())
                + ". Tidak ada yang hilang: coba lagi sebentar lagi.");
        return "pesan";
    }

    @ExceptionHandler(OAuth2AuthorizationException.class)
    String signInAgain() {
        return "redirect:/masuk";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "pesan";
    }
}
