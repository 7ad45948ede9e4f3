/**
 * Keeping senders informed while accepted mail waits for the next server: which queued mail is due a delay
 * notice ({@link org.outward.delivery.DelayWatch}) and the record, kept on disk, of the messages whose senders
 * were already told ({@link org.outward.delivery.NotifiedMessages}), so each sender is told once per message.
 */
package org.outward.delivery;
