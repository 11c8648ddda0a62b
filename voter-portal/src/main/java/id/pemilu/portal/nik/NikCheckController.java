package id.pemilu.portal.nik;

import id.pemilu.common.web.ClientAddress;
import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.backend.MembersApi;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * "Apakah NIK saya dicatut partai?" A citizen enters NIK and full name; the answer is only "not found" or the
 * parties that list them. The portal keeps nothing and passes the citizen's address on for per-client limits.
 */
@Controller
class NikCheckController {

    private final MembersApi members;

    private final ClientAddress clients;

    NikCheckController(MembersApi members, ClientAddress clients) {
        this.clients = clients;
        this.members = members;
    }

    @GetMapping("/cek-nik")
    String form() {
        return "cek-nik";
    }

    @PostMapping("/cek-nik")
    String check(@RequestParam(defaultValue = "") String nik, @RequestParam(defaultValue = "") String fullName,
                 HttpServletRequest request, Model model) {
        model.addAttribute("fullName", fullName);
        String input = NikInput.problem(nik, fullName);
        if (input != null) {
            model.addAttribute("error", input);
            return "cek-nik";
        }
        try {
            MembersApi.NikCheckAnswer answer = members.check(nik.strip(), fullName.strip(), clients.of(request));
            if (answer.problem() != null) {
                model.addAttribute("error", answer.problem());
            } else {
                model.addAttribute("answer", answer);
                model.addAttribute("nik", nik.strip());
            }
        } catch (BackendUnavailable e) {
            model.addAttribute("error", "Layanan pengecekan sedang tidak menjawab. Coba lagi beberapa saat lagi.");
        }
        return "cek-nik";
    }

    @PostMapping("/cek-nik/pengaduan")
    String complain(@RequestParam(defaultValue = "") String nik, @RequestParam(defaultValue = "") String fullName,
                    @RequestParam(defaultValue = "") String partyId, @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String statement,
                    HttpServletRequest request, Model model) {
        model.addAttribute("fullName", fullName);
        String input = NikInput.problem(nik, fullName);
        if (input == null && !partyId.matches("[A-Za-z0-9_-]{1,40}")) {
            input = "Pilih partai yang Anda adukan.";
        }
        if (input == null && statement.isBlank()) {
            input = "Tuliskan pernyataan Anda, misalnya \"Saya tidak pernah mendaftar sebagai anggota partai ini\".";
        }
        if (input != null) {
            model.addAttribute("error", input);
            return "cek-nik";
        }
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("nik", nik.strip());
        complaint.put("fullName", fullName.strip());
        complaint.put("partyId", partyId);
        complaint.put("contact", contact.strip());
        complaint.put("statement", statement.strip());
        try {
            JsonNode answer = members.complain(complaint, clients.of(request));
            if (MembersApi.isProblem(answer)) {
                model.addAttribute("error", answer.path("detail").asString("Pengaduan ditolak."));
            } else {
                model.addAttribute("complaintReference", answer.path("complaintId").asString(""));
                model.addAttribute("answerDeadline", answer.path("answerDeadline").asString(""));
            }
        } catch (BackendUnavailable e) {
            model.addAttribute("error", "Pengaduan belum terkirim: layanan sedang tidak menjawab. Coba lagi nanti.");
        }
        return "cek-nik";
    }
}
