/**
 * Training on DJL: the encoder in PyTorch form, the reader's and compressor's heads, and the runs
 * that train them from a recipe.
 *
 * <p>{@link compactqa.train.Recipe} says what to train on what data; {@link compactqa.train.TrainingRun}
 * splits the questions (validation never trains), trains with checkpoints under the recipe's work
 * folder (resumable, time-limited), and writes a model the {@code model} package serves.
 * Compression by training lives here too: Theseus layer replacement, XTC ternary and binary weights,
 * healing of factorized models, Compacter adapters and compressed activations. Reads
 * {@code dataset} and {@code metrics}; never the benchmarks in {@code eval}, nor the serving path.
 */
package compactqa.train;
