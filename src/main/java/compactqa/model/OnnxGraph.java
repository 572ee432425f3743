package compactqa.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * A small builder of ONNX graphs over the protobuf classes: nodes with generated unique names,
 * initializers from {@link Tensor}s and constants, and typed inputs and outputs. Not thread-safe;
 * one graph per builder.
 */
public final class OnnxGraph {

    /** The default-domain opset the exported graphs use; 17 brings LayerNormalization. */
    public static final int OPSET = 17;
    /** The {@code com.microsoft} contrib opset, for ONNX Runtime's quantized and fused operators. */
    public static final int MS_OPSET = 1;
    private static final long IR_VERSION = 8;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Set<String> initializers = new HashSet<>();
    private boolean usesMicrosoftDomain;

    public OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A fresh value name starting with {@code prefix}. */
    public String fresh(String prefix) {
        int n = counters.merge(prefix, 1, Integer::sum);
        return n == 1 ? prefix : prefix + "_" + (n - 1);
    }

    /**
     * Adds {@code tensor} as an initializer named {@code name}; returns the name. Half-precision
     * tensors are widened to fp32, since the graph computes in fp32; see {@link #exactInitializer}
     * to keep a tensor's type (quantized codes, say).
     */
    public String initializer(String name, Tensor tensor) {
        return exactInitializer(name, tensor.dtype() == DType.F16 ? Tensor.ofFloats(tensor.shape(), tensor.floats()) : tensor);
    }

    /**
     * Adds {@code tensor} as an initializer of its own element type. A name identifies a tensor:
     * a second call with a name already added adds nothing, so layers that share a tensor (a
     * common basis, say) hold it once in the graph.
     */
    public String exactInitializer(String name, Tensor tensor) {
        if (!initializers.add(name)) {
            return name;
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(onnxType(tensor.dtype()).getNumber());
        for (long d : tensor.shape()) {
            t.addDims(d);
        }
        t.setRawData(ByteString.copyFrom(tensor.data()));
        graph.addInitializer(t);
        return name;
    }

    /** An int64 constant (as an initializer) with the given values and a 1-D shape. */
    public String longs(String prefix, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return initializer(fresh(prefix), Tensor.of(DType.I64, new long[] {values.length}, b.flip()));
    }

    /** An int64 scalar constant. */
    public String longScalar(String prefix, long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        return initializer(fresh(prefix), Tensor.of(DType.I64, new long[0], b.flip()));
    }

    /** A float scalar constant. */
    public String floatScalar(String prefix, float value) {
        return initializer(fresh(prefix), Tensor.ofFloats(new long[0], new float[] {value}));
    }

    /** Adds a node of the default domain with one output; returns the output's name. */
    public String node(String op, String outputPrefix, List<String> inputs, Map<String, Object> attributes) {
        String output = fresh(outputPrefix);
        nodeWithOutputs(op, "", inputs, List.of(output), attributes);
        return output;
    }

    public String node(String op, String outputPrefix, List<String> inputs) {
        return node(op, outputPrefix, inputs, Map.of());
    }

    /** Adds a node of the {@code com.microsoft} domain with one output. */
    public String microsoftNode(String op, String outputPrefix, List<String> inputs, Map<String, Object> attributes) {
        usesMicrosoftDomain = true;
        String output = fresh(outputPrefix);
        nodeWithOutputs(op, "com.microsoft", inputs, List.of(output), attributes);
        return output;
    }

    /** Adds a node with the given outputs. */
    public void nodeWithOutputs(String op, String domain, List<String> inputs, List<String> outputs,
                                Map<String, Object> attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(fresh("node_" + op)).setDomain(domain)
                .addAllInput(inputs).addAllOutput(outputs);
        attributes.forEach((key, value) -> n.addAttribute(attribute(key, value)));
        graph.addNode(n);
    }

    /** Declares a graph input of the given element type, dimensions named or fixed. */
    public void input(String name, TensorProto.DataType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    /** Declares a graph output. */
    public void output(String name, TensorProto.DataType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /** The finished model. */
    public ModelProto build(String producer) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        if (usesMicrosoftDomain) {
            model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.microsoft").setVersion(MS_OPSET));
        }
        return model.build();
    }

    static TensorProto.DataType onnxType(DType dtype) {
        return switch (dtype) {
            case F32 -> TensorProto.DataType.FLOAT;
            case F16 -> TensorProto.DataType.FLOAT16;
            case I8 -> TensorProto.DataType.INT8;
            case U8 -> TensorProto.DataType.UINT8;
            case I64 -> TensorProto.DataType.INT64;
        };
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else {
                dim.setDimParam(d.toString());
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case Double d -> a.setType(AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
            case String s -> a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8(s));
            case long[] ls -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long l : ls) {
                    a.addInts(l);
                }
            }
            case int[] is -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (int i : is) {
                    a.addInts(i);
                }
            }
            default -> throw new IllegalArgumentException("unsupported attribute type for " + name + ": " + value.getClass());
        }
        return a.build();
    }
}
