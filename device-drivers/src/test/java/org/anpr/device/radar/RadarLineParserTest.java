package org.anpr.device.radar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RadarLineParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-12.3                          | -12.3 | MPS",
            "'\"mph\",23.4'                 | 23.4  | MPH",
            "'\"fps\",-8'                   | -8.0  | FPS",
            "'\"km-per-hr\",88.0'           | 88.0  | KMH",
            "{\"speed\":\"12.3\",\"unit\":\"kmh\"} | 12.3 | KMH",
            "{\"speed\":-4.5}               | -4.5  | MPS",
            "'137.429,3.6'                  | 3.6   | MPS",
            ".5                             | 0.5   | MPS"})
    void speedLines(String line, double value, SpeedUnit unit) {
        RadarLineParser.Speed s = assertInstanceOf(RadarLineParser.Speed.class,
                RadarLineParser.parse(line, SpeedUnit.MPS));
        assertEquals(value, s.value(), 1e-9);
        assertEquals(unit, s.unit());
        assertNull(s.explicit());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NaN                    | NOT_A_NUMBER",
            "Infinity               | NOT_A_NUMBER",
            "{\"speed\":\"-inf\"}   | NOT_A_NUMBER",
            "0x1p3                  | MALFORMED",
            "4d                     | MALFORMED",
            "'\"mph\",'             | MALFORMED",
            "'\"mph\"'              | MALFORMED",
            "[1.0]                  | MALFORMED",
            "{\"speed\":true}       | MALFORMED",
            "{\"speed\":1,\"direction\":\"sideways\"} | MALFORMED",
            "1234567.0              | MALFORMED",
            "{\"speed\":1.0}}       | MALFORMED",
            "{\"speed\":1.0,\"speed\":99} | MALFORMED",
            "{\"speed\":1.0,\"unit\":\"knots\"} | MALFORMED"})
    void badLines(String line, BadLine reason) {
        RadarLineParser.Bad b = assertInstanceOf(RadarLineParser.Bad.class,
                RadarLineParser.parse(line, SpeedUnit.MPS));
        assertEquals(reason, b.reason());
    }
}
