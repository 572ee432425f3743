package compactqa.cli;

import compactqa.compress.MethodOptions;
import picocli.CommandLine.Option;

/** The compression methods' settings on the command line, each for the methods it names. */
public class MethodSettings {

    @Option(names = "--ratio", defaultValue = "0.5", paramLabel = "X",
            description = "Share of each linear layer's parameters svd, autoencoder and mpo keep (default ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--energy", defaultValue = "0", paramLabel = "X",
            description = "svd: keep this share of the spectral energy instead of a parameter ratio.")
    double energy;

    @Option(names = "--keep", paramLabel = "REGEX", description = "Linear layers to leave as they are, e.g. '.*layer\\.5\\..*'.")
    String keep;

    @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "int8 and int4 also quantize the word embeddings (default: yes; --no-embeddings keeps them).")
    boolean embeddings;

    @Option(names = "--cores", defaultValue = "3", paramLabel = "N", description = "mpo: cores per layer (default ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--steps", defaultValue = "300", paramLabel = "N",
            description = "autoencoder and embed-direction: training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--cosine-weight", defaultValue = "0.9", paramLabel = "X",
            description = "autoencoder and embed-direction: the cosine share of the loss (default ${DEFAULT-VALUE}).")
    double cosineWeight;

    @Option(names = "--embedding-ratio", defaultValue = "0.25", paramLabel = "X",
            description = "embed-svd and embed-direction: share of the embedding table kept (default ${DEFAULT-VALUE}: 4x smaller).")
    double embeddingRatio;

    @Option(names = "--layers", defaultValue = "3", paramLabel = "N", description = "drop: layers kept (default ${DEFAULT-VALUE}).")
    int layers;

    public MethodOptions options() {
        return new MethodOptions(ratio, energy, keep, embeddings, cores, steps, cosineWeight, embeddingRatio, layers);
    }
}
