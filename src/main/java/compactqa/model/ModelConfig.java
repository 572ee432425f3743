package compactqa.model;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where model files live and how ONNX Runtime runs them ({@code compactqa.model.*}). */
@ConfigMapping(prefix = "compactqa.model")
public interface ModelConfig {

    /** Local copies of the pretrained encoders' files, taken from their jars (ignored by git). */
    @WithDefault("${compactqa.home:.}/models/cache")
    Path cacheDir();

    /** ONNX Runtime intra-op threads per inference. */
    @WithDefault("2")
    int threads();

    /** ONNX Runtime graph optimization: none, basic, extended or all. */
    @WithDefault("all")
    String optimization();

    /**
     * The reader's linear layers in the service, {@code qa ask} and {@code qa eval qa}: fp32, the model as trained, or
     * int8 (per-channel weights, activations quantized on the fly). fp32: at int8 the shipped reader keeps 96.8% of its
     * validation F1, short of the 99% a compressed default must keep ({@code qa eval precision},
     * eval/training/precision-choice.json).
     */
    @WithDefault("fp32")
    Precision readerPrecision();

    /**
     * The compressor's linear layers, as {@link #readerPrecision()}. int8: the active loop keeps its validation F1 with it
     * and spends half the time (eval/training/precision-choice.json).
     */
    @WithDefault("int8")
    Precision compressorPrecision();

    /** Both models' precision at once, overriding the two above: {@code fp32} serves the models as trained. */
    Optional<Precision> precision();

    /** The precisions the models are served at. */
    default Precisions precisions() {
        return precision().map(Precisions::both).orElseGet(() -> new Precisions(readerPrecision(), compressorPrecision()));
    }

    /** Most tokens per sequence. */
    @WithDefault("512")
    int maxLength();

    /** Tokens shared by consecutive windows over a long passage. */
    @WithDefault("128")
    int stride();

    /**
     * Give ONNX Runtime's memory arena back after a call of more than this many tokens (rows x padded
     * length; its first chunk stays, the weights are kept outside it): resident memory then falls
     * back after a burst of large requests. An ordinary question's calls stay below the default (a few
     * windows of at most 384 tokens); a heavy one's batches of 16 long windows exceed it. 0 shrinks
     * after every call, 2147483647 never. Measured by {@code qa loadtest --hostile}
     * (eval/results/loadtest-hostile.json), with glibc told to map large blocks on their own (the
     * launcher's {@code MALLOC_MMAP_THRESHOLD_}).
     */
    @WithDefault("4096")
    int shrinkArenaAboveTokens();

    default EncoderOptions encoderOptions() {
        return new EncoderOptions(maxLength(), stride(), threads(), optimization(), shrinkArenaAboveTokens());
    }

    default ModelCache cache() {
        return new ModelCache(cacheDir());
    }
}
