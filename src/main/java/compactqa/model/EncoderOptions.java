package compactqa.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * How an {@link Encoder} tokenizes and runs.
 *
 * @param maxLength    most tokens per sequence, special tokens included (at most the model's positions)
 * @param stride       tokens shared by consecutive windows of a long second text in a pair
 * @param threads      ONNX Runtime intra-op threads per call
 * @param optimization ONNX Runtime graph optimization level: {@code none}, {@code basic},
 *                     {@code extended} or {@code all}
 * @param shrinkArenaAbove give ONNX Runtime's memory arena back after every call of more than this many
 *                     tokens (rows x padded length), beyond its first chunk and with the weights
 *                     allocated outside it, so that one large batch does not keep its buffers for
 *                     the life of the process; {@link #NEVER_SHRINK} for never, 0 for after every call
 */
public record EncoderOptions(int maxLength, int stride, int threads, String optimization, int shrinkArenaAbove) {

    /** Keep the arena as it grows (ONNX Runtime's default). */
    public static final int NEVER_SHRINK = Integer.MAX_VALUE;

    public static final EncoderOptions DEFAULT = new EncoderOptions(512, 128, 2, "all");

    /** Options that keep the arena as it grows (ONNX Runtime's default). */
    public EncoderOptions(int maxLength, int stride, int threads, String optimization) {
        this(maxLength, stride, threads, optimization, NEVER_SHRINK);
    }

    public EncoderOptions {
        if (maxLength < 8) {
            throw new IllegalArgumentException("maxLength must be at least 8, got " + maxLength);
        }
        if (stride < 0 || stride >= maxLength / 2) {
            throw new IllegalArgumentException("stride must be in [0, maxLength/2), got " + stride);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (shrinkArenaAbove < 0) {
            throw new IllegalArgumentException("shrinkArenaAbove must be 0 or more, got " + shrinkArenaAbove);
        }
        if (!optimization.matches("none|basic|extended|all")) {
            throw new IllegalArgumentException("optimization must be none, basic, extended or all, got " + optimization);
        }
    }

    public EncoderOptions withMaxLength(int n) {
        return new EncoderOptions(n, Math.min(stride, n / 2 - 1), threads, optimization, shrinkArenaAbove);
    }

    /** Whether the arena is ever shrunk. */
    public boolean shrinksArena() {
        return shrinkArenaAbove != NEVER_SHRINK;
    }

    public EncoderOptions withThreads(int n) {
        return new EncoderOptions(maxLength, stride, n, optimization, shrinkArenaAbove);
    }

    /**
     * ONNX Runtime's session options for these settings, for every session the project opens (the
     * caller closes them once the session is created).
     */
    OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        try {
            so.setIntraOpNumThreads(threads);
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(switch (optimization) {
                case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            });
            // No spinning: idle intra-op threads that spin for work steal the cores other sessions
            // (the reader beside the compressor, say) need; measured, they tripled latency on 2 cores.
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (shrinksArena()) {
                // weights outside the arena: a region holding one is never free, so never given back
                so.addConfigEntry("session.use_device_allocator_for_initializers", "1");
            }
            return so;
        } catch (OrtException | RuntimeException e) {
            so.close();
            throw e;
        }
    }
}
