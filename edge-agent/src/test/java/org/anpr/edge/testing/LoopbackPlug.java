package org.anpr.edge.testing;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.List;
import java.util.function.IntPredicate;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.gpio.DigitalOut;
import org.anpr.edge.config.ManagementSettings.Loopback;
import org.anpr.edge.management.GpioPins;

/**
 * A commissioning loopback plug on Pi4J's mock provider: the pins of one self-test run, on a fresh
 * mock context, where driving a loopback's output sets its input (inverted when the loopback is)
 * while {@code plugged} says that output is wired.
 */
public final class LoopbackPlug {
    private LoopbackPlug() {
    }

    public static GpioPins pins(List<Loopback> loopbacks, IntPredicate plugged) {
        Context pi4j = Pi4J.newContextBuilder()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
        GpioPins pins = GpioPins.on(pi4j, true);
        return new GpioPins() {
            @Override
            public DigitalOut output(String id, int bcm) {
                DigitalOut out = pins.output(id, bcm);
                Loopback l = loopbacks.stream().filter(x -> x.drive() == bcm).findFirst().orElseThrow();
                return new DigitalOut() {
                    @Override
                    public void set(boolean high) {
                        out.set(high);
                        if (plugged.test(bcm)) {
                            boolean level = high != l.inverted();
                            pi4j.io("selftest-sense-" + l.sense(), MockDigitalInput.class)
                                    .mockState(level ? DigitalState.HIGH : DigitalState.LOW);
                        }
                    }

                    @Override
                    public boolean isHigh() {
                        return out.isHigh();
                    }
                };
            }

            @Override
            public DigitalIn input(String id, int bcm) {
                return pins.input(id, bcm);
            }

            @Override
            public void close() {
                pins.close();
            }
        };
    }
}
