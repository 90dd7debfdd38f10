package org.anpr.central.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.anpr.central.http.EventStream;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.EventRows;
import org.anpr.central.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the event log to connected operators as Server-Sent Events. One thread reads new rows
 * of {@code events} when woken after a commit (or every {@link #POLL_MILLIS} for changes made
 * elsewhere) and hands each subscriber what it has not yet seen, from a ring of recent events or,
 * for one that is far behind (a reconnect with an old {@code Last-Event-ID}), from the table.
 * A subscriber whose connection is not writable is skipped, not buffered for: its cursor stays,
 * it catches up when it drains, and after {@link #STALL_MILLIS} unwritable it is closed (it will
 * reconnect and resume). No event is skipped either way.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final long POLL_MILLIS = 200;
    static final long HEARTBEAT_MILLIS = 15_000;
    static final long STALL_MILLIS = 30_000;
    private static final int RING = 10_000;
    private static final int PAGE = 500;

    private static final class Subscriber {
        final Channel channel;
        long cursor;
        long unwritableSince;

        Subscriber(Channel channel, long cursor) {
            this.channel = channel;
            this.cursor = cursor;
        }
    }

    private final CentralDatabase db;
    private final int maxSubscribers;
    private final ArrayDeque<EventRows.Event> ring = new ArrayDeque<>();
    private final ConcurrentHashMap<Channel, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;
    private volatile boolean running = true;
    private volatile long latest;
    private long lastHeartbeat = System.currentTimeMillis();
    private final Thread thread;

    public EventHub(CentralDatabase db, int maxSubscribers) throws StoreException {
        this.db = db;
        this.maxSubscribers = maxSubscribers;
        this.latest = db.read(EventRows::lastId);
        this.thread = new Thread(this::run, "event-hub");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** A commit may have added events: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            pending = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The id of the newest event known. */
    public long latest() {
        return latest;
    }

    public int subscribers() {
        return subscribers.size();
    }

    /**
     * A stream that sends every event after {@code afterId} (null: only events from now on).
     *
     * @return null when {@code maxSubscribers} streams are open already
     */
    public EventStream subscribe(Long afterId) {
        if (subscribers.size() >= maxSubscribers) {
            return null;
        }
        long from = afterId == null ? latest : Math.max(0, afterId);
        return channel -> {
            subscribers.put(channel, new Subscriber(channel, from));
            channel.closeFuture().addListener(f -> subscribers.remove(channel));
            channel.writeAndFlush(chunk("retry: 2000\n: connected\n\n"));
            wake();
        };
    }

    private void run() {
        while (running) {
            lock.lock();
            try {
                if (!pending) {
                    woken.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
                pending = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                fetchNew();
                deliver();
            } catch (StoreException | RuntimeException e) {
                LOG.warn("live events: {}", e.getMessage());
            }
        }
    }

    private void fetchNew() throws StoreException {
        while (true) {
            long after = latest;
            List<EventRows.Event> fresh = db.read(c -> EventRows.after(c, after, PAGE));
            for (EventRows.Event e : fresh) {
                ring.addLast(e);
                if (ring.size() > RING) {
                    ring.removeFirst();
                }
                latest = e.id();
            }
            if (fresh.size() < PAGE) {
                return;
            }
        }
    }

    private void deliver() throws StoreException {
        long now = System.currentTimeMillis();
        boolean heartbeat = now - lastHeartbeat >= HEARTBEAT_MILLIS;
        if (heartbeat) {
            lastHeartbeat = now;
        }
        for (Subscriber s : subscribers.values()) {
            if (!s.channel.isActive()) {
                subscribers.remove(s.channel);
                continue;
            }
            if (!s.channel.isWritable()) {
                if (s.unwritableSince == 0) {
                    s.unwritableSince = now;
                } else if (now - s.unwritableSince > STALL_MILLIS) {
                    LOG.info("live events: closing {}, unwritable for {} s", s.channel.remoteAddress(), STALL_MILLIS / 1000);
                    s.channel.close();
                }
                continue;
            }
            s.unwritableSince = 0;
            while (s.cursor < latest && s.channel.isWritable()) {
                List<EventRows.Event> batch = since(s.cursor);
                if (batch.isEmpty()) {
                    break;
                }
                StringBuilder text = new StringBuilder();
                for (EventRows.Event e : batch) {
                    text.append(format(e));
                }
                s.channel.writeAndFlush(chunk(text.toString()));
                s.cursor = batch.get(batch.size() - 1).id();
            }
            if (heartbeat) {
                s.channel.writeAndFlush(chunk(": keep-alive\n\n"));
            }
        }
    }

    /** Events after {@code cursor}: from the ring when it reaches back that far, else from the table. */
    private List<EventRows.Event> since(long cursor) throws StoreException {
        EventRows.Event oldest = ring.peekFirst();
        if (oldest != null && oldest.id() <= cursor + 1) {
            return ring.stream().filter(e -> e.id() > cursor).limit(PAGE).toList();
        }
        return db.read(c -> EventRows.after(c, cursor, PAGE));
    }

    static String format(EventRows.Event e) {
        String data = e.data();
        String at = org.anpr.central.http.Json.time(e.atMicros());
        // The time joins the stored object: {"alertId":...} becomes {"at":"...","alertId":...}.
        String withTime = data.length() > 2 ? "{\"at\":\"" + at + "\"," + data.substring(1) : "{\"at\":\"" + at + "\"}";
        return "id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + withTime + "\n\n";
    }

    private static DefaultHttpContent chunk(String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        return new DefaultHttpContent(buf);
    }

    /**
     * Ends every stream properly (the chunked answer's last chunk, then close); clients reconnect
     * and resume from their last event id.
     */
    public void disconnectAll() {
        for (Channel ch : subscribers.keySet()) {
            ch.writeAndFlush(io.netty.handler.codec.http.LastHttpContent.EMPTY_LAST_CONTENT)
                    .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        disconnectAll();
    }
}
