package org.anpr.provision.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.provision.profile.ManagementEndpoint;
import org.junit.jupiter.api.Test;

class DeviceAddressTest {
    @Test
    void coapsWithHostAndOptionalPort() {
        assertEquals(new DeviceAddress("10.40.16.2", 5684), DeviceAddress.parse("coaps://10.40.16.2"));
        assertEquals(new DeviceAddress("gantry-7.example", 15684), DeviceAddress.parse("coaps://gantry-7.example:15684/"));
        DeviceAddress v6 = DeviceAddress.parse("coaps://[fd00::7]:5684");
        assertEquals("fd00::7", v6.host());
        assertEquals("coaps://[fd00::7]:5684", v6.toString());
    }

    @Test
    void anythingElseNamesWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("coap://10.0.0.1"))
                .getMessage().contains("scheme must be coaps://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("coaps://10.0.0.1:99999"))
                .getMessage().contains("--device coaps://10.0.0.1:99999: port must be 1..65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DeviceAddress.parse("coaps://10.0.0.1/config?x"))
                .getMessage().contains("only a host and port"));
    }

    @Test
    void theProfileEndpointNeedsAHost() {
        assertNull(DeviceAddress.of(new ManagementEndpoint(null, 5684, "G1", "g.psk", null, null)));
        assertEquals(new DeviceAddress("10.0.0.9", 5700), DeviceAddress.of(new ManagementEndpoint("10.0.0.9", 5700, "G1", null, null, null)));
    }
}
