package id.pemilu.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** "Masuk" starts the Keycloak sign-in; the 403 page explains a refusal in plain words. */
@Controller
class SignInController {

    @GetMapping("/masuk")
    String signIn() {
        return "redirect:" + SignInConfig.SIGN_IN_PATH;
    }

    @GetMapping("/masuk-gagal")
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    String failed(Model model) {
        model.addAttribute("message", "Masuk gagal: jawaban Keycloak tidak dapat diterima atau sudah kedaluwarsa. "
                + "Coba masuk lagi.");
        model.addAttribute("back", "/masuk");
        return "pesan";
    }

    @RequestMapping("/akses-ditolak")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(HttpServletRequest request, Model model, Authentication authentication) {
        model.addAttribute("signedIn", SignedIn.of(authentication));
        Object cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute("message", cause instanceof CsrfException
                ? "Formulir ini sudah kedaluwarsa (sesi berakhir atau halaman dibuka terlalu lama). Muat ulang "
                + "halaman, lalu kirim lagi."
                : "Anda tidak berhak membuka halaman ini.");
        return "akses-ditolak";
    }
}
