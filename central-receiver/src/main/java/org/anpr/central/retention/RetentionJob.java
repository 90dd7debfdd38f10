package org.anpr.central.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.anpr.central.config.RetentionConfig;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.ReadStore.Cutoffs;
import org.anpr.central.store.ReadStore.PurgeResult;
import org.anpr.central.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes what is older than its retention period, on a schedule (first run at start-up). */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ReadStore store;
    private final RetentionConfig config;
    private final Clock clock;
    private final LongConsumer afterPurge;
    private ScheduledExecutorService scheduler;

    /** @param afterPurge told the purge time (UTC microseconds) so in-memory copies can follow the store */
    public RetentionJob(ReadStore store, RetentionConfig config, Clock clock, LongConsumer afterPurge) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.afterPurge = afterPurge;
    }

    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        long every = config.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    /** One purge, now. */
    public PurgeResult runOnce() throws StoreException {
        Instant now = clock.instant();
        PurgeResult r = store.purge(new Cutoffs(now, now.minus(config.reads()), now.minus(config.alerts()),
                now.minus(config.violations()), now.minus(config.rejected())));
        afterPurge.accept(now.toEpochMilli() * 1000);
        if (r.readFilesDropped() + r.alerts() + r.violations() + r.rejected() + r.expiredDeliveries() > 0) {
            LOG.info("retention: dropped {} daily read files, {} alerts, {} violations, {} rejected payloads, {} expired passages",
                    r.readFilesDropped(), r.alerts(), r.violations(), r.rejected(), r.expiredDeliveries());
        }
        return r;
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (StoreException | RuntimeException e) {
            LOG.error("retention run failed; retried at the next interval", e); // never kill the schedule
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
