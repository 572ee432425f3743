/**
 * The encoder models: where they come from, how their weights are held, how they are written as
 * ONNX, and how they run. The only package that knows tensors; the rest of the code sees text in
 * and {@link compactqa.model.FloatArray}s or domain records out.
 *
 * <ul>
 * <li>{@link compactqa.model.PretrainedEncoder} and {@link compactqa.model.ModelCache}: the encoders
 * inside the LangChain4j jars on the class path, copied once to a local folder. Nothing is
 * downloaded.
 * <li>{@link compactqa.model.Checkpoint}: configuration plus named tensors in Hugging Face naming,
 * saved as {@code config.json} and {@code model.safetensors}.
 * <li>{@link compactqa.model.OnnxImporter} reads PyTorch-exported graphs into checkpoints;
 * {@link compactqa.model.BertOnnxExporter} writes checkpoints back as graphs, each linear layer in
 * the {@link compactqa.model.LinearForm} a compression method chooses, with task
 * {@link compactqa.model.Head}s, and with ONNX Runtime's fused attention where the weights allow.
 * <li>{@link compactqa.model.Encoder}: tokenizer plus ONNX Runtime session, thread-safe, every
 * native tensor closed in the call that made it.
 * </ul>
 */
package compactqa.model;
