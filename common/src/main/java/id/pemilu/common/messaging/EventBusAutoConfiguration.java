package id.pemilu.common.messaging;

import id.pemilu.common.events.EventExchanges;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The shared event backbone: exchanges and JSON conversion. The outbox relay and the idempotency guard, which keep
 * their state in MongoDB, come with the store module ({@code OutboxAutoConfiguration}) in the services that store.
 */
@AutoConfiguration(afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
public class EventBusAutoConfiguration {

    @Bean
    Declarables pemiluExchanges() {
        FanoutExchange unrouted = new FanoutExchange(EventExchanges.UNROUTED);
        Queue unroutedQueue = QueueBuilder.durable(EventExchanges.UNROUTED).quorum().build();
        TopicExchange events = (TopicExchange) ExchangeBuilder.topicExchange(EventExchanges.DOMAIN_EVENTS)
                .durable(true).alternate(EventExchanges.UNROUTED).build();
        return new Declarables(unrouted, unroutedQueue, BindingBuilder.bind(unroutedQueue).to(unrouted), events,
                new DirectExchange(EventExchanges.DEAD_LETTERS));
    }

    @Bean
    @ConditionalOnMissingBean(MessageConverter.class)
    MessageConverter eventMessageConverter() {
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter("id.pemilu");
        DefaultJacksonJavaTypeMapper typeMapper = new DefaultJacksonJavaTypeMapper();
        // Trusted packages match exact package names: list the one the shared events live in, plus the root.
        typeMapper.setTrustedPackages("id.pemilu", "id.pemilu.common.events");
        converter.setJavaTypeMapper(typeMapper);
        return converter;
    }
}
