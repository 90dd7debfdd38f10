package org.anpr.central.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.anpr.protocol.ProtocolException.Problem;

/** Counters of what the receiver did and refused; cheap to bump from any thread. */
public final class ReceiverMetrics {
    public enum Counter {
        CONNECTIONS_ACCEPTED,
        CONNECTIONS_REFUSED,
        /** CONNECTs refused with "server unavailable" because the password-check queue was full. */
        AUTHENTICATIONS_SHED,
        /** Open connections closed because a reload of the credentials or the CRL revoked or replaced their credential. */
        CONNECTIONS_REVOKED,
        /** Connections closed on arrival: over mqtt.maxConnections or mqtt.maxConnectionsPerAddress. */
        CONNECTIONS_CAPPED,
        /** MQTT packets the decoder could not parse, oversized ones included; each closes its connection. */
        MALFORMED_PACKETS,
        OVERSIZE_PACKETS,
        ACL_DENIALS,
        IDLE_DISCONNECTS,
        /** Payloads that failed WireCodec: acknowledged and quarantined. */
        REJECTED_PAYLOADS,
        /** Rejected payloads acknowledged but not kept: their gantry was over its daily quarantine quota. */
        REJECTED_NOT_KEPT,
        /**
         * Passages and violations quarantined because they are not along a configured section (or the
         * exit already holds sections.maxHeldPerExit passages).
         */
        SECTION_REFUSALS,
        /** Violations quarantined: their signature or digest did not verify, or they were unsigned where a key is required. */
        VIOLATIONS_UNVERIFIED,
        /** Violations (stored) that did not follow their gantry's last one: a gap, a broken link or a fork in its chain. */
        VIOLATION_CHAIN_BREAKS,
        MESSAGES_COMMITTED,
        COMMITS,
        /** Publishes the store could not commit, each after its batch was retried one publish at a time; each disconnects its sender. */
        STORE_FAILURES,
        BACKPRESSURE_PAUSES,
        DOWNSTREAM_SENT,
        /** Downstream messages refused because the gantry's session already queued mqtt.maxQueuedPerSession. */
        DOWNSTREAM_QUEUE_FULL,
        /** Connections closed because a downstream delivery waited longer than mqtt.deliveryTimeoutSeconds for its PUBACK. */
        DELIVERY_TIMEOUTS,
        /** Subscriptions refused because they asked for QoS 0, which the downstream contract (QoS 1) cannot honour. */
        QOS0_SUBSCRIPTIONS_REFUSED,
        CENTRAL_ALERTS,
    }

    private final Map<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
    private final Map<Problem, LongAdder> rejectedByProblem = new EnumMap<>(Problem.class);
    private final LatencyHistogram commitTimes = new LatencyHistogram();
    private final LatencyHistogram durableTimes = new LatencyHistogram();
    private final LatencyHistogram upkeepTimes = new LatencyHistogram();

    public ReceiverMetrics() {
        for (Counter c : Counter.values()) {
            counters.put(c, new LongAdder());
        }
        for (Problem p : Problem.values()) {
            rejectedByProblem.put(p, new LongAdder());
        }
    }

    public void increment(Counter c) {
        counters.get(c).increment();
    }

    public void add(Counter c, long n) {
        counters.get(c).add(n);
    }

    public void countRejected(Problem p) {
        counters.get(Counter.REJECTED_PAYLOADS).increment();
        rejectedByProblem.get(p).increment();
    }

    /** How long each store commit took (one transaction, its fsync included). */
    public LatencyHistogram commitTimes() {
        return commitTimes;
    }

    /** Per publish: from handing it to the store writer until it was durable (queueing + commit). */
    public LatencyHistogram durableTimes() {
        return durableTimes;
    }

    /** The store writer's upkeep between commits ({@code ReadStore.betweenCommits}), when it did any. */
    public LatencyHistogram upkeepTimes() {
        return upkeepTimes;
    }

    public long get(Counter c) {
        return counters.get(c).sum();
    }

    public long rejectedCount(Problem p) {
        return rejectedByProblem.get(p).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        counters.forEach((k, v) -> s.append(k.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(v.sum()).append(' '));
        return s.toString().trim();
    }
}
