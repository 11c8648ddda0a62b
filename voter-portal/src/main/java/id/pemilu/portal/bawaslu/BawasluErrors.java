package id.pemilu.portal.bawaslu;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Refusals and outages on the Bawaslu pages, as pages in plain Bahasa Indonesia. */
@ControllerAdvice(basePackageClasses = BawasluErrors.class)
class BawasluErrors {

    @ExceptionHandler(BawasluAccess.Refused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(BawasluAccess.Refused e, Model model, Authentication authentication) {
        model.addAttribute("signedIn", SignedIn.of(authentication));
        model.addAttribute("message", e.getMessage());
        return "akses-ditolak";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("message", "Layanan rekapitulasi sedang tidak menjawab. Coba lagi sebentar lagi.");
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
