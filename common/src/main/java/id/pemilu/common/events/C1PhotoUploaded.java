package id.pemilu.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * recap-service stored a KPPS officer's photo of one C.Hasil page and asks ocr-c1-reader to read it.
 * The photo travels inside the event (base64 of the stored original; uploads are limited to a few MB) so the reader
 * needs no access to recap-service's store.
 *
 * @param submissionId the recap-service submission the page belongs to
 * @param tpsCode      TPS code, {@code <desa code>.<3-digit TPS number>}, e.g. {@code 31.71.01.1001.001}
 * @param ballotType   PPWP, DPR, DPD, DPRD_PROVINSI, DPRD_KABKOTA, PILKADA_GUBERNUR, PILKADA_BUPATI
 * @param page         page number of the form, from 1
 */
public record C1PhotoUploaded(UUID eventId, Instant occurredAt, int version,
                              String submissionId, String tpsCode, String ballotType, int page,
                              String photoSha256, String contentType, String photoBase64) implements DomainEvent {

    public static final int CURRENT_VERSION = 1;
}
