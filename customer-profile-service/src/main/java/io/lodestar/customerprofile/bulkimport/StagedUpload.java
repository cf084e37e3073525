package io.lodestar.customerprofile.bulkimport;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An uploaded file in the import directory, read as CSV whether it was sent plain or gzip-compressed (recognised
 * by its magic bytes, so a 7 MB {@code .csv.gz} need not be inflated to 47 MB before upload). Counts the bytes
 * read from disk, which is how far through the file a job is.
 */
public final class StagedUpload {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path file;
    private final long size;
    private volatile CountingStream current;

    public StagedUpload(Path file) {
        this.file = file;
        try {
            this.size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** The size on disk (compressed, for a gzip upload). */
    public long size() {
        return size;
    }

    /** Opens the file (again) from its start, decompressing it when it is gzip. */
    public InputStream open() throws IOException {
        CountingStream counting = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        current = counting;
        counting.mark(2);
        int first = counting.read();
        int second = counting.read();
        counting.reset();
        if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
            return new GZIPInputStream(counting, 1 << 16);
        }
        return counting;
    }

    /** How much of the file the latest {@link #open} has read, from 0 to 1. */
    public double fractionRead() {
        CountingStream counting = current;
        return counting == null || size == 0 ? 0 : Math.min(1.0, (double) counting.count / size);
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private volatile long count;
        private long marked;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            marked = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = marked;
        }
    }
}
