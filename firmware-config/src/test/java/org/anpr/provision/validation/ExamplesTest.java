package org.anpr.provision.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.anpr.provision.TestFiles;
import org.anpr.provision.profile.Carriageway;
import org.anpr.provision.profile.ControllerModel;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.SectionProfile;
import org.junit.jupiter.api.Test;

/** The example network validates, file by file and as a network, and maps to the values it says. */
class ExamplesTest {
    private static final Path ENTRY = TestFiles.examples().resolve("e40-km16.2.yaml");
    private static final Path EXIT = TestFiles.examples().resolve("e40-km20.2.yaml");
    private static final Path CITY = TestFiles.examples().resolve("leuven-n2-in.yaml");

    @Test
    void eachExampleIsValidOnItsOwn() {
        for (Path p : List.of(ENTRY, EXIT, CITY)) {
            ValidationResult r = Validator.validate(List.of(p));
            assertEquals(List.of(), r.errors(), p.toString());
        }
    }

    @Test
    void theFolderIsAValidNetworkOfThreeGantries() {
        ValidationResult r = Validator.validate(List.of(TestFiles.examples()));
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.networks());
        assertEquals(List.of("E40-E-km16.2", "E40-E-km20.2", "LEU-N2-in"), r.profiles().stream().map(p -> p.profile().id()).toList(),
                "network.yaml is a defaults file, not a gantry");
    }

    @Test
    void theEntryGetsItsOwnValuesTheNetworkDefaultsAndTheDocumentedDefaults() {
        GantryProfile g = ProfileLoader.load(ENTRY).profile();
        assertEquals(ControllerModel.COMPUTE_MODULE_4, g.controller(), "inherited from network.yaml");
        assertEquals(Carriageway.INCREASING, g.road().carriageway());
        assertEquals(50.8629, g.position().lat(), 1e-9);
        assertEquals(3, g.cameras().size());
        assertEquals(1920, g.cameras().get(1).resolution().width(), "default resolution");
        assertTrue(g.cameras().get(0).exposure().wdr(), "default exposure hint");
        assertEquals(19_200, g.radar().baud(), "default baud");
        assertEquals(17, g.gpio().flash());
        assertEquals("ssl://mqtt.anpr-centre.example:8883", g.mqtt().serverUri(), "inherited");
        assertEquals("E40-E-km16.2", g.mqtt().username(), "own key merged into the inherited mapping");
        assertEquals("secrets/anpr-centre-ca.p12", g.mqtt().tls().trustStore(), "nested inherited mapping kept");
        assertEquals("E40-E-km16.2", g.mqtt().clientId(), "default: the gantry id");
        assertEquals(5684, g.management().port());
        assertEquals("E40-E-km16.2", g.management().pskIdentity(), "default: the gantry id");
        assertEquals(List.of("ntp.belnet.be", "0.be.pool.ntp.org", "1.be.pool.ntp.org"), g.clock().ntpServers());
        assertEquals(2_147_483_648L, g.limits().outboxMaxBytes());
        assertEquals(24, g.limits().passageTtlHours());
        SectionProfile s = g.sections().get(0);
        assertEquals(SectionProfile.Role.ENTRY, s.role());
        assertEquals("E40-E-km20.2", s.otherEnd());
        assertEquals(4012.4, s.distanceM());
        assertEquals(120, s.speedLimitKmh());
        assertEquals("BE", s.margin().country());
        assertEquals(6, s.margin().percent());
    }

    @Test
    void theSectionIsAboutFourKilometresAndLongerThanTheStraightLine() {
        GantryProfile entry = ProfileLoader.load(ENTRY).profile();
        GantryProfile exit = ProfileLoader.load(EXIT).profile();
        double straight = entry.position().metresTo(exit.position());
        assertTrue(straight > 3900 && straight < entry.sections().get(0).distanceM(), "straight line " + straight);
    }

    @Test
    void theCityGantryOverridesTheControllerAndHasNoSection() {
        GantryProfile g = ProfileLoader.load(CITY).profile();
        assertEquals(ControllerModel.RASPBERRY_PI_5, g.controller());
        assertEquals(List.of(), g.sections());
        assertNull(g.radar());
        assertEquals(Carriageway.BOTH, g.road().carriageway());
    }
}
