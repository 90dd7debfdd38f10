package org.anpr.central.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateRead;

/**
 * Times a gantry chooses, checked against the centre's clock before anything is stored: no id
 * (whose time picks the store's day partition) and no capture time may lie more than {@link #AHEAD}
 * ahead of the receiver. The wire codec has already checked each against the years 2000–2100 and
 * a capture against its read's id. A message that fails is quarantined like any invalid payload,
 * so it never reaches (or fails) a group commit shared with other gantries.
 */
final class ClockPlausibility {
    /** A gantry's clock may run ahead of the centre's by this much (a day: a wrong time zone, a bad RTC). */
    static final Duration AHEAD = Duration.ofHours(24);

    private final LongSupplier nowMicros;

    ClockPlausibility(LongSupplier nowMicros) {
        this.nowMicros = nowMicros;
    }

    void check(Envelope env) throws ProtocolException {
        long limit = nowMicros.getAsLong() + AHEAD.toNanos() / 1000;
        switch (env.getPayloadCase()) {
            case READS -> {
                for (int i = 0; i < env.getReads().getReadsCount(); i++) {
                    read(env.getReads().getReads(i), "reads.reads[" + i + "]", limit);
                }
            }
            case ALERT -> {
                id(env.getAlert().getAlertId().toByteArray(), "alert.alert_id", limit);
                read(env.getAlert().getRead(), "alert.read", limit);
            }
            case PASSAGE -> {
                id(env.getPassage().getPassageId().toByteArray(), "passage.passage_id", limit);
                read(env.getPassage().getRead(), "passage.read", limit);
            }
            case VIOLATION -> {
                id(env.getViolation().getViolationId().toByteArray(), "violation.violation_id", limit);
                read(env.getViolation().getEntryRead(), "violation.entry_read", limit);
                read(env.getViolation().getExitRead(), "violation.exit_read", limit);
            }
            default -> {
            }
        }
    }

    private static void read(PlateRead r, String path, long limit) throws ProtocolException {
        id(r.getReadId().toByteArray(), path + ".read_id", limit);
        ahead(r.getCaptureTime().getEpochMicros(), path + ".capture_time.epoch_micros", limit);
    }

    private static void id(byte[] id, String path, long limit) throws ProtocolException {
        ahead(Uuid7.epochMillis(Uuid7.fromBytes(id)) * 1000, path, limit);
    }

    private static void ahead(long micros, String path, long limit) throws ProtocolException {
        if (micros > limit) {
            throw new ProtocolException(Problem.INVALID_VALUE, path, Instant.ofEpochMilli(micros / 1000)
                    + " is more than " + AHEAD.toHours() + " h ahead of the centre's clock");
        }
    }
}
