package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NominalPeakTest {

    private static NominalPeak of(String vendor, int family, String mhz, String flags) {
        return NominalPeak.of(List.of("processor\t: 0", "vendor_id\t: " + vendor, "cpu family\t: " + family, "cpu MHz\t\t: " + mhz,
                "flags\t\t: " + flags, "", "processor\t: 1", "vendor_id\t: Other", "cpu MHz\t\t: 1.0", "flags\t\t: fpu"));
    }

    @Test
    void theWidestUnitsTheFlagsNameSetThePeak() {
        NominalPeak xeon = of("GenuineIntel", 6, "2100.000", "fpu avx avx2 fma avx512f avx512_vnni");
        assertEquals(2.1, xeon.ghz(), 1e-9);
        assertEquals(64, xeon.fp32OpsPerCycle());
        assertEquals(256, xeon.int8OpsPerCycle());
        assertEquals(2.1 * 64 * 2, xeon.fp32Gops(2), 1e-9);
        assertEquals(2.1 * 256, xeon.int8Gops(1), 1e-9);
        assertEquals(2048, of("GenuineIntel", 6, "2000", "avx2 fma avx512f avx512_vnni amx_int8").int8OpsPerCycle());

        NominalPeak zen4 = of("AuthenticAMD", 25, "2400", "avx2 fma avx512f avx512_vnni");
        assertEquals(32, zen4.fp32OpsPerCycle(), "Zen 4 splits 512-bit work into two 256-bit halves");
        assertEquals(128, zen4.int8OpsPerCycle());
        NominalPeak zen5 = of("AuthenticAMD", 26, "2096.017", "avx2 fma avx512f avx512_vnni");
        assertEquals(64, zen5.fp32OpsPerCycle());
        assertEquals(256, zen5.int8OpsPerCycle());

        NominalPeak avx2 = of("AuthenticAMD", 23, "2450", "avx avx2 fma");
        assertEquals(32, avx2.fp32OpsPerCycle());
        assertEquals(64, avx2.int8OpsPerCycle());
        assertTrue(avx2.basis().contains("no VNNI"), avx2.basis());
    }

    @Test
    void aMeasuredClockReplacesTheReportedOneAndSaysSo() {
        NominalPeak peak = of("AuthenticAMD", 26, "2096.017", "avx2 fma avx512f avx512_vnni").withClock(3.5, "measured");
        assertEquals(3.5 * 64 * 2, peak.fp32Gops(2), 1e-9);
        assertTrue(peak.basis().contains("3.50 GHz measured (/proc/cpuinfo says 2.10)"), peak.basis());
        double ghz = ClockEstimate.measureGhz();
        assertTrue(ghz > 0.3 && ghz < 10, "a core's clock: " + ghz);
    }

    @Test
    void anUnreadableClockGivesNoPeakRatherThanAWrongOne() {
        NominalPeak unknown = NominalPeak.of(List.of("flags\t: avx2 fma"));
        assertEquals(0, unknown.fp32Gops(2));
    }
}
