package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one core can compute per second at most, by the vendor's, family's and flags' widest units:
 * the denominator of an achieved-GOPS figure. Nominal: the operations per cycle are the documented
 * throughput of the units the flags name, assuming the server parts' two vector pipes, and the
 * clock is either what {@code /proc/cpuinfo} says (in a virtual machine usually the base clock,
 * below the turbo clock the cores run at) or one measured ({@link #withClock}).
 *
 * @param ghz              the clock, in GHz (0 when unknown)
 * @param fp32OpsPerCycle  fp32 operations per cycle and core (a fused multiply-add counts two)
 * @param int8OpsPerCycle  int8 multiply-adds per cycle and core, times two
 * @param basis            which units the figures assume, and where the clock comes from, in words
 */
public record NominalPeak(double ghz, int fp32OpsPerCycle, int int8OpsPerCycle, String basis) {

    private static final String CPUINFO_CLOCK = "cpu MHz of /proc/cpuinfo";

    /** This machine's, from {@code /proc/cpuinfo}; null where it cannot be read. */
    public static NominalPeak current() {
        try {
            return of(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return null;
        }
    }

    /** The peak of the first processor {@code cpuinfo}'s lines describe. */
    static NominalPeak of(List<String> cpuinfo) {
        Map<String, String> fields = Machine.firstProcessor(cpuinfo);
        String vendor = fields.getOrDefault("vendor_id", "");
        int family = parseInt(fields.getOrDefault("cpu family", "0"));
        double mhz = parseDouble(fields.getOrDefault("cpu MHz", "0"));
        Set<String> flags = Set.copyOf(List.of(fields.getOrDefault("flags", "").split("\\s+")));
        boolean amd = vendor.equals("AuthenticAMD");
        // Zen 4 (family 25) runs 512-bit instructions in two 256-bit halves; Zen 5 (26) has 512-bit pipes
        boolean halfWide512 = amd && family < 26;
        int fp32;
        String fp32Basis;
        if (flags.contains("avx512f")) {
            fp32 = halfWide512 ? 32 : 64;
            fp32Basis = halfWide512 ? "AVX-512 FMA on two 256-bit pipes" : "AVX-512 FMA on two 512-bit pipes";
        } else if (flags.contains("avx2") && flags.contains("fma")) {
            fp32 = 32;
            fp32Basis = "AVX2 FMA on two 256-bit pipes";
        } else {
            fp32 = 8;
            fp32Basis = "SSE on two 128-bit pipes";
        }
        int int8;
        String int8Basis;
        if (flags.contains("amx_int8")) {
            int8 = 2048;
            int8Basis = "AMX int8 tiles (used only where ONNX Runtime's kernels pick them)";
        } else if (flags.contains("avx512_vnni")) {
            int8 = halfWide512 ? 128 : 256;
            int8Basis = "AVX-512 VNNI dot products on two " + (halfWide512 ? "256" : "512") + "-bit pipes";
        } else if (flags.contains("avx_vnni")) {
            int8 = 128;
            int8Basis = "AVX-VNNI dot products on two 256-bit pipes";
        } else if (flags.contains("avx2")) {
            int8 = 64;
            int8Basis = "AVX2 u8 x s8 products summed through 16-bit pairs (no VNNI)";
        } else {
            int8 = 16;
            int8Basis = "SSE";
        }
        return new NominalPeak(mhz / 1000, fp32, int8, "fp32: " + fp32Basis + "; int8: " + int8Basis + "; clock: " + CPUINFO_CLOCK);
    }

    /** The same units at clock {@code measuredGhz}, measured as {@code how} says (the clock {@code /proc/cpuinfo} gave is named beside it). */
    public NominalPeak withClock(double measuredGhz, String how) {
        return new NominalPeak(measuredGhz, fp32OpsPerCycle, int8OpsPerCycle,
                basis.replace(CPUINFO_CLOCK, String.format(Locale.ROOT, "%.2f GHz %s (/proc/cpuinfo says %.2f)", measuredGhz, how, ghz)));
    }

    /** fp32 GOPS of {@code cores} cores. */
    public double fp32Gops(int cores) {
        return ghz * fp32OpsPerCycle * cores;
    }

    /** int8 GOPS of {@code cores} cores. */
    public double int8Gops(int cores) {
        return ghz * int8OpsPerCycle * cores;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
