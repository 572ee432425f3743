/**
 * Metrics that score answers and models, depending on nothing but the JDK: calibration of
 * confidences so far; the answer, supporting-fact, compression and latency statistics move here
 * from {@code eval} with the house redesign.
 */
package compactqa.metrics;
