package org.anpr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuadTest {

    @Test
    void rotatesAboutItsCentreKeepingItsSize() {
        Quad q = Quad.of(new double[] {0, 10, 10, 0}, new double[] {0, 0, 2, 2});
        Quad r = q.rotated(Math.PI / 2);
        assertEquals(6, r.get(0).x(), 1e-9);
        assertEquals(-4, r.get(0).y(), 1e-9);
        assertEquals(q.width(), r.width(), 1e-9);
        assertEquals(q.height(), r.height(), 1e-9);
    }

    @Test
    void boundingBoxScaleAndIou() {
        Quad q = Quad.of(new double[] {10, 30, 32, 8}, new double[] {5, 6, 15, 14});
        assertEquals(new BoundingBox(8, 5, 24, 10), q.boundingBox());
        assertEquals(new BoundingBox(16, 10, 48, 20), q.scaled(2).boundingBox());
        BoundingBox a = new BoundingBox(0, 0, 10, 10), b = new BoundingBox(5, 0, 10, 10);
        assertEquals(50.0 / 150.0, a.iou(b), 1e-9);
        assertEquals(0, a.iou(new BoundingBox(20, 20, 5, 5)));
        assertThrows(IllegalArgumentException.class, () -> new Quad(List.of(new Quad.Point(0, 0))));
    }
}
