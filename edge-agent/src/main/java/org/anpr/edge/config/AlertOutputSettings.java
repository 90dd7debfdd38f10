package org.anpr.edge.config;

import java.time.Duration;

/**
 * The GPIO output pulsed on a hotlist alert ({@code alertOutput:} in gantry.yaml; absent = none).
 *
 * @param bcmPin      BCM number of the output pin
 * @param pulse       how long it stays on after the latest alert; default 2 s
 * @param maxPriority lowest entry priority that lights it, 1 (most urgent only) .. 9 (every alert); default 9
 */
public record AlertOutputSettings(int bcmPin, Duration pulse, int maxPriority) {
}
