package id.pemilu.portal.web;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.signin.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Refusals and outages on the signed-in consoles (KPPS, the reconciliation desk, Sipol and Silon, Bawaslu) as pages
 * in plain Bahasa Indonesia: a refusal says why and what to do (one page, one attribute {@code whatToDo}); an outage
 * says nothing was lost; bad input says what was wrong; each with the way back to its console.
 */
@ControllerAdvice(basePackages = {"id.pemilu.portal.kpps", "id.pemilu.portal.rekap", "id.pemilu.portal.sipol",
        "id.pemilu.portal.silon", "id.pemilu.portal.bawaslu"})
class StaffErrorPages {

    @ExceptionHandler(AccessRefused.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(AccessRefused e, Model model, Authentication authentication) {
        SignedIn signedIn = SignedIn.of(authentication);
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("message", e.getMessage());
        model.addAttribute("whatToDo", e.whatToDo(signedIn));
        return "akses-ditolak";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(BackendUnavailable e, Model model, HttpServletRequest request) {
        model.addAttribute("message", "Layanan " + serviceName(e.service()) + " sedang tidak menjawab. Tidak ada "
                + "yang hilang atau berubah: coba lagi sebentar lagi.");
        String console = console(request);
        model.addAttribute("back", "/rekap".equals(console) ? "/staf" : console);
        return "pesan";
    }

    @ExceptionHandler(OAuth2AuthorizationException.class)
    String signInAgain() {
        return "redirect:/masuk";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model, HttpServletRequest request) {
        model.addAttribute("message", e.getMessage());
        model.addAttribute("back", console(request));
        return "pesan";
    }

    /** The home of the console the request belongs to (/kpps, /rekap, /sipol, /silon, /bawaslu). */
    static String console(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path : path.substring(0, end);
        return switch (first) {
            case "/kpps", "/rekap", "/sipol", "/silon", "/bawaslu" -> first;
            default -> "/staf";
        };
    }

    static String serviceName(String service) {
        return switch (service == null ? "" : service) {
            case "recap-service" -> "rekapitulasi";
            case "party-registry" -> "Sipol (party-registry)";
            case "candidate-service" -> "Silon (candidate-service)";
            default -> service == null || service.isBlank() ? "di belakang portal" : service;
        };
    }
}
