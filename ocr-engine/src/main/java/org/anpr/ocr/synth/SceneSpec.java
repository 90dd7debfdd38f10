package org.anpr.ocr.synth;

import org.anpr.ocr.Region;

import java.util.Objects;

/**
 * What {@link SceneGenerator#render} draws. Build with {@link #builder()}; defaults: EU, random
 * country, 1280×720, one vehicle, day, perspective 0.3, no motion blur, noise 2, JPEG 90, seed 1.
 *
 * @param region      plate syntax region
 * @param country     country code of every plate, or null for a random country of the region per plate
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param vehicles    number of vehicles (= plates), side by side in lanes
 * @param look        illumination
 * @param perspective 0 = plates face the camera squarely, 1 = strong tilt, rotation and yaw
 * @param motionBlur  motion blur length in pixels (0 = none)
 * @param noise       standard deviation of the sensor noise in grey levels
 * @param jpegQuality 1–99 encodes JPEG at that quality, 100 encodes lossless PNG
 * @param seed        same spec and seed, same bytes
 */
public record SceneSpec(Region region, String country, int width, int height, int vehicles, Look look,
                        double perspective, double motionBlur, double noise, int jpegQuality, long seed) {

    public SceneSpec {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(look, "look");
        if (country != null && PlateSyntaxSample.regionOf(country) != region) {
            throw new IllegalArgumentException(country + " is not in region " + region);
        }
        if (width < 160 || height < 120) {
            throw new IllegalArgumentException("frame must be at least 160x120");
        }
        if (vehicles < 0 || vehicles > 4) {
            throw new IllegalArgumentException("0 to 4 vehicles");
        }
        if (perspective < 0 || perspective > 1 || motionBlur < 0 || noise < 0) {
            throw new IllegalArgumentException("perspective in [0,1], blur and noise >= 0");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality in [1,100]");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().region(region).country(country).size(width, height).vehicles(vehicles).look(look)
                .perspective(perspective).motionBlur(motionBlur).noise(noise).jpegQuality(jpegQuality).seed(seed);
    }

    /** The same spec with another seed. */
    public SceneSpec withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    /** Mutable builder of {@link SceneSpec}. */
    public static final class Builder {
        private Region region = Region.EU;
        private String country;
        private int width = 1280;
        private int height = 720;
        private int vehicles = 1;
        private Look look = Look.DAY;
        private double perspective = 0.3;
        private double motionBlur;
        private double noise = 2;
        private int jpegQuality = 90;
        private long seed = 1;

        public Builder region(Region r) {
            region = r;
            return this;
        }

        /** A country code, or null for random. */
        public Builder country(String c) {
            country = c;
            return this;
        }

        public Builder size(int w, int h) {
            width = w;
            height = h;
            return this;
        }

        public Builder vehicles(int n) {
            vehicles = n;
            return this;
        }

        public Builder look(Look l) {
            look = l;
            return this;
        }

        public Builder perspective(double p) {
            perspective = p;
            return this;
        }

        public Builder motionBlur(double px) {
            motionBlur = px;
            return this;
        }

        public Builder noise(double sigma) {
            noise = sigma;
            return this;
        }

        public Builder jpegQuality(int q) {
            jpegQuality = q;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public SceneSpec build() {
            return new SceneSpec(region, country, width, height, vehicles, look, perspective, motionBlur, noise,
                    jpegQuality, seed);
        }
    }
}
