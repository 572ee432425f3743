package compactqa.model;

import java.nio.file.Path;

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
     * The linear layers the service, {@code qa ask} and {@code qa eval qa} run the trained models with: fp32, the models
     * as trained, or int8 (per-channel weights, activations quantized on the fly; {@code qa eval qa --compare-precision}
     * measures what it costs). Commands that score or fit a model use fp32.
     */
    @WithDefault("fp32")
    Precision precision();

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
