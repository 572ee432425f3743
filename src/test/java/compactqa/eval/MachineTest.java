package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstProcessorsModelAndItsVectorFlagsAreKept() {
        Machine m = Machine.of(List.of("processor\t: 0", "model name\t: AMD EPYC 9B14",
                "flags\t\t: fpu sse4_2 avx avx2 fma avx512f avx512_vnni ht", "", "processor\t: 1", "model name\t: other",
                "flags\t\t: fpu"), 2);
        assertEquals("AMD EPYC 9B14", m.cpuModel());
        assertEquals(List.of("avx", "avx2", "avx512_vnni", "avx512f", "fma", "sse4_2"), m.cpuFlags());
        assertEquals(2, m.cpus());
        assertEquals(List.of("asimd"), Machine.of(List.of("Features\t: fp asimd evtstrm"), 1).cpuFlags(), "ARM names them Features");
    }

    @Test
    void everyResultFileRecordsTheMachine() throws Exception {
        Path file = tmp.resolve("r.json");
        ResultFiles.write(new RunInfo("qa x", "abc", "2026-12-06T00:00:00Z", "25", 2), file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"machine\"") && json.contains("\"cpu_flags\""), json);
    }
}
