package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;

/** The exported graph's structure, without running it. */
class ExportTest {

    @Test
    void graphHasTheDeclaredInterfaceAndOpset() {
        ModelProto model = new BertOnnxExporter().export(CheckpointTest.random(CheckpointTest.TINY, 1), List.of(),
                BertOnnxExporter.DENSE, false);
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"),
                model.getGraph().getInputList().stream().map(i -> i.getName()).toList());
        assertEquals(List.of("last_hidden_state"), model.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
        Map<String, Integer> ops = new TreeMap<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            ops.merge(n.getOpType(), 1, Integer::sum);
        }
        // 6 linear layers per transformer layer, plus 2 attention products
        assertEquals(2 * (6 + 2), ops.get("MatMul"));
        assertEquals(1 + 2 * 2, ops.get("LayerNormalization"));
        assertEquals(2, ops.get("Softmax"));
    }

    @Test
    void fusedGraphUsesOneAttentionAndTwoSkipLayerNormsPerLayer() {
        ModelProto model = new BertOnnxExporter().export(CheckpointTest.random(CheckpointTest.TINY, 1), List.of(),
                BertOnnxExporter.DENSE, true);
        Map<String, Integer> ops = new TreeMap<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            ops.merge(n.getDomain() + ":" + n.getOpType(), 1, Integer::sum);
        }
        assertEquals(2, ops.get("com.microsoft:Attention"));
        assertEquals(4, ops.get("com.microsoft:SkipLayerNormalization"));
        assertEquals(1, ops.get(":LayerNormalization"), "only the embeddings' norm stays plain");
        assertEquals(2 * 3, ops.get(":MatMul"), "attention output, intermediate and output per layer");
        assertTrue(model.getOpsetImportList().stream().anyMatch(o -> o.getDomain().equals("com.microsoft")));
    }

    @Test
    void int8GraphQuantizesEachLayersInputOnceForOneQuantizedAttention() {
        ModelProto model = new BertOnnxExporter().export(CheckpointTest.random(CheckpointTest.TINY, 1), List.of(),
                Precision.INT8.forms(), true);
        Map<String, Integer> ops = new TreeMap<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            ops.merge(n.getDomain() + ":" + n.getOpType(), 1, Integer::sum);
        }
        assertEquals(2, ops.get("com.microsoft:QAttention"));
        assertEquals(2, ops.get(":DynamicQuantizeLinear"));
        assertEquals(2 * 3, ops.get("com.microsoft:DynamicQuantizeMatMul"), "attention output, intermediate and output per layer");
        assertEquals(null, ops.get(":Softmax"));
    }

    @Test
    void attentionIsNotFusedWhenQueryKeyOrValueIsCompressed() {
        LinearForm other = (graph, checkpoint, name, input) -> DenseLinear.INSTANCE.emit(graph, checkpoint, name, input);
        ModelProto model = new BertOnnxExporter().export(CheckpointTest.random(CheckpointTest.TINY, 1), List.of(),
                name -> name.endsWith("self.key") ? other : DenseLinear.INSTANCE, true);
        assertTrue(model.getGraph().getNodeList().stream().noneMatch(n -> n.getOpType().equals("Attention")));
        assertEquals(4, model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("SkipLayerNormalization")).count());
    }

    @Test
    void everyLinearLayerGoesThroughTheChosenForm() {
        Map<String, Integer> seen = new TreeMap<>();
        LinearForm counting = (graph, checkpoint, name, input) -> {
            seen.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
            return DenseLinear.INSTANCE.emit(graph, checkpoint, name, input);
        };
        Checkpoint ck = CheckpointTest.random(CheckpointTest.TINY, 2);
        new BertOnnxExporter().export(ck, List.of(), name -> counting, false);
        assertEquals(6, seen.size(), seen.toString());
        assertTrue(seen.values().stream().allMatch(n -> n == 2), seen.toString());
    }
}
