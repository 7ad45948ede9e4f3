package org.outward.bench.load;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.mail.Address;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * Several SMTP clients submitting numbered messages to the gateway on loopback, for the load and soak tools.
 * Each client keeps one connection open, as a mail server relaying to its smart host does, and takes the next
 * number until the range is used up.
 */
final class SmtpClients {

    /** The header that carries each message's number, so its arrival can be matched. */
    static final String ID_HEADER = "X-Load-Id";

    /** Called just before a message is handed to the gateway, e.g. to start its clock. */
    interface BeforeSend {
        void sending(String id);
    }

    private SmtpClients() {
    }

    /**
     * Submits messages {@code from} (inclusive) to {@code to} (exclusive): message {@code i} is the raw bytes
     * {@code raw.apply(i)} with {@link #ID_HEADER} set to {@code prefix + i}, from the sender to the recipient.
     */
    static void submit(int port, String sender, String recipient, int from, int to, int concurrency,
                       IntFunction<byte[]> raw, String prefix, BeforeSend beforeSend) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    Properties props = new Properties();
                    props.setProperty("mail.smtp.host", "127.0.0.1");
                    props.setProperty("mail.smtp.port", Integer.toString(port));
                    props.setProperty("mail.smtp.from", sender);
                    Session session = Session.getInstance(props);
                    Address[] recipients = {new InternetAddress(recipient)};
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                            String id = prefix + i;
                            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.apply(i)));
                            message.setHeader(ID_HEADER, id);
                            beforeSend.sending(id);
                            transport.sendMessage(message, recipients);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
