package compactqa.model;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One linear layer {@code [rows, in] -> [rows, out]} alone in an ONNX Runtime session, written as
 * the exported encoders write it at a precision ({@link Precision#forms()}): what the matrix
 * products achieve on this CPU apart from everything else an encoder does (attention, layer
 * normalization, quantizing activations between layers is included for int8, as it is part of
 * the form). Random weights and inputs with a fixed seed; the values do not change the speed.
 */
public final class LinearThroughput implements AutoCloseable {

    private static final String LAYER = "probe";

    private final OrtSession session;
    private final OnnxTensor input;
    private final int rows;
    private final int in;
    private final int out;

    private LinearThroughput(OrtSession session, OnnxTensor input, int rows, int in, int out) {
        this.session = session;
        this.input = input;
        this.rows = rows;
        this.in = in;
        this.out = out;
    }

    /** The layer at {@code precision}, computing with {@code threads} intra-op threads. */
    public static LinearThroughput open(Precision precision, int rows, int in, int out, int threads, long seed) throws IOException {
        if (rows < 1 || in < 1 || out < 1 || threads < 1) {
            throw new IllegalArgumentException("rows, sizes and threads must be positive");
        }
        Random random = new Random(seed);
        float scale = (float) (1 / Math.sqrt(in));
        float[] weight = new float[out * in];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) random.nextGaussian() * scale;
        }
        Checkpoint checkpoint = new Checkpoint(null, Map.of(
                LAYER + ".weight", Tensor.ofFloats(new long[] {out, in}, weight),
                LAYER + ".bias", Tensor.ofFloats(new long[] {out}, new float[out])));
        OnnxGraph graph = new OnnxGraph("linear-" + precision.id());
        graph.input("x", TensorProto.DataType.FLOAT, rows, in);
        String y = precision.forms().apply(LAYER).emit(graph, checkpoint, LAYER, "x");
        graph.node("Identity", "y", List.of(y));
        graph.output("y", TensorProto.DataType.FLOAT, rows, out);
        float[] x = new float[rows * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        // the session options the encoders run with
        try (OrtSession.SessionOptions options = EncoderOptions.DEFAULT.withThreads(threads).sessionOptions()) {
            OrtSession session = env.createSession(graph.build("compactqa").toByteArray(), options);
            try {
                return new LinearThroughput(session, OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {rows, in}), rows, in, out);
            } catch (OrtException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IOException("cannot run a " + precision.id() + " linear layer on ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** Multiply-adds of one call, times two: the operations a GOPS figure counts. */
    public double operations() {
        return 2.0 * rows * in * out;
    }

    /** Runs the layer once, reading nothing back: what is timed. */
    public void run() throws IOException {
        try (OrtSession.Result result = session.run(Map.of("x", input))) {
            if (result.size() != 1) {
                throw new IllegalStateException("one output expected");
            }
        } catch (OrtException e) {
            throw new IOException("linear layer run failed: " + e.getMessage(), e);
        }
    }

    /** Runs the layer once; returns its output {@code [rows * out]}, row-major. */
    public float[] output() throws IOException {
        try (OrtSession.Result result = session.run(Map.of("x", input))) {
            OnnxTensor y = (OnnxTensor) result.get(0);
            FloatBuffer values = y.getFloatBuffer();
            float[] copy = new float[values.remaining()];
            values.get(copy);
            return copy;
        } catch (OrtException e) {
            throw new IOException("linear layer run failed: " + e.getMessage(), e);
        }
    }

    /** The cosine of this layer's output to {@code other}'s: how closely one precision's product follows another's. */
    public double agreement(LinearThroughput other) throws IOException {
        return HiddenStates.cosine(output(), other.output());
    }

    @Override
    public void close() {
        input.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
