package io.lodestar.customerprofile.bulkimport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams an uploaded CSV file (RFC 4180) record by record, so that a 47 MB upload of half a million order
 * lines is read in constant memory and a single pass.
 * <p>
 * What it accepts: fields separated by commas; fields in double quotes may hold commas, line breaks and
 * doubled quotes ({@code ""} is one quote); records end with CRLF, LF or a lone CR; an optional UTF-8 byte
 * order mark; a final record with or without a line break. Completely empty lines are skipped (they are not
 * rows). Leniencies, chosen so that a single odd cell costs one row rather than the whole file: a quote inside
 * an unquoted field, and text after a closing quote, are kept literally.
 * <p>
 * What fails the whole file, with an {@link ImportFormatException} on field {@code file} naming the line: bytes
 * that are not valid UTF-8 (the decoder is strict, never substituting), a missing header, a quoted field still
 * open at the end of the file, and a record longer than {@code maxRecordChars} (an unbalanced quote in a large
 * file usually ends this way rather than at the end).
 * <p>
 * A record whose number of fields differs from the header is returned as it is: rejecting it with a reason is
 * the mapper's decision, and the rest of the file stays importable.
 */
public final class CsvRecordReader implements Iterator<CsvRow>, Closeable {

    /** The default bound of one record, far above any real profile or order line. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    private static final int END = -1;
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final StringBuilder field = new StringBuilder(64);
    private final int maxRecordChars;
    private final List<String> headers;

    private boolean endOfBytes;
    private boolean decodingFailed;
    private boolean flushed;
    private int pushedBack = Integer.MIN_VALUE;
    private long line = 1;
    private int recordChars;
    private CsvRow next;

    /** Reads the header at once; fails if the file is empty or its first line is not UTF-8. */
    public CsvRecordReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_CHARS);
    }

    public CsvRecordReader(InputStream in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
        bytes.flip();
        chars.flip();
        int first = read();
        if (first != '\uFEFF') {
            pushBack(first);
        }
        CsvRow header = readRecord();
        if (header == null) {
            throw new ImportFormatException("file", 1, "the file is empty: a header row is required");
        }
        this.headers = header.values();
    }

    /** The header row's names, exactly as written. */
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRecord();
        }
        return next != null;
    }

    @Override
    public CsvRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The next non-empty record, or null at the end of the file. */
    private CsvRow readRecord() {
        int c = read();
        while (c == '\r' || c == '\n') {
            lineBreak(c);
            c = read();
        }
        if (c == END) {
            return null;
        }
        long startLine = line;
        recordChars = 0;
        List<String> values = new ArrayList<>(16);
        field.setLength(0);
        while (true) {
            if (c == '"' && field.length() == 0) {
                c = readQuoted(startLine);
            } else if (c == ',') {
                values.add(field.toString());
                field.setLength(0);
                c = read();
            } else if (c == '\r' || c == '\n' || c == END) {
                if (c != END) {
                    lineBreak(c);
                }
                values.add(field.toString());
                return new CsvRow(startLine, values);
            } else {
                append((char) c, startLine);
                c = read();
            }
        }
    }

    /** Consumes a quoted field up to its closing quote; returns the character after it. */
    private int readQuoted(long startLine) {
        long quoteLine = line;
        while (true) {
            int c = read();
            if (c == END) {
                throw new ImportFormatException("file", quoteLine,
                        "a quoted field opened on this line is never closed (unbalanced quote)");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    return after;
                }
            } else if (c == '\n') {
                line++;
            }
            append((char) c, startLine);
        }
    }

    /** Counts a line break outside quotes; CRLF is one break. */
    private void lineBreak(int c) {
        line++;
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                pushBack(after);
            }
        }
    }

    private void append(char c, long startLine) {
        if (++recordChars > maxRecordChars) {
            throw new ImportFormatException("file", startLine, "the record starting on this line is longer than "
                    + maxRecordChars + " characters (an unbalanced quote?)");
        }
        field.append(c);
    }

    private void pushBack(int c) {
        pushedBack = c;
    }

    private int read() {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        if (!chars.hasRemaining() && !fill()) {
            return END;
        }
        return chars.get();
    }

    /**
     * Decodes more characters; false at the end of input. Characters decoded before a malformed sequence are
     * handed out first, so the failure names the line the bad bytes are on.
     */
    private boolean fill() {
        if (decodingFailed) {
            throw new ImportFormatException("file", line,
                    "the file is not valid UTF-8 (malformed byte sequence); save it as UTF-8 and upload again");
        }
        if (flushed) {
            return false;
        }
        chars.clear();
        try {
            while (chars.position() == 0) {
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                if (result.isError()) {
                    decodingFailed = true;
                    break;
                }
                if (result.isOverflow()) {
                    break;
                }
                if (endOfBytes) {
                    decoder.flush(chars);
                    flushed = true;
                    break;
                }
                readBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chars.flip();
        if (!chars.hasRemaining() && decodingFailed) {
            return fill();
        }
        return chars.hasRemaining();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }
}
