package compactqa.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT-style encoder on ONNX Runtime with its Hugging Face tokenizer: the one place the rest of
 * the code turns text into model outputs.
 *
 * <p>Tokenization is explicit about what the shipped {@code tokenizer.json} files leave implicit:
 * single texts are truncated at {@link EncoderOptions#maxLength()}, pairs keep the first text whole
 * and cut the second into windows that overlap by {@link EncoderOptions#stride()} tokens, and
 * nothing is padded until a batch is assembled, to the longest sequence in it.
 *
 * <p>Thread-safe: one instance serves concurrent callers (ONNX Runtime sessions and the Rust
 * tokenizer both allow it). Every {@link OnnxTensor} and result is closed in the call that
 * created it; outputs are copied to {@link FloatArray}s. Close the encoder to free its session and
 * tokenizers.
 */
public final class Encoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer single;
    private final HuggingFaceTokenizer pairs;
    private final EncoderOptions options;
    private final long padId;
    private final boolean takesTypeIds;

    private Encoder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer single, HuggingFaceTokenizer pairs,
                    EncoderOptions options) {
        this.env = env;
        this.session = session;
        this.single = single;
        this.pairs = pairs;
        this.options = options;
        this.padId = 0;
        this.takesTypeIds = session.getInputNames().contains("token_type_ids");
    }

    /** Opens the graph at {@code onnx} with the tokenizer at {@code tokenizer}. */
    public static Encoder open(Path onnx, Path tokenizer, EncoderOptions options) throws IOException {
        HuggingFaceTokenizer single = null;
        HuggingFaceTokenizer pairs = null;
        try {
            single = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizer).optAddSpecialTokens(true)
                    .optMaxLength(options.maxLength()).optTruncation(true).optPadding(false).build();
            pairs = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizer).optAddSpecialTokens(true)
                    .optMaxLength(options.maxLength()).optTruncateSecondOnly().optPadding(false)
                    .optWithOverflowingTokens(true).optStride(options.stride()).build();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
                so.setIntraOpNumThreads(options.threads());
                so.setInterOpNumThreads(1);
                so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                so.setOptimizationLevel(level(options.optimization()));
                return new Encoder(env, env.createSession(onnx.toString(), so), single, pairs, options);
            }
        } catch (OrtException e) {
            closeQuietly(single, pairs);
            throw new IOException("cannot load ONNX model " + onnx + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(single, pairs);
            throw e;
        }
    }

    /** Opens a pretrained encoder from the local copy of its jar's files. */
    public static Encoder open(PretrainedEncoder encoder, ModelCache cache, EncoderOptions options) throws IOException {
        return open(cache.onnx(encoder), cache.tokenizer(encoder), options);
    }

    public EncoderOptions options() {
        return options;
    }

    /** The graph's output names: {@code last_hidden_state} and any heads. */
    public Set<String> outputNames() {
        return session.getOutputNames();
    }

    /** {@code text} as one sequence with special tokens, truncated at the maximum length. */
    public TokenizedText tokenize(String text) {
        return toTokens(single.encode(text));
    }

    /**
     * The pair ({@code first}, {@code second}) as one or more windows: each holds all of
     * {@code first} and a part of {@code second}, consecutive parts sharing {@code stride} tokens.
     *
     * @throws IllegalArgumentException if {@code first} alone leaves no room for {@code second}
     */
    public List<TokenizedText> tokenizePair(String first, String second) {
        Encoding encoding;
        try {
            encoding = pairs.encode(first, second);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot fit the first text and part of the second in "
                    + options.maxLength() + " tokens: " + e.getMessage(), e);
        }
        List<TokenizedText> windows = new ArrayList<>();
        windows.add(toTokens(encoding));
        for (Encoding overflow : encoding.getOverflowing()) {
            windows.add(toTokens(overflow));
        }
        return windows;
    }

    /** The graph's outputs for {@code batch}, padded to its longest sequence. */
    public Map<String, FloatArray> run(List<TokenizedText> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        int rows = batch.size();
        int length = batch.stream().mapToInt(TokenizedText::length).max().orElseThrow();
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            TokenizedText t = batch.get(r);
            Arrays.fill(ids, r * length, (r + 1) * length, padId);
            System.arraycopy(t.ids(), 0, ids, r * length, t.length());
            System.arraycopy(t.typeIds(), 0, types, r * length, t.length());
            Arrays.fill(mask, r * length, r * length + t.length(), 1);
        }
        return run(ids, mask, types, rows, length);
    }

    /**
     * The graph's outputs for raw token arrays of shape {@code [rows, length]}, flattened row-major.
     * For benchmarks and tests that bypass the tokenizer.
     */
    public Map<String, FloatArray> run(long[] ids, long[] mask, long[] types, int rows, int length) {
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (takesTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                Map<String, FloatArray> outputs = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor tensor = (OnnxTensor) e.getValue();
                    long[] outShape = tensor.getInfo().getShape();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] data = new float[buffer.remaining()];
                    buffer.get(data);
                    outputs.put(e.getKey(), new FloatArray(outShape, data));
                }
                return outputs;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static TokenizedText toTokens(Encoding e) {
        long[] ids = e.getIds();
        long[] typeIds = e.getTypeIds();
        long[] sequence = e.getSequenceIds();
        long[] special = e.getSpecialTokenMask();
        CharSpan[] spans = e.getCharTokenSpans();
        int n = ids.length;
        int[] sequenceIds = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isSpecial = special[i] == 1 || spans[i] == null;
            sequenceIds[i] = isSpecial ? -1 : (int) sequence[i];
            starts[i] = isSpecial ? -1 : spans[i].getStart();
            ends[i] = isSpecial ? -1 : spans[i].getEnd();
        }
        return new TokenizedText(ids, typeIds, sequenceIds, starts, ends);
    }

    private static OrtSession.SessionOptions.OptLevel level(String name) {
        return switch (name) {
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        };
    }

    private static void closeQuietly(HuggingFaceTokenizer... tokenizers) {
        for (HuggingFaceTokenizer t : tokenizers) {
            if (t != null) {
                t.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new UncheckedIOException(new IOException("cannot close ONNX session: " + e.getMessage(), e));
        } finally {
            closeQuietly(single, pairs);
        }
    }
}
