package org.anpr.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreException;
import org.anpr.edge.capture.synthetic.VehicleTruth;
import org.anpr.protocol.v1.PlateRead;

/** Compares what the gantry read with what drove by, and what the centre stored. */
final class DemoReport {
    /** One vehicle: its truth, the read whose capture time falls in its passage (if any), stored centrally? */
    record Row(VehicleTruth truth, PlateRead read, boolean stored, boolean wanted) {
        boolean exact() {
            return read != null && read.getPlateText().equals(truth.text());
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final int spurious;

    DemoReport(List<VehicleTruth> truths, List<PlateRead> reads, String wantedPlate, ReadStore store) throws StoreException {
        Set<PlateRead> used = new HashSet<>();
        for (VehicleTruth t : truths) {
            PlateRead best = null;
            for (PlateRead r : reads) {
                long at = r.getCaptureTime().getEpochMicros();
                boolean inPassage = at >= t.firstMicros() - 1_000 && at <= t.lastMicros() + 1_000;
                if (inPassage && !used.contains(r) && (best == null || r.getConfidence() > best.getConfidence())) {
                    best = r;
                }
            }
            if (best != null) {
                used.add(best);
            }
            boolean stored = best != null && store.findRead(best.getReadId().toByteArray()).isPresent();
            rows.add(new Row(t, best, stored, t.text().equals(wantedPlate)));
        }
        this.spurious = reads.size() - used.size();
    }

    List<Row> rows() {
        return rows;
    }

    long exact() {
        return rows.stream().filter(Row::exact).count();
    }

    long stored() {
        return rows.stream().filter(Row::stored).count();
    }

    int spurious() {
        return spurious;
    }

    Optional<Row> wantedRow() {
        return rows.stream().filter(Row::wanted).findFirst();
    }

    void printTable(PrintStream out) {
        out.printf("%n  %-3s %-8s %-10s %-10s %5s  %-6s %-7s %s%n", "#", "country", "plate", "read", "conf", "exact", "centre", "");
        out.println("  " + "-".repeat(66));
        for (Row r : rows) {
            String read = r.read() == null ? "(none)" : r.read().getPlateText();
            String conf = r.read() == null ? "" : String.format("%.2f", r.read().getConfidence());
            out.printf("  %-3d %-8s %-10s %-10s %5s  %-6s %-7s %s%n", r.truth().index() + 1, r.truth().country(),
                    r.truth().text(), read, conf, r.exact() ? "yes" : "NO", r.stored() ? "stored" : "-",
                    r.wanted() ? "<- on the hotlist" : "");
        }
    }
}
