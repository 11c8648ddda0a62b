package id.pemilu.portal.results;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as citizens in most of Indonesia read them: Western Indonesian Time (WIB, UTC+7). */
final class WibTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss 'WIB'")
            .withZone(ZoneId.of("Asia/Jakarta"));

    private WibTime() {
    }

    /** An ISO instant ({@code 2029-02-14T13:05:00Z}) as {@code 14-2-2029 20:05:00 WIB}; null or unreadable → null. */
    static String of(Object isoInstant) {
        if (isoInstant == null) {
            return null;
        }
        try {
            return FORMAT.format(Instant.parse(isoInstant.toString()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
