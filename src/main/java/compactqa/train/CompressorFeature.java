package compactqa.train;

import compactqa.model.CompressorWindow;

/**
 * A compressor window with its labels: per marker 1 / 0 (or null where only the paragraph is
 * labeled), the paragraph's relevance, and sufficiency.
 */
record CompressorFeature(CompressorWindow window, float[] markerLabels, float relevant, float sufficient) implements Feature {

    @Override
    public int length() {
        return window.length();
    }
}
