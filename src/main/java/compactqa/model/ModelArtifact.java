package compactqa.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A trained task model as the project ships it: the tensors training changed, in fp16, over a
 * pretrained base encoder that comes from its Maven jar. Small enough for git (a fine-tuned MiniLM
 * with frozen word embeddings is about 22 MB) and rebuilt into a full checkpoint and an ONNX graph
 * on first use.
 *
 * <pre>
 * dir/
 *   model.json          base encoder, task heads, tokenizer settings, checksum of the weights
 *   config.json         the encoder configuration (Hugging Face)
 *   weights.safetensors the changed tensors and the heads, fp16
 * </pre>
 *
 * <p>Loading verifies the weights' SHA-256 against {@code model.json} and names the file that
 * fails. Immutable; thread-safe.
 */
public final class ModelArtifact {

    static final String MANIFEST = "model.json";
    static final String WEIGHTS = "weights.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What {@code model.json} holds.
     *
     * @param task      {@code reader} or {@code compressor}
     * @param base      the pretrained encoder the weights apply to
     * @param heads     the task heads, in graph output order
     * @param maxLength tokens per sequence the model was trained with
     * @param stride    window overlap the model was trained with
     * @param maxQuestionTokens word pieces of question a compressor input keeps (0 for a reader)
     * @param maxEvidenceTokens word pieces of evidence a compressor input keeps (0 for a reader)
     * @param sha256    SHA-256 of {@code weights.safetensors}
     * @param compression what compressed this model (a method and its settings), or null for a
     *                  trained model; a compressed model's weights hold every tensor, not only
     *                  those that differ from the base
     */
    public record Manifest(Task task, String base, List<Head> heads, int maxLength, int stride, int maxQuestionTokens,
                           int maxEvidenceTokens, String sha256, String compression) {

        /** This manifest for other weights, compressed as {@code how}. */
        public Manifest compressed(String how, String weightsSha256) {
            return new Manifest(task, base, heads, maxLength, stride, maxQuestionTokens, maxEvidenceTokens, weightsSha256, how);
        }
    }

    private final Path dir;
    private final Manifest manifest;

    private ModelArtifact(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    public PretrainedEncoder base() {
        return PretrainedEncoder.of(manifest.base());
    }

    /**
     * Writes {@code trained} to {@code dir}: the tensors {@code include} accepts, in fp16. The
     * folder is written beside the target and swapped in; a model card and metrics already there
     * are kept.
     */
    public static ModelArtifact save(Path dir, Checkpoint trained, Task task, PretrainedEncoder base, List<Head> heads,
                                     int maxLength, int stride, int maxQuestionTokens, int maxEvidenceTokens,
                                     Predicate<String> include) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        trained.tensors().forEach((name, t) -> {
            if (include.test(name)) {
                tensors.put(name, t.dtype() == DType.F32 ? t.toF16() : t);
            }
        });
        String[] digest = new String[1];
        AtomicFolders.replace(dir, List.of("MODEL_CARD.md", "metrics.json", "training.json"), tmp -> {
            Safetensors.write(tmp.resolve(WEIGHTS), tensors, Map.of("format", "pt", "base", base.id()));
            digest[0] = sha256(tmp.resolve(WEIGHTS));
            JSON.writeValue(tmp.resolve(MANIFEST).toFile(), new Manifest(task, base.id(), heads, maxLength, stride, maxQuestionTokens,
                    maxEvidenceTokens, digest[0], null));
            JSON.writeValue(tmp.resolve(Checkpoint.CONFIG).toFile(), trained.config().toHuggingFace());
        });
        return new ModelArtifact(dir.toAbsolutePath().normalize(), new Manifest(task, base.id(), heads, maxLength, stride,
                maxQuestionTokens, maxEvidenceTokens, digest[0], null));
    }

