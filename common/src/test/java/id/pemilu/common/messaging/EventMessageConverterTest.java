package id.pemilu.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.events.PartyRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConverter;

class EventMessageConverterTest {

    @Test
    void sharedEventsComeBackAsTheirOwnTypeWithoutAHintFromTheListener() {
        MessageConverter converter = new EventBusAutoConfiguration().eventMessageConverter();
        PartyRegistered event = PartyRegistered.now("pnb", "Partai Nusantara Baru", "PNB");
        Message message = converter.toMessage(event, new MessageProperties());
        assertThat(converter.fromMessage(message)).isEqualTo(event);
    }
}
