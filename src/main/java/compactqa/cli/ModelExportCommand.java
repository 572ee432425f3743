package compactqa.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.model.AtomicFolders;
import compactqa.model.BertOnnxExporter;
import compactqa.model.Checkpoint;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa model export}: a checkpoint folder to an ONNX graph. */
@Dependent
@Command(name = "export",
        description = "Write a checkpoint's encoder as an ONNX graph (opset 17) that ONNX Runtime runs.")
public class ModelExportCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Checkpoint folder.")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "ONNX file to write.")
    Path out;

    @Option(names = "--standard-ops", description = "Only standard ONNX operators: no ONNX Runtime fused attention or skip-LayerNorm "
            + "(portable to other runtimes, slower on ONNX Runtime).")
    boolean standardOps;

    @Override
    public Integer call() throws Exception {
        Checkpoint ck = Checkpoint.load(checkpoint).validate();
        byte[] graph = new BertOnnxExporter().export(ck, List.of(), BertOnnxExporter.DENSE, !standardOps).toByteArray();
        AtomicFolders.writeFile(out, graph);
        context.out().printf("exported %s to %s (%,d bytes)%n", checkpoint, out, graph.length);
        return 0;
    }
}
