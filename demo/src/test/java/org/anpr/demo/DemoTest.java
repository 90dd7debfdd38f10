package org.anpr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end, as `./anpr demo` runs it, with fewer vehicles. */
class DemoTest {
    @Test
    void everyReadOfTheGantryIsStoredAtTheCentre(@TempDir Path dir) throws Exception {
        DemoMain.Outcome outcome = DemoMain.run(new DemoOptions(3, 7, 12, dir, 0, false), dir);
        assertTrue(outcome.delivered(), "outbox drained and the centre has every read: " + outcome);
        assertTrue(outcome.readsSent() >= 2, "about one read per vehicle: " + outcome);
        assertEquals(outcome.readsSent(), outcome.readsStored());
        assertTrue(outcome.exact() >= 1, "clean synthetic plates are read: " + outcome);
        assertTrue(outcome.ok());
        if (outcome.edgeAlerts() > 0) {
            assertTrue(outcome.boardAlerts() >= 1, "the hotlist vehicle's alert is on the console's board: " + outcome);
        }
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(new String[] {"--vehicles", "0"}));
        assertTrue(e.getMessage().startsWith("--vehicles"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--speed", "3"}))
                .getMessage().contains("--speed"));
        assertEquals(5, DemoOptions.parse(new String[] {"--vehicles", "5"}).vehicles());
    }
}
