package id.pemilu.portal.kpps;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Refusals and outages on the KPPS pages, as pages in plain Bahasa Indonesia. */
@ControllerAdvice(basePackageClasses = KppsErrors.class)
class KppsErrors {

    @ExceptionHandler(KppsAccess.Refused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(KppsAccess.Refused e, Model model, Authentication authentication) {
        model.addAttribute("signedIn", SignedIn.of(authentication));
        model.addAttribute("message", e.getMessage());
        return "akses-ditolak";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("message", "Foto terlalu besar (maksimal 8 MB). Ambil foto dengan resolusi lebih kecil.");
        return "pesan";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("message", "Layanan rekapitulasi sedang tidak menjawab. Tidak ada yang hilang: coba lagi "
                + "sebentar lagi.");
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
        model.addAttribute("back", "/kpps");
        return "pesan";
    }
}
