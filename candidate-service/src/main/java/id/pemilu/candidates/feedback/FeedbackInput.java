package id.pemilu.candidates.feedback;

import java.net.URI;
import java.util.List;

/**
 * A citizen's feedback on a DCS candidate.
 *
 * @param text         what the citizen reports (10-2000 characters)
 * @param evidenceUrls links to evidence (http/https, at most 5)
 */
public record FeedbackInput(String text, List<String> evidenceUrls) {

    /** The input checked and trimmed; throws IllegalArgumentException (400) with the reason otherwise. */
    public FeedbackInput validated() {
        if (text == null || text.strip().length() < 10 || text.length() > 2000) {
            throw new IllegalArgumentException("Isi tanggapan wajib 10 sampai 2000 karakter.");
        }
        List<String> urls = evidenceUrls == null ? List.of() : evidenceUrls.stream()
                .map(u -> u == null ? null : u.trim()).toList();
        if (urls.size() > 5) {
            throw new IllegalArgumentException("Paling banyak 5 tautan bukti.");
        }
        for (String url : urls) {
            String scheme = url == null ? null : safeScheme(url);
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("Tautan bukti harus alamat http atau https: " + url);
            }
        }
        return new FeedbackInput(text.strip(), urls);
    }

    private static String safeScheme(String url) {
        try {
            return URI.create(url.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
