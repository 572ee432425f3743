package compactqa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The deployment in {@code k8s/} renders with kustomize and every manifest validates against the
 * Kubernetes API schemas ({@code k8s/validate.sh}). Needs kubectl and Node, which {@code .ci/run}
 * installs where they are missing.
 */
class KubernetesManifestsIT {

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyManifestRendersAndValidates() throws IOException, InterruptedException {
        assumeTrue(onPath("kubectl") && onPath("node") && onPath("npm"), "kubectl, node and npm are needed");
        Path log = Files.createTempFile("k8s-validate", ".log");
        Process p = new ProcessBuilder("bash", "k8s/validate.sh").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "validation finished");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("k8s: base") && out.contains("k8s: overlays/local"), out);
    }
}
