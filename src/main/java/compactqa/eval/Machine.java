package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The processor a benchmark ran on, written into every result file: the same code is several times
 * faster with AVX-512 VNNI than with AVX2 alone, so figures from different machines compare only
 * with their flags beside them.
 *
 * @param cpuModel the model name, or "unknown"
 * @param cpuFlags the vector-instruction flags that change inference and training speed, sorted
 * @param cpus     processors available to the JVM
 */
public record Machine(String cpuModel, List<String> cpuFlags, int cpus) {

    /** The flags worth recording: SIMD widths, fused multiply-add, and the int8/bf16 dot-product extensions. */
    static final Set<String> RELEVANT = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512vl",
            "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_tile", "amx_int8", "amx_bf16", "asimd", "asimddp", "sve");

    /**
     * The instructions ONNX Runtime's int8 products run on here. They round differently: AVX2 alone
     * multiplies u8 by s8 in 16-bit pairs that saturate, VNNI accumulates in 32 bits, so the same
     * int8 model gives slightly different figures on the two kinds while fp32 figures agree.
     */
    public Int8Kind int8Kind() {
        if (cpuFlags.contains("avx512_vnni") || cpuFlags.contains("avx_vnni") || cpuFlags.contains("amx_int8")) {
            return Int8Kind.VNNI;
        }
        return cpuFlags.contains("avx2") ? Int8Kind.AVX2 : Int8Kind.OTHER;
    }

    /** See {@link #int8Kind()}. */
    public enum Int8Kind { VNNI, AVX2, OTHER }

    /** The machine a result file's {@code machine} block names, or null where it has none. */
    public static Machine of(JsonNode block) {
        if (!block.isObject()) {
            return null;
        }
        List<String> flags = new ArrayList<>();
        block.path("cpu_flags").forEach(f -> flags.add(f.asText()));
        return new Machine(block.path("cpu_model").asText("unknown"), List.copyOf(flags), block.path("cpus").asInt());
    }

    /** This machine, from {@code /proc/cpuinfo}. */
    public static Machine current() {
        try {
            return of(Files.readAllLines(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            return new Machine("unknown", List.of(), Runtime.getRuntime().availableProcessors());
        }
    }

    /** The machine {@code cpuinfo}'s lines describe (its first processor's). */
    static Machine of(List<String> cpuinfo, int cpus) {
        Map<String, String> fields = firstProcessor(cpuinfo);
        Set<String> flags = new TreeSet<>();
        for (String f : fields.getOrDefault("flags", fields.getOrDefault("Features", "")).split("\\s+")) {
            if (RELEVANT.contains(f)) {
                flags.add(f);
            }
        }
        return new Machine(fields.getOrDefault("model name", "unknown"), List.copyOf(flags), cpus);
    }

    /** The fields of {@code cpuinfo}'s lines ({@code key : value}), each as the first processor that has it gives it. */
    static Map<String, String> firstProcessor(List<String> cpuinfo) {
        Map<String, String> fields = new HashMap<>();
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon >= 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }
}
