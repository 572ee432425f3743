package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real git repository: a model replaced since a result was made is found out, and restored as it was. */
class ModelProvenanceTest {

    @TempDir
    Path home;

    @TempDir
    Path into;

    private String first;

    @BeforeEach
    void repository() throws Exception {
        git("init", "-q");
        git("config", "user.email", "test@example.com");
        git("config", "user.name", "test");
        model("aaa", new byte[] {1, 2, 3});
        git("add", ".");
        git("commit", "-q", "-m", "first model");
        first = git("rev-parse", "--short=12", "HEAD");
        model("bbb", new byte[] {9, 9});
        git("commit", "-q", "-am", "promoted another model");
    }

    private void model(String sha, byte[] weights) throws IOException {
        Path dir = Files.createDirectories(home.resolve("models/reader"));
        Files.writeString(dir.resolve("model.json"), "{\"sha256\":\"" + sha + "\"}");
        Files.write(dir.resolve("weights.safetensors"), weights);
    }

    @Test
    void aModelHoldingOtherWeightsThanAtTheCommitIsReplaced() throws Exception {
        ModelProvenance.Unavailable u = check(first);
        assertEquals("REPLACED", u.status());
        assertTrue(u.reason().contains("aaa"), u.reason());
        assertNull(check(git("rev-parse", "--short=12", "HEAD")), "the model of HEAD is the one in the tree");
    }

    @Test
    void theModelIsRestoredFromGitAsItWasAtTheCommitBinaryWeightsIncluded() throws Exception {
        Map<String, Path> restored = ModelProvenance.restore(List.of("models/reader"), home, first + "-dirty", into);
        Path dir = restored.get("models/reader");
        assertEquals("{\"sha256\":\"aaa\"}", Files.readString(dir.resolve("model.json")));
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), bytes(Files.readAllBytes(dir.resolve("weights.safetensors"))));
        assertEquals("{\"sha256\":\"bbb\"}", Files.readString(home.resolve("models/reader/model.json")), "the tree is untouched");
    }

    @Test
    void nothingIsRestoredWhereGitNeverHeldTheModelOrTheCommitIsUnknown() throws Exception {
        assertTrue(ModelProvenance.restore(List.of("models/reader", "models/compressed/student"), home, first, into).isEmpty());
        assertTrue(ModelProvenance.restore(List.of("models/reader"), home, "unknown", into).isEmpty());
    }

    private ModelProvenance.Unavailable check(String commit) throws IOException {
        return ModelProvenance.check(List.of("models/reader"), home::resolve, commit, (at, path) -> RunInfo.fileAt(home, at, path));
    }

    private static List<Byte> bytes(byte[] b) {
        return List.of(b[0], b[1], b[2]);
    }

    private String git(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