    /**
     * Writes a compressed model to {@code dir}: every tensor of {@code compressed} (fp32 ones in
     * fp16, except quantization scales), with {@code from}'s manifest and {@code how} it was
     * compressed. The folder is written beside the target and swapped in.
     */
    public static ModelArtifact saveCompressed(Path dir, Checkpoint compressed, Manifest from, String how) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        compressed.tensors().forEach((name, t) ->
                tensors.put(name, t.dtype() == DType.F32 && !name.endsWith("scale") ? t.toF16() : t));
        Manifest[] manifest = new Manifest[1];
        AtomicFolders.replace(dir, List.of(), tmp -> {
            Safetensors.write(tmp.resolve(WEIGHTS), tensors, Map.of("format", "pt", "base", from.base()));
            manifest[0] = from.compressed(how, sha256(tmp.resolve(WEIGHTS)));
            JSON.writeValue(tmp.resolve(MANIFEST).toFile(), manifest[0]);
            JSON.writeValue(tmp.resolve(Checkpoint.CONFIG).toFile(), compressed.config().toHuggingFace());
        });
        return new ModelArtifact(dir.toAbsolutePath().normalize(), manifest[0]);
    }

    /**
     * Reads the model in {@code dir}.
     *
     * @throws IOException naming the file that is missing or whose checksum does not match
     */
    public static ModelArtifact load(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        Path weights = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(weights)) {
            throw new IOException(dir + " is not a trained model: it needs " + MANIFEST + " and " + WEIGHTS);
        }
        Manifest manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
        String actual = sha256(weights);
        if (!actual.equals(manifest.sha256())) {
            throw new IOException(weights + " is corrupt: its SHA-256 is " + actual + ", " + manifestFile + " expects "
                    + manifest.sha256());
        }
        return new ModelArtifact(dir, manifest);
    }

    /**
     * The full checkpoint, plain tensors in fp32: a trained model's weights over the base encoder's,
     * or a compressed model's own.
     */
    public Checkpoint checkpoint() throws IOException {
        if (manifest.compression() != null) {
            Map<String, Tensor> own = new LinkedHashMap<>();
            Safetensors.read(dir.resolve(WEIGHTS)).tensors().forEach((name, t) ->
                    own.put(name, t.dtype() == DType.F16 ? Tensor.ofFloats(t.shape(), t.floats()) : t));
            String words = BertNames.WORD_EMBEDDINGS;
            if (own.containsKey(words + ".q4")) { // 4-bit rows on disk, widened for ONNX Runtime
                own.put(words, Int4BlockLinear.dequantize(new Int4BlockLinear.Quantized(own.remove(words + ".q4"),
                        own.remove(words + ".q4_scale"))));
            }
            Map<String, Object> config = JSON.readValue(dir.resolve(Checkpoint.CONFIG).toFile(), new TypeReference<>() { });
            // 2- and 1-bit codes on disk, int8 for ONNX Runtime
            return new Checkpoint(EncoderConfig.fromHuggingFace(config), CompacterWeights.expand(TernaryWeights.expand(own))).validate();
        }
        Checkpoint base;
        try (InputStream in = ModelCache.openOnnx(base())) {
            base = new OnnxImporter().read(in, base().config());
        }
        Map<String, Tensor> trained = new LinkedHashMap<>();
        Safetensors.read(dir.resolve(WEIGHTS)).tensors().forEach((name, t) ->
                trained.put(name, t.dtype() == DType.F16 ? Tensor.ofFloats(t.shape(), t.floats()) : t));
        return base.with(base.config(), CompacterWeights.expand(trained)).validate();
    }

    /**
     * The model's ONNX graph at {@code precision}, exported once into {@code cache} and reused while
     * the weights are unchanged (the file name carries their checksum).
     */
    public Path onnx(ModelCache cache, Precision precision) throws IOException {
        Path file = cache.dir().resolve("trained").resolve(manifest.task() + "-" + manifest.sha256().substring(0, 16) + "-"
                + precision.id() + "-g" + BertOnnxExporter.GRAPH_REVISION + ".onnx");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Checkpoint checkpoint = checkpoint();
        AtomicFolders.writeFile(file,
                new BertOnnxExporter().export(checkpoint, manifest.heads(), LinearForms.of(checkpoint, precision)).toByteArray());
        return file;
    }

    /** An encoder running this model, with its heads, on ONNX Runtime at {@code precision}. */
    public Encoder open(ModelCache cache, EncoderOptions options, Precision precision) throws IOException {
        return Encoder.open(onnx(cache, precision), cache.tokenizer(base()),
                new EncoderOptions(manifest.maxLength(), manifest.stride(), options.threads(), options.optimization(), options.shrinkArenaAbove()));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
