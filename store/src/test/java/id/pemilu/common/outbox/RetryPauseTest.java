package id.pemilu.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPauseTest {

    @Test
    void doublesAfterEachFailureUpToThirtySecondsAndStartsOverAfterASuccess() {
        RetryPause pause = new RetryPause();
        assertThat(pause.waiting(0)).as("no wait before any failure").isFalse();

        pause.failed(10_000);
        assertThat(pause.waiting(10_999)).isTrue();
        assertThat(pause.waiting(11_000)).isFalse();
        assertThat(pause.millis()).isEqualTo(2_000);

        for (int i = 0; i < 10; i++) {
            pause.failed(20_000);
        }
        assertThat(pause.millis()).isEqualTo(30_000);
        assertThat(pause.waiting(49_999)).as("the longest pause is 30 s").isTrue();
        assertThat(pause.waiting(50_000)).isFalse();

        pause.succeeded();
        pause.failed(60_000);
        assertThat(pause.waiting(60_999)).isTrue();
        assertThat(pause.waiting(61_000)).as("back to 1 s after a round that went through").isFalse();
    }
}
