package id.pemilu.ocr.photo;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.common.events.C1PhotoUploaded;
import id.pemilu.common.outbox.OutboxRelay;
import id.pemilu.ocr.reading.FieldReading;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.FormReading;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Reads an uploaded photo and records the reading with its {@code C1FormRead} event. A photo of another TPS's form,
 * of another ballot or page, is answered UNREADABLE with the reason, never read into this submission.
 */
@Service
class PhotoReadingService {

    private final FormReader reader;
    private final PhotoReadings readings;
    private final ObjectProvider<OutboxRelay> relay;

    PhotoReadingService(FormReader reader, PhotoReadings readings, ObjectProvider<OutboxRelay> relay) {
        this.reader = reader;
        this.readings = readings;
        this.relay = relay;
    }

    /** Idempotent on the upload's event id: a second call for the same upload changes nothing. */
    void readAndRecord(C1PhotoUploaded upload) {
        String id = upload.eventId().toString();
        if (readings.existsById(id)) {
            return;
        }
        PhotoReading reading = toReading(upload);
        readings.save(reading);
        relay.ifAvailable(r -> r.publishSoon(PhotoReading.COLLECTION, id));
    }

    static PhotoReading toReading(C1PhotoUploaded upload, FormReading reading) {
        if (!FormReading.READ.equals(reading.outcome())) {
            return PhotoReading.of(upload, FormReading.UNREADABLE, reading.reason(), reading.tpsCode(), List.of());
        }
        if (!reading.tpsCode().equals(upload.tpsCode())) {
            return PhotoReading.of(upload, FormReading.UNREADABLE, "formulir salah: kode QR menunjukkan TPS "
                    + reading.tpsCode() + ", bukan TPS " + upload.tpsCode(), reading.tpsCode(), List.of());
        }
        if (upload.ballotType() != null && !reading.ballotType().equals(upload.ballotType())) {
            return PhotoReading.of(upload, FormReading.UNREADABLE, "formulir salah: ini formulir C.Hasil-"
                    + reading.ballotType() + ", bukan C.Hasil-" + upload.ballotType(), reading.tpsCode(), List.of());
        }
        if (reading.page() != null && reading.page() != upload.page()) {
            return PhotoReading.of(upload, FormReading.UNREADABLE, "formulir salah: ini halaman " + reading.page()
                    + ", bukan halaman " + upload.page(), reading.tpsCode(), List.of());
        }
        List<C1FormRead.FieldReading> fields = reading.fields().stream()
                .map(f -> toEvent(f, reading.boxes().get(f.key()))).toList();
        return PhotoReading.of(upload, FormReading.READ, reading.reason(), reading.tpsCode(), fields);
    }

    private PhotoReading toReading(C1PhotoUploaded upload) {
        byte[] photo;
        try {
            photo = Base64.getMimeDecoder().decode(upload.photoBase64() == null ? "" : upload.photoBase64());
        } catch (IllegalArgumentException e) {
            return PhotoReading.of(upload, FormReading.UNREADABLE, "berkas foto rusak: unggah ulang foto", null,
                    List.of());
        }
        return toReading(upload, reader.read(photo));
    }

    static C1FormRead.FieldReading toEvent(FieldReading field, C1FormRead.PixelBox box) {
        return new C1FormRead.FieldReading(field.key(), field.value(), field.confidence(), field.needsReview(), box,
                field.suggestionDiffers() ? field.suggestedValue() : null);
    }
}
