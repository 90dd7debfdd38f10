package org.anpr.provision.profile;

/**
 * The gantry controller ({@code gantry.controller}). Raspberry Pi models have the 40-pin header
 * whose BCM GPIO 0..27 the pin map uses; an x86-64 box has no GPIO, so a pin map there is an error.
 */
public enum ControllerModel {
    RASPBERRY_PI_4("raspberry-pi-4", true),
    RASPBERRY_PI_5("raspberry-pi-5", true),
    COMPUTE_MODULE_4("compute-module-4", true),
    COMPUTE_MODULE_5("compute-module-5", true),
    X86_64("x86-64", false);

    private final String code;
    private final boolean gpio;

    ControllerModel(String code, boolean gpio) {
        this.code = code;
        this.gpio = gpio;
    }

    public String code() {
        return code;
    }

    public boolean hasGpioHeader() {
        return gpio;
    }

    public static String[] codes() {
        return java.util.Arrays.stream(values()).map(ControllerModel::code).toArray(String[]::new);
    }

    /** By its YAML code, or null. */
    public static ControllerModel of(String code) {
        for (ControllerModel m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        return null;
    }
}
