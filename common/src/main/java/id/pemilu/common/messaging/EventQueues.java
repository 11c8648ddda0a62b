package id.pemilu.common.messaging;

import id.pemilu.common.events.EventExchanges;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * Declares one consumer's own durable quorum queue, bound to the events it wants, with its own dead-letter queue
 * ({@code <queue>.dlq}) for messages that keep failing.
 */
public final class EventQueues {

    private EventQueues() {
    }

    public static Declarables consumerQueue(String queueName, String... eventTypes) {
        Queue queue = QueueBuilder.durable(queueName)
                .quorum()
                .deadLetterExchange(EventExchanges.DEAD_LETTERS)
                .deadLetterRoutingKey(queueName)
                .build();
        Queue deadLetters = QueueBuilder.durable(queueName + ".dlq").quorum().build();
        TopicExchange events = new TopicExchange(EventExchanges.DOMAIN_EVENTS);
        DirectExchange dlx = new DirectExchange(EventExchanges.DEAD_LETTERS);
        List<Declarable> declarables = new ArrayList<>(List.of(queue, deadLetters));
        declarables.add(BindingBuilder.bind(deadLetters).to(dlx).with(queueName));
        for (String eventType : eventTypes) {
            Binding binding = BindingBuilder.bind(queue).to(events).with(eventType);
            declarables.add(binding);
        }
        return new Declarables(declarables);
    }
}
