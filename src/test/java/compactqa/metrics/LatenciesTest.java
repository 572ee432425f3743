package compactqa.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSample() {
        Latencies l = Latencies.of(new double[] {40, 10, 30, 20, 50, 60, 70, 80, 90, 100});
        assertEquals(50, l.percentile(0.5), "rank ceil(0.5 * 10) = 5");
        assertEquals(100, l.percentile(0.95), "rank ceil(9.5) = 10");
        assertEquals(10, l.percentile(0), "rank 0 is the smallest");
        assertEquals(100, l.max());
        assertEquals(55, l.mean(), 1e-12);
        assertEquals(10, l.count());
    }

    @Test
    void oneValueIsEveryPercentileAndTheInputIsNotSorted() {
        double[] millis = {3, 1, 2};
        Latencies l = Latencies.of(millis);
        assertEquals(2, l.percentile(0.5));
        assertEquals(3, millis[0], "the caller's array stays as it was");
        assertEquals(7, Latencies.of(List.of(7.0)).percentile(0.99));
    }

    @Test
    void anEmptySampleOrAPercentileOutOfRangeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Latencies.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Latencies.of(List.of(1.0)).percentile(95));
    }

    @Test
    void compressionRateIsDocumentsOverEvidenceAndZeroForNothingRead() {
        assertEquals(4.0, CompressionRate.of(400, 100), 1e-12);
        assertEquals(0, CompressionRate.of(400, 0));
    }
}
