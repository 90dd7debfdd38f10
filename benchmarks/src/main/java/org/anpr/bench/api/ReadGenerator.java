package org.anpr.bench.api;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreWrite;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateAlternative;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.Point;
import org.anpr.protocol.v1.Quad;

/**
 * Fills a store with generated reads through its own {@link ReadStore#commit} (the writer's path
 * without MQTT), in big batches, in capture-time order over the last {@code days} days. Plates
 * come from a pool of distinct plates (Belgian, Dutch, French, German, Luxembourg formats; German
 * area codes weighted, so prefixes are unevenly popular); each plate is seen 1 to
 * {@value #MAX_SIGHTINGS} times (P(n) ~ n^-1.5, about 5 on average), at random times and gantries.
 * Read ids are UUIDv7 with the capture millisecond, so each read lands in its capture day's file
 * or partition. A uniform sample of the plates (with how often each was seen) is kept for queries.
 */
final class ReadGenerator {
    static final int MAX_SIGHTINGS = 50;
    static final double SIGHTINGS_EXPONENT = 1.5;
    static final String META = "searchload.properties";
    static final String PROBES = "searchload-plates.txt";
    private static final long DAY_MICROS = 86_400_000_000L;
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String NL_LETTERS = "BDFGHJKLMNPRSTVXZ";
    private static final String FR_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ";
    private static final String[] COUNTRIES = {"BE", "NL", "FR", "DE", "LU"};
    private static final String[] FORMATS = {"BE-2010", "NL-sidecode", "FR-SIV", "DE-FE", "LU"};
    /** German area codes, the nearer and bigger ones more often. */
    private static final String[] DE_AREAS = {"AC", "AC", "AC", "AC", "B", "B", "B", "M", "M", "K", "K", "K", "D", "D", "DN", "EU",
        "BN", "BN", "F", "S", "HH", "DO", "E", "DU", "MG", "HS", "H", "N", "KA", "L", "GL", "SU", "NE", "WES", "KLE", "BM"};
    private static final String[] ROADS = {"E40", "E19", "E313", "E411", "E17", "E34", "E42", "R0", "A12", "E25"};

    /** One plate known to be in the store, and how often it was seen. */
    record Probe(String plate, String country, int sightings) {
    }

    /** What was generated: the reads' capture window and the plates to query. */
    record Dataset(long reads, int plates, long fromMicros, long toMicros, double seconds, List<Probe> probes) {
        void save(Path dir, String store) throws IOException {
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty("store", store);
            p.setProperty("reads", Long.toString(reads));
            p.setProperty("plates", Integer.toString(plates));
            p.setProperty("fromMicros", Long.toString(fromMicros));
            p.setProperty("toMicros", Long.toString(toMicros));
            p.setProperty("generationSeconds", Double.toString(seconds));
            StringBuilder s = new StringBuilder();
            for (Probe pr : probes) {
                s.append(pr.plate()).append('\t').append(pr.country()).append('\t').append(pr.sightings()).append('\n');
            }
            Files.writeString(dir.resolve(PROBES), s, StandardCharsets.UTF_8);
            try (var w = Files.newBufferedWriter(dir.resolve(META), StandardCharsets.UTF_8)) {
                p.store(w, "SearchLoad: a generated store (written last: the generation finished)");
            }
        }

