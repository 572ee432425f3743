package compactqa.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * Reads a BERT encoder exported from PyTorch to ONNX into a {@link Checkpoint}.
 *
 * <p>PyTorch's exporter keeps the Hugging Face names of LayerNorm, bias and embedding tensors, but
 * folds each linear weight into an anonymous {@code MatMul} initializer ({@code onnx::MatMul_787},
 * stored {@code [in, out]}). Those are named through their node
 * ({@code /encoder/layer.0/attention/self/query/MatMul} gives
 * {@code encoder.layer.0.attention.self.query.weight}) and transposed to Hugging Face's
 * {@code [out, in]}. Every tensor is then checked against the expected configuration. Stateless.
 */
public final class OnnxImporter {

    private static final Pattern LINEAR_MATMUL = Pattern.compile("/encoder/layer\\.(\\d+)/(.+)/MatMul");

    /**
     * The checkpoint in {@code onnx}.
     *
     * @param config the encoder's configuration, which the graph's tensors must match
     * @throws IllegalStateException if a tensor is missing or misshapen
     */
    public Checkpoint read(InputStream onnx, EncoderConfig config) throws IOException {
        GraphProto graph = ModelProto.parseFrom(onnx).getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        Map<String, Tensor> named = new HashMap<>();
        for (TensorProto t : graph.getInitializerList()) {
            if (!t.getName().startsWith("onnx::") && t.getDataType() == TensorProto.DataType.FLOAT.getNumber()) {
                named.put(t.getName(), toTensor(t));
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            Matcher m = LINEAR_MATMUL.matcher(node.getName());
            if (node.getOpType().equals("MatMul") && m.matches() && node.getInputCount() == 2
                    && initializers.containsKey(node.getInput(1))) {
                String name = "encoder.layer." + m.group(1) + "." + m.group(2).replace('/', '.') + ".weight";
                named.put(name, toTensor(initializers.get(node.getInput(1))).transposed());
            }
        }
        // every encoder weight of the graph must be used: a wrong configuration would otherwise
        // import a truncated model (12 layers read as 6) without a word
        Map<String, long[]> expected = BertNames.expectedShapes(config);
        for (String name : named.keySet()) {
            if ((name.startsWith("encoder.") || name.startsWith("embeddings.")) && !expected.containsKey(name)
                    && !name.equals("embeddings.position_ids")) {
                throw new IllegalStateException("the ONNX graph has " + name + ", which a " + config + " does not: "
                        + "is the configuration right?");
            }
        }
        // canonical order, and only the encoder's tensors (position_ids and the like are derived)
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String name : expected.keySet()) {
            Tensor t = named.get(name);
            if (t == null) {
                throw new IllegalStateException("the ONNX graph has no tensor for " + name);
            }
            ordered.put(name, t);
        }
        return new Checkpoint(config, ordered).validate();
    }

    private static Tensor toTensor(TensorProto t) {
        long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        if (t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalStateException(t.getName() + " is not fp32 (ONNX type " + t.getDataType() + ")");
        }
        if (!t.getRawData().isEmpty()) {
            return Tensor.of(DType.F32, shape, t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
        }
        float[] values = new float[t.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.getFloatData(i);
        }
        return Tensor.ofFloats(shape, values);
    }
}
