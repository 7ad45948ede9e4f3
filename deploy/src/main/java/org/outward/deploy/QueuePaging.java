package org.outward.deploy;

import org.apache.activemq.broker.BrokerRegistry;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.broker.region.Queue;
import org.apache.activemq.broker.region.RegionBroker;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;

/**
 * Lets mail that waits for its next delivery attempt in the embedded broker's queues not hold back mail that is
 * due. James 3.8.1's ActiveMQ queue keeps a retry's time in a message property and takes only due mail with a
 * selector, while the broker looks for a match among the first {@code maxPageSize} messages of a queue only (200
 * by default): with more than that many mails waiting for a retry, as after a smart host's outage, new mail waited
 * behind them until their retries were due, minutes to hours later. This raises the window to
 * {@link #MAX_PAGE_SIZE} for every queue, the ones the broker restored from its journal included. Beyond that
 * many waiting mails the wait comes back; {@code docs/robustness.md} says how to see it.
 */
final class QueuePaging {

    /** Messages of a queue the broker looks through for one a consumer's selector takes (about 2 KB each held). */
    static final int MAX_PAGE_SIZE = 10_000;

    /** The broker's name in James's {@code EmbeddedActiveMQ}. */
    private static final String BROKER = "james";

    private QueuePaging() {
    }

    /**
     * Sets the window on the running broker: as the policy of queues made from now on and on the queues it has.
     *
     * @throws IllegalStateException when James's broker is not running in this process
     */
    static void widen() {
        BrokerService broker = BrokerRegistry.getInstance().lookup(BROKER);
        if (broker == null) {
            throw new IllegalStateException("James's embedded ActiveMQ broker '" + BROKER + "' is not running");
        }
        PolicyEntry queues = new PolicyEntry();
        queues.setQueue(">");
        queues.setMaxPageSize(MAX_PAGE_SIZE);
        PolicyMap policy = new PolicyMap();
        policy.setDefaultEntry(queues);
        broker.setDestinationPolicy(policy);
        try {
            RegionBroker regions = (RegionBroker) broker.getRegionBroker();
            for (Destination destination : regions.getQueueRegion().getDestinationMap().values()) {
                if (destination instanceof Queue queue) {
                    queue.setMaxPageSize(MAX_PAGE_SIZE);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the embedded broker's queues cannot be read: " + e.getMessage(), e);
        }
    }
}
