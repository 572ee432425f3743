package compactqa.corpus;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * Opens corpus and data set files for reading. Gzip is recognised by its magic bytes, not by the
 * file name, so a renamed or an unsuffixed compressed file reads the same way.
 */
public final class InputFiles {

    private static final int GZIP_MAGIC = 0x8b1f;

    private InputFiles() {
    }

    /** A decompressing (where needed), buffered stream over {@code file}. */
    public static InputStream open(Path file) throws IOException {
        return open(file, new LongAdder());
    }

    /**
     * A decompressing (where needed), buffered stream over {@code file} that adds every byte it reads
     * from disk, before decompression, to {@code diskBytesRead}: the basis of progress and ETA, since
     * the file's size on disk is known in advance.
     */
    public static InputStream open(Path file, LongAdder diskBytesRead) throws IOException {
        InputStream raw = new BufferedInputStream(new CountingStream(Files.newInputStream(file), diskBytesRead), 1 << 16);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 >= 0 && b1 >= 0 && ((b1 << 8) | b0) == GZIP_MAGIC;
            return gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private final LongAdder count;

        CountingStream(InputStream in, LongAdder count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count.add(skipped);
            return skipped;
        }
    }
}