        /** The dataset saved in {@code dir}, or null when there is none (or of another store type). */
        static Dataset load(Path dir, String store) throws IOException {
            Path meta = dir.resolve(META);
            if (!Files.isRegularFile(meta)) {
                return null;
            }
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            if (!store.equals(p.getProperty("store"))) {
                throw new IllegalStateException(dir + " holds a generated " + p.getProperty("store") + " store, not " + store);
            }
            List<Probe> probes = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(PROBES), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    probes.add(new Probe(f[0], f[1], Integer.parseInt(f[2])));
                }
            }
            return new Dataset(Long.parseLong(p.getProperty("reads")), Integer.parseInt(p.getProperty("plates")),
                    Long.parseLong(p.getProperty("fromMicros")), Long.parseLong(p.getProperty("toMicros")),
                    Double.parseDouble(p.getProperty("generationSeconds")), probes);
        }
    }

    private final SearchOptions o;
    private final PrintStream out;
    private final SplittableRandom random;
    private final PlateRead prototype;
    private final ByteString[] crops = new ByteString[64];
    private final String[] gantries = new String[100];

    ReadGenerator(SearchOptions o, PrintStream out) {
        this.o = o;
        this.out = out;
        this.random = new SplittableRandom(o.seed());
        for (int i = 0; i < crops.length; i++) {
            byte[] b = new byte[50 + random.nextInt(151)]; // 50-200 bytes: stand-ins for tiny JPEG crops
            random.nextBytes(b);
            b[0] = (byte) 0xFF;
            b[1] = (byte) 0xD8;
            crops[i] = ByteString.copyFrom(b);
        }
        for (int i = 0; i < gantries.length; i++) {
            gantries[i] = ROADS[i % ROADS.length] + (i % 2 == 0 ? "-N" : "-S") + String.format("-km%03d", 5 + 7 * (i / 2));
        }
        this.prototype = PlateRead.newBuilder()
                .setPlateQuad(Quad.newBuilder().addCorners(point(800, 600)).addCorners(point(920, 602))
                        .addCorners(point(919, 628)).addCorners(point(799, 626)))
                .setEngineVersion("anpr-ocr/0.1.0")
                .build();
    }

    /** Generates {@code o.reads()} reads into {@code store}, printing progress; returns what to query. */
    Dataset generate(ReadStore store) throws Exception {
        long t0 = System.nanoTime();
        // The plate pool and how often each plate is seen; then one shuffled slot per read.
        double[] cumulative = new double[MAX_SIGHTINGS];
        double sum = 0;
        for (int n = 1; n <= MAX_SIGHTINGS; n++) {
            sum += Math.pow(n, -SIGHTINGS_EXPONENT);
            cumulative[n - 1] = sum;
        }
        List<String> plates = new ArrayList<>();
        ByteList countries = new ByteList();
        ByteList sightings = new ByteList();
        Set<String> seen = new HashSet<>();
        long total = 0;
        while (total < o.reads()) {
            int country = country();
            String plate = plate(country);
            if (!seen.add(plate)) {
                continue;
            }
            int n = sightings(cumulative, sum);
            n = (int) Math.min(n, o.reads() - total);
            plates.add(plate);
            countries.add((byte) country);
            sightings.add((byte) n);
            total += n;
        }
        seen = null;
        int[] slots = new int[Math.toIntExact(o.reads())];
        int at = 0;
        for (int p = 0; p < plates.size(); p++) {
            for (int k = 0; k < sightings.get(p); k++) {
                slots[at++] = p;
            }
        }
        for (int i = slots.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = slots[i];
            slots[i] = slots[j];
            slots[j] = t;
        }
        List<Probe> probes = new ArrayList<>();
        Set<Integer> picked = new HashSet<>();
        int wanted = Math.min(plates.size(), Math.max(5_000, 4 * o.queries()));
        while (probes.size() < wanted) {
            int p = random.nextInt(plates.size());
            if (picked.add(p)) {
                probes.add(new Probe(plates.get(p), COUNTRIES[countries.get(p)], sightings.get(p)));
            }
        }
        out.printf("generator: %,d distinct plates (1-%d sightings each, mean %.2f), %,d reads over %d days; pool built in %.1f s%n",
                plates.size(), MAX_SIGHTINGS, (double) o.reads() / plates.size(), o.reads(), o.days(), (System.nanoTime() - t0) / 1e9);

        long toMicros = System.currentTimeMillis() * 1000;
        long fromMicros = toMicros - o.days() * DAY_MICROS;
        BlockingQueue<List<StoreWrite>> queue = new ArrayBlockingQueue<>(4);
        List<StoreWrite> end = List.of();
        Exception[] failure = new Exception[1];
        Thread producer = new Thread(() -> {
            try {
                SplittableRandom r = random.split();
                double step = (double) (toMicros - fromMicros) / slots.length;
                List<StoreWrite> batch = new ArrayList<>(o.batch());
                for (int j = 0; j < slots.length; j++) {
                    long capture = fromMicros + (long) ((j + r.nextDouble()) * step);
                    int p = slots[j];
                    batch.add(new StoreWrite.Read(read(r, capture, plates.get(p), countries.get(p)), capture + 100_000 + r.nextInt(1_400_000)));
                    if (batch.size() == o.batch()) {
                        queue.put(batch);
                        batch = new ArrayList<>(o.batch());
                    }
                }
                if (!batch.isEmpty()) {
                    queue.put(batch);
                }
                queue.put(end);
            } catch (Exception e) {
                failure[0] = e;
                queue.clear();
                queue.offer(end);
            }
        }, "read-generator");
        producer.setDaemon(true);
        producer.start();

        long start = System.nanoTime();
        long lastPrint = start;
        long lastCount = 0;
        long committed = 0;
        long commitNanos = 0;
        while (true) {
            List<StoreWrite> batch = queue.take();
            if (batch == end) {
                break;
            }
            long c0 = System.nanoTime();
            store.commit(batch);
            store.betweenCommits(); // what the receiver's writer does between batches (SQLite: WAL restarts)
            commitNanos += System.nanoTime() - c0;
            committed += batch.size();
            long now = System.nanoTime();
            if (now - lastPrint >= 5_000_000_000L) {
                double rate = (committed - lastCount) / ((now - lastPrint) / 1e9);
                double avg = committed / ((now - start) / 1e9);
                long eta = (long) ((o.reads() - committed) / Math.max(1, avg));
                out.printf("generator: %,d / %,d reads (%.0f %%), %,.0f reads/s now, %,.0f reads/s on average, ETA %d:%02d%n",
                        committed, o.reads(), 100.0 * committed / o.reads(), rate, avg, eta / 60, eta % 60);
                lastPrint = now;
                lastCount = committed;
            }
        }
        producer.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("generator: %,d reads committed in %.1f s: %,.0f reads/s (%,.0f per minute); the commits themselves %.1f s%n",
                committed, seconds, committed / seconds, committed / seconds * 60, commitNanos / 1e9);
        return new Dataset(committed, plates.size(), fromMicros, toMicros, seconds, probes);
    }

    private static int sightings(double[] cumulative, double sum, double u) {
        double x = u * sum;
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    private int sightings(double[] cumulative, double sum) {
        return sightings(cumulative, sum, random.nextDouble());
    }

    /** BE 45 %, NL 20 %, FR 15 %, DE 15 %, LU 5 %. */
    private int country() {
        double u = random.nextDouble();
        return u < 0.45 ? 0 : u < 0.65 ? 1 : u < 0.80 ? 2 : u < 0.95 ? 3 : 4;
    }

    private String plate(int country) {
        StringBuilder s = new StringBuilder(10);
        switch (country) {
            case 0 -> { // 1-ABC-234
                s.append(1 + random.nextInt(2));
                letters(s, LETTERS, 3);
                digits(s, 3);
            }
            case 1 -> { // side codes 99-XXX-9, X-999-XX, XX-999-X
                int code = random.nextInt(3);
                if (code == 0) {
                    digits(s, 2);
                    letters(s, NL_LETTERS, 3);
                    digits(s, 1);
                } else if (code == 1) {
                    letters(s, NL_LETTERS, 1);
                    digits(s, 3);
                    letters(s, NL_LETTERS, 2);
                } else {
                    letters(s, NL_LETTERS, 2);
                    digits(s, 3);
                    letters(s, NL_LETTERS, 1);
                }
            }
            case 2 -> { // AB-123-CD
                letters(s, FR_LETTERS, 2);
                digits(s, 3);
                letters(s, FR_LETTERS, 2);
            }
            case 3 -> { // AC-XY 1234
                s.append(DE_AREAS[random.nextInt(DE_AREAS.length)]);
                letters(s, LETTERS, 1 + random.nextInt(2));
                s.append(1 + random.nextInt(9));
                digits(s, random.nextInt(4));
            }
            default -> { // AB 1234
                letters(s, LETTERS, 2);
                digits(s, 4);
            }
        }
        return s.toString();
    }

    private void letters(StringBuilder s, String alphabet, int n) {
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }

    private void digits(StringBuilder s, int n) {
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
    }

    private PlateRead read(SplittableRandom r, long captureMicros, String plate, int country) {
        int lane = r.nextInt(100) < 50 ? 1 : r.nextInt(100) < 70 ? 2 : 3;
        float confidence = 0.80f + r.nextInt(20) / 100f;
        ByteString crop = crops[r.nextInt(crops.length)];
        return prototype.toBuilder()
                .setReadId(ByteString.copyFrom(uuid7(captureMicros / 1000, r)))
                .setGantryId(gantries[r.nextInt(gantries.length)])
                .setCameraId("cam-" + lane)
                .setLane(lane)
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(captureMicros).setSync(ClockSync.CLOCK_SYNC_SYNCHRONISED)
                        .setEstErrorMicros(500))
                .setPlateText(plate)
                .setCountry(COUNTRIES[country])
                .setPlateFormat(FORMATS[country])
                .setConfidence(confidence)
                .addAlternatives(PlateAlternative.newBuilder().setText(plate).setScore(confidence))
                .setPlateCrop(Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(48 + crop.size() / 4).setHeight(12)
                        .setData(crop))
                .build();
    }

    /** A version-7 id for {@code millis}: 48-bit time, version 7, 12 random bits, the RFC variant, 62 random bits. */
    static byte[] uuid7(long millis, SplittableRandom r) {
        long high = (millis << 16) | 0x7000L | r.nextInt(1 << 12);
        long low = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    }

    private static Point point(int x, int y) {
        return Point.newBuilder().setX(x).setY(y).build();
    }

    /** A growable byte array (a List of Byte would take 16 bytes per plate). */
    private static final class ByteList {
        private byte[] a = new byte[1 << 16];
        private int n;

        void add(byte b) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = b;
        }

        int get(int i) {
            return a[i];
        }
    }
}
