package org.anpr.edge.report;

import org.anpr.protocol.v1.Envelope;

/**
 * Receives a validated message from the centre (hotlist delta, section entry, config push).
 *
 * <p>Called on the MQTT client's callback thread. The message is acknowledged to the broker only
 * when this returns; throwing makes the client reconnect and the broker redeliver it, so throw
 * only for transient failures (disk), never for a message that will never be acceptable.
 */
@FunctionalInterface
public interface DownstreamHandler {
    void accept(Envelope envelope) throws Exception;
}
