package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Refusals and outages on the reconciliation desk, as pages in plain Bahasa Indonesia with what to do. */
@ControllerAdvice(basePackageClasses = RekapErrors.class)
class RekapErrors {

    @ExceptionHandler(RekapAccess.Refused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(RekapAccess.Refused e, Model model, Authentication authentication) {
        SignedIn signedIn = SignedIn.of(authentication);
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("message", e.getMessage());
        model.addAttribute("todo", signedIn == null ? null : "Anda masuk sebagai " + signedIn.roleLabel()
                + (signedIn.scopeLabel().isBlank() ? "" : " (" + signedIn.scopeLabel() + ")") + ". Buka daftar kerja "
                + "wilayah Anda sendiri; bila Anda memang bertugas di wilayah itu, minta administrator KPU "
                + "memperbarui wilayah tugas akun Anda.");
        model.addAttribute("staffHome", true);
        return "akses-ditolak";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("message", "Layanan rekapitulasi sedang tidak menjawab. Tidak ada yang hilang atau "
                + "berubah: coba lagi sebentar lagi.");
        model.addAttribute("back", "/staf");
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
        model.addAttribute("back", "/rekap");
        return "pesan";
    }
}
