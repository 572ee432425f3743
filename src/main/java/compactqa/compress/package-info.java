/**
 * Offline model compression: one class per method behind {@link compactqa.compress.CompressionMethod}
 * (int8, int4, SVD and activation-aware SVD, autoencoder factorization, MPO, embedding compression,
 * layer dropping), chained and calibrated by {@link compactqa.compress.CompressionChain}. Each turns a
 * checkpoint into one whose layers hold a {@link compactqa.model.LinearForm} the exporter and
 * ONNX Runtime run without knowing the method. Depends on {@code model} only; measuring the result
 * is the benchmark's job ({@code eval}).
 */
package compactqa.compress;
