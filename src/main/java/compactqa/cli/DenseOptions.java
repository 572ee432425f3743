package compactqa.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import compactqa.index.HybridRanking;
import compactqa.model.ModelConfig;
import compactqa.model.PretrainedEncoder;
import compactqa.model.TextEmbedder;
import compactqa.model.VectorCache;
import compactqa.qa.ParagraphEmbedder;
import picocli.CommandLine.Option;

/** The options of dense and hybrid retrieval: which encoder embeds, how much it reads, the vector cache, the fusions. */
public class DenseOptions {

    @Option(names = "--embedder", defaultValue = "bge-small-en-v1.5", paramLabel = "ID",
            description = "The paragraph and query encoder of dense and hybrid retrieval: bge-small-en-v1.5 or all-minilm-l6-v2 "
                    + "(default ${DEFAULT-VALUE}).")
    String embedder;

    @Option(names = "--embed-tokens", defaultValue = "256", paramLabel = "N",
            description = "Word pieces of a paragraph the encoder reads (default ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--vector-cache", defaultValue = "${sys:user.home}/.cache/compactqa/vectors", paramLabel = "DIR",
            description = "Paragraph vectors embedded before, by content (default ${DEFAULT-VALUE}; 'none': embed everything, "
                    + "to measure the build).")
    String vectorCache;

    @Option(names = "--rrf", split = ",", paramLabel = "C:W",
            description = "Hybrid fusions: rank offset C and dense weight W, such as 60:1 (default: 60:1).")
    List<String> fusions = new ArrayList<>();

    /** Opens the embedder (with its cache unless 'none'); the caller closes it. */
    ParagraphEmbedder open(ModelConfig models, Path home) throws IOException {
        TextEmbedder encoder = TextEmbedder.open(PretrainedEncoder.of(embedder), models.cache(), tokens, models.threads());
        try {
            return new ParagraphEmbedder(encoder, vectorCache.equals("none") ? null
                    : VectorCache.open(home.resolve(vectorCache), encoder.id(), encoder.dimension()));
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    List<HybridRanking> fusions() {
        List<HybridRanking> rrf = new ArrayList<>();
        for (String f : fusions.isEmpty() ? List.of("60:1") : fusions) {
            String[] parts = f.split(":");
            try {
                rrf.add(new HybridRanking(Integer.parseInt(parts[0]), Double.parseDouble(parts[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--rrf takes C:W pairs such as 60:1, got '" + f + "'");
            }
        }
        return rrf;
    }
}
