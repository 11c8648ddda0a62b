package id.pemilu.common.messaging;

import id.pemilu.common.mongo.StoreDurability;
import org.springframework.beans.factory.ObjectProvider;
import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.outbox.OutboxProperties;
import id.pemilu.common.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The shared event backbone: exchanges, JSON conversion, outbox relay and the idempotency guard. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
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

    @Bean
    @ConditionalOnBean({MongoTemplate.class, RabbitTemplate.class})
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, OutboxProperties properties,
                            MeterRegistry meters) {
        return new OutboxRelay(mongo, rabbit, properties, meters);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, MeterRegistry meters,
                                    ObjectProvider<StoreDurability> durability) {
        return new ProcessedEvents(mongo, meters, durability.getIfAvailable(() -> () -> { }));
    }
}
