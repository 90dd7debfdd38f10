package org.anpr.demo.traffic;

import org.anpr.ocr.synth.SceneSpec;

/**
 * One vehicle of the demo's traffic. Its plate is whatever the scene generator draws for
 * {@code scene} (the same at every gantry it passes), known once it is rendered.
 *
 * @param id       number of the vehicle in the run, from 0
 * @param scene    how it looks (its seed fixes the plate; the look is day or infrared night)
 * @param route    the gantries it passes
 * @param lane     lane it drives in (the camera of that lane sees it)
 * @param speedKmh its true average speed over the section (section vehicles only)
 * @param wanted   its plate is on the national hotlist
 * @param plate    the plate text when known in advance (wanted vehicles), else null
 */
public record DemoVehicle(int id, SceneSpec scene, Route route, int lane, double speedKmh, boolean wanted, String plate) {

    /** Where a vehicle drives. */
    public enum Route {
        /** Entry gantry, then, {@code distance / speed} later, the exit gantry. */
        SECTION,
        /** The city-entrance gantry only. */
        CITY
    }

    /** Whether it drives faster than {@code limitKmh} (its true speed, before any margin). */
    public boolean fasterThan(double limitKmh) {
        return speedKmh > limitKmh;
    }
}
