package compactqa.cli;

import java.io.IOException;

import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.Precisions;
import compactqa.model.ReaderModel;
import compactqa.qa.QaConfig;

/** The configured reader and compressor, opened at their precisions for a benchmark, closed together. */
record ModelPair(ReaderModel reader, CompressorModel compressor) implements AutoCloseable {

    static ModelPair open(QaConfig qa, ModelConfig models, Precisions precision) throws IOException {
        ReaderModel reader = ReaderModel.open(ModelArtifact.load(qa.reader()), models.cache(), models.encoderOptions(), precision.reader());
        try {
            return new ModelPair(reader, CompressorModel.open(ModelArtifact.load(qa.compressor()), models.cache(), models.encoderOptions(),
                    precision.compressor()));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try (ReaderModel r = reader) {
            compressor.close();
        }
    }
}
