package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.james.transport.mailets.remote.delivery.DelaysAndMaxRetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The retry schedule of every shipped RemoteDelivery, read as James 3.8.1 reads it ({@link DelaysAndMaxRetry}):
 * the embedded gateway's rendered configuration and every Docker flavour's file carry the same one, and it
 * keeps accepted mail through a smart-host outage of days, retrying soon at first and at most four hours apart.
 */
class RetryScheduleTest {

    @TempDir
    Path temp;

    /** The delayTime, maxRetries, maxDnsProblemRetries and deliveryThreads text of one RemoteDelivery mailet. */
    record Schedule(String delayTime, String maxRetries, String maxDnsProblemRetries, String deliveryThreads) {

        DelaysAndMaxRetry asJamesReadsIt() throws Exception {
            return DelaysAndMaxRetry.from(Integer.parseInt(maxRetries.trim()), delayTime);
        }
    }

    private List<Schedule> shipped() throws Exception {
        Path embedded = ConfigRenderer.render(new GatewaySettings(0, 0, Optional.empty(), temp.resolve("work"),
                new OutboundRoute.Relay("127.0.0.1", 2525, false, Optional.empty())));
        return List.of(scheduleIn(embedded.resolve("mailetcontainer.xml")),
                scheduleIn(Path.of("docker/conf/memory/mailetcontainer.xml")),
                scheduleIn(Path.of("docker/conf/durable/mailetcontainer.xml")),
                scheduleIn(Path.of("docker/conf/distributed/mailetcontainer.xml")));
    }

    private static Schedule scheduleIn(Path file) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList mailets = xml.getElementsByTagName("mailet");
        for (int i = 0; i < mailets.getLength(); i++) {
            Element mailet = (Element) mailets.item(i);
            if (mailet.getAttribute("class").equals("RemoteDelivery")) {
                return new Schedule(text(mailet, "delayTime"), text(mailet, "maxRetries"),
                        text(mailet, "maxDnsProblemRetries"), text(mailet, "deliveryThreads"));
            }
        }
        throw new IOException("no RemoteDelivery in " + file);
    }

    private static String text(Element mailet, String name) {
        NodeList found = mailet.getElementsByTagName(name);
        assertThat(found.getLength()).as(name).isEqualTo(1);
        return found.item(0).getTextContent();
    }

    @Test
    void theEmbeddedGatewayAndEveryDockerFlavourShipTheSameScheduleAndDnsRetries() throws Exception {
        List<Schedule> schedules = shipped();

        assertThat(schedules).extracting(Schedule::delayTime, Schedule::maxRetries, Schedule::maxDnsProblemRetries)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(RetrySchedule.DELAY_TIME,
                        Integer.toString(RetrySchedule.MAX_RETRIES),
                        Integer.toString(RetrySchedule.MAX_DNS_PROBLEM_RETRIES)));
    }

    /** The one difference, on purpose: a launcher's smart host takes few connections, recipients' servers many. */
    @Test
    void theContainersDeliverTenAtOnceAndTheLaunchersRouteFour() throws Exception {
        List<Schedule> schedules = shipped();

        assertThat(schedules.get(0).deliveryThreads()).isEqualTo(Integer.toString(ConfigRenderer.EMBEDDED_DELIVERY_THREADS));
        assertThat(schedules.subList(1, schedules.size())).extracting(Schedule::deliveryThreads).containsOnly("10");
    }

    @Test
    void everyShippedScheduleRetriesSoonThenBacksOffToFourHoursAndGivesUpAfterAboutFiveDays() throws Exception {
        for (Schedule schedule : shipped()) {
            DelaysAndMaxRetry read = schedule.asJamesReadsIt();
            List<Duration> delays = read.getExpandedDelays();

            assertThat(read.getMaxRetries()).as("James does not stretch the schedule").isEqualTo(delays.size());
            assertThat(delays.get(0)).as("first retry, for a smart host restarting").isLessThanOrEqualTo(Duration.ofSeconds(10));
            assertThat(delays).as("back-off never shrinks").isSortedAccordingTo(Duration::compareTo);
            assertThat(delays.stream().max(Duration::compareTo).orElseThrow()).isEqualTo(Duration.ofHours(4));
            Duration total = delays.stream().reduce(Duration.ZERO, Duration::plus);
            assertThat(total).as("time before James gives up and bounces")
                    .isBetween(Duration.ofDays(5).minusHours(4), Duration.ofDays(5));
        }
    }
}
