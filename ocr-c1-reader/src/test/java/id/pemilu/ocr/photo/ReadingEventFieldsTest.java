package id.pemilu.ocr.photo;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.events.C1FormRead;
import id.pemilu.ocr.reading.FieldReading;
import org.junit.jupiter.api.Test;

/** What of a field's reading goes into the reading event recap-service turns into the officer's draft. */
class ReadingEventFieldsTest {

    @Test
    void theSumsSuggestionTravelsOnlyWhenItDiffersFromTheValueAsWritten() {
        C1FormRead.PixelBox box = new C1FormRead.PixelBox(1, 2, 3, 4);
        C1FormRead.FieldReading differs = PhotoReadingService.toEvent(
                new FieldReading("votes.candidate.1", 161, 0.6, true, 161, 0.9, 160), box);
        assertThat(differs.value()).as("the value stays as written").isEqualTo(161);
        assertThat(differs.needsReview()).isTrue();
        assertThat(differs.suggested()).isEqualTo(160);
        assertThat(differs.box()).isEqualTo(box);

        assertThat(PhotoReadingService.toEvent(new FieldReading("votes.valid", 300, 0.6, true, 300, 0.9, 300), box)
                .suggested()).as("a suggestion equal to the value").isNull();
        assertThat(PhotoReadingService.toEvent(new FieldReading("votes.valid", 300, 0.99, false, 300, 0.99), null)
                .suggested()).as("a form not read as written").isNull();
    }
}
