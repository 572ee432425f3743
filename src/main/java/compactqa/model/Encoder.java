package compactqa.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT-style encoder on ONNX Runtime with its Hugging Face tokenizer: the one place the rest of
 * the code turns text into model outputs.
 *
 * <p>Texts are tokenized by a {@link TextTokenizer} set to {@link EncoderOptions#maxLength()} and
 * {@link EncoderOptions#stride()}; nothing is padded until a batch is assembled, to the longest
 * sequence in it.
 *
 * <p>Thread-safe: one instance serves concurrent callers (ONNX Runtime sessions and the Rust
 * tokenizer both allow it). Every {@link OnnxTensor} and result is closed in the call that
 * created it; outputs are copied to {@link FloatArray}s. Close the encoder, to free its session and
 * tokenizers, only once no call is running on it: its owner (a CDI bean's disposer, a
 * try-with-resources block) guarantees that.
 */
public final class Encoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final TextTokenizer tokenizer;
    private final EncoderOptions options;
    private final boolean takesTypeIds;
    private final RunTerminator terminator = new RunTerminator("onnx-run-terminator");

    private Encoder(OrtEnvironment env, OrtSession session, TextTokenizer tokenizer, EncoderOptions options) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.options = options;
        this.takesTypeIds = session.getInputNames().contains("token_type_ids");
    }

    /** Opens the graph at {@code onnx} with the tokenizer at {@code tokenizer}. */
    public static Encoder open(Path onnx, Path tokenizer, EncoderOptions options) throws IOException {
        TextTokenizer texts = new TextTokenizer(tokenizer, options.maxLength(), options.stride());
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions so = options.sessionOptions()) {
                return new Encoder(env, env.createSession(onnx.toString(), so), texts, options);
            }
        } catch (OrtException e) {
            texts.close();
            throw new IOException("cannot load ONNX model " + onnx + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            texts.close();
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

    /** The tokenizer this encoder's inputs come from. */
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** {@code text} as one sequence with special tokens, truncated at the maximum length. */
    public TokenizedText tokenize(String text) {
        return tokenizer.tokenize(text);
    }

    /** See {@link TextTokenizer#tokenizePair}. */
    public List<TokenizedText> tokenizePair(String first, String second) {
        return tokenizer.tokenizePair(first, second);
    }

    /** The graph's outputs for {@code batch}, padded to its longest sequence. */
    public Map<String, FloatArray> run(List<TokenizedText> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        TokenBatch padded = TokenBatch.of(batch);
        return run(padded.ids(), padded.mask(), padded.types(), padded.rows(), padded.length());
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
            try (OrtSession.RunOptions run = runOptions((long) rows * length); OrtSession.Result result = run(inputs, run)) {
                Map<String, FloatArray> outputs = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    if (!(e.getValue() instanceof OnnxTensor tensor)
                            || tensor.getInfo().type != OnnxJavaType.FLOAT) {
                        throw new IllegalStateException("output " + e.getKey() + " is not a float tensor");
                    }
                    long[] outShape = tensor.getInfo().getShape();
                    FloatBuffer buffer = tensor.getFloatBuffer();
                    float[] data = new float[buffer.remaining()];
                    buffer.get(data);
                    outputs.put(e.getKey(), new FloatArray(outShape, data));
                }
                return outputs;
            }
        } catch (OrtException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the model call was cancelled: its thread was interrupted");
            }
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** One call, which an interrupt of the calling thread ends early ({@link RunTerminator}). */
    private OrtSession.Result run(Map<String, OnnxTensor> inputs, OrtSession.RunOptions options) throws OrtException {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the model call was cancelled before it started");
        }
        terminator.begin(options);
        try {
            return session.run(inputs, options);
        } finally {
            terminator.end(options);
        }
    }

    /**
     * Options for one call of {@code tokens} tokens. Only a call larger than ordinary ones shrinks the
     * arena: shrinking after every call gives each call's buffers back and maps them anew (measured
     * under hostile load: a third fewer ordinary questions answered), while the regions ordinary
     * calls need are what the service holds anyway.
     */
    private OrtSession.RunOptions runOptions(long tokens) throws OrtException {
        OrtSession.RunOptions run = new OrtSession.RunOptions();
        if (tokens > options.shrinkArenaAbove()) {
            run.addRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        }
        return run;
    }

    @Override
    public void close() {
        terminator.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new UncheckedIOException(new IOException("cannot close ONNX session: " + e.getMessage(), e));
        } finally {
            tokenizer.close();
        }
    }
}
