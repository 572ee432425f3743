package compactqa.cli;

import java.io.IOException;

import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.Precision;
import compactqa.model.ReaderModel;
import compactqa.qa.QaConfig;

/** The configured reader and compressor, opened at one precision for a benchmark, closed together. */
record ModelPair(ReaderModel reader, CompressorModel compressor) implements AutoCloseable {

    static ModelPair open(QaConfig qa, ModelConfig models, Precision precision) throws IOException {
        ReaderModel reader = ReaderModel.open(ModelArtifact.load(qa.reader()), models.cache(), models.encoderOptions(), precision);
        try {
            return new ModelPair(reader, CompressorModel.open(ModelArtifact.load(qa.compressor()), models.cache(), models.encoderOptions(),
                    precision));
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
