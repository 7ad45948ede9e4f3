package org.outward.deploy;

import javax.jms.ConnectionFactory;

import org.apache.activemq.store.PersistenceAdapter;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.queue.activemq.ActiveMQHealthCheck;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.EmbeddedActiveMQ;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollector;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorNoop;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

/**
 * Replaces the memory app's in-memory mail queues by James's ActiveMQ queues on an embedded broker that
 * keeps them in a KahaDB journal under {@code <work>/var/store/activemq}, so that mail accepted with
 * {@code 250} (the spool) and mail waiting for RemoteDelivery (the outgoing queue) survive a restart or a
 * crash of the gateway.
 *
 * <p>James 3.8.1 publishes the queue implementation but no Guice module for it, so this one supplies the
 * bindings; it overrides those of {@code MemoryMailQueueModule}:
 * <pre>{@code
 * MemoryJamesServerMain.createServer(configuration).overrideWith(new DurableMailQueueModule())
 * }</pre>
 *
 * <p>A mail is taken off the spool only once the mailet container has finished with it (the JMS session
 * is committed then), so a crash in the middle of inspection leaves it on the queue and it is processed
 * again after the restart. KahaDB syncs its journal to disk before the enqueue returns, so the
 * {@code 250} is given only for mail already on disk.
 */
final class DurableMailQueueModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PersistenceAdapter.class).to(KahaDBPersistenceAdapter.class);
        bind(KahaDBPersistenceAdapter.class).in(Scopes.SINGLETON);
        bind(EmbeddedActiveMQ.class).in(Scopes.SINGLETON);
        bind(ActiveMQMetricCollector.class).to(ActiveMQMetricCollectorNoop.class);
        bind(ActiveMQMailQueueFactory.class).in(Scopes.SINGLETON);
        // James's own check of the broker, which its ActiveMQ module would have registered: /healthcheck shows it.
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(ActiveMQHealthCheck.class);
    }

    @Provides
    @Singleton
    ConnectionFactory connectionFactory(EmbeddedActiveMQ broker) {
        // Before James makes or uses a queue: waiting retries must not hold back due mail (see QueuePaging).
        QueuePaging.widen();
        return broker.getConnectionFactory();
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageableQueues(ActiveMQMailQueueFactory factory) {
        // JMX is off in the gateway (jmx.properties); the queues are managed through WebAdmin instead.
        factory.setUseJMX(false);
        factory.init();
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> queues(MailQueueFactory<? extends ManageableMailQueue> factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> typedQueues(MailQueueFactory<? extends ManageableMailQueue> factory) {
        return factory;
    }
}
