package io.sandmle.environments.grading;

import io.sandmle.api.ColumnTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a comma-separated file the way {@code pandas.read_csv} does with its defaults, into raw
 * string columns: header row, RFC-4180 quoting, UTF-8 with an optional BOM, LF/CRLF/CR line ends,
 * blank lines skipped, short rows padded with empty (NA) fields, duplicate header names mangled
 * ({@code a, a.1}). Values keep their text; {@link PandasValues} applies pandas' type rules.
 *
 * <p>The whole file is read into memory once and parsed byte by byte, which is several times faster
 * than a line-based reader; files larger than {@code maxBytes} are refused before reading.
 */
public final class CsvReader {

    /** Submissions larger than this are refused unread (the largest lite answers are ~50 MB). */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private final byte[] buf;
    private final int end;
    /** ISO-8859-1 decoding is a plain copy and gives the same strings when the file is pure ASCII. */
    private final java.nio.charset.Charset charset;
    private int pos;
    private int line = 1;
    private byte[] scratch = new byte[256];

    private CsvReader(byte[] buf, int start, boolean ascii) {
        this.buf = buf;
        this.charset = ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        this.end = buf.length;
        this.pos = start;
    }

    /** Reads {@code file} with the default size limit. */
    public static ColumnTable read(Path file) {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /**
     * Reads {@code file}.
     *
     * @throws InvalidSubmissionException with one sentence when the file is missing, too large,
     *                                    empty, binary, not UTF-8 or malformed
     */
    public static ColumnTable read(Path file, long maxBytes) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InvalidSubmissionException(String.format(
                        "The file %s is %,d bytes, over the %,d-byte limit for a submission.",
                        file.getFileName(), size, maxBytes));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSubmissionException("The file " + file + " does not exist.");
        } catch (IOException e) {
            throw new InvalidSubmissionException("The file " + file + " could not be read: " + e.getMessage() + ".");
        }
        return parse(bytes);
    }

    /** Parses CSV bytes (exposed for tests and in-memory data). */
    public static ColumnTable parse(byte[] bytes) {
        boolean ascii = checkText(bytes);
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return new CsvReader(bytes, start, ascii).table();
    }

    /**
     * Refuses binary data (NUL bytes) and invalid UTF-8, which pandas cannot decode either.
     *
     * @return whether the bytes are pure ASCII
     */
    private static boolean checkText(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b == 0) {
                throw new InvalidSubmissionException(
                        "The file contains binary data (NUL bytes), not comma-separated text.");
            }
            ascii &= b >= 0;
        }
        if (!ascii) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new InvalidSubmissionException("The file is not valid UTF-8 text.");
            }
        }
        return ascii;
    }

    private ColumnTable table() {
        List<String> header = nextRecord();
        if (header == null) {
            throw new InvalidSubmissionException("The file is empty: it has no header row.");
        }
        List<String> names = headerNames(header);
        int k = names.size();
        String[][] cols = new String[k][];
        int capacity = Math.max(16, (end - pos) / Math.max(8, 4 * k));
        for (int c = 0; c < k; c++) {
            cols[c] = new String[capacity];
        }
        int rows = 0;
        int[] width = new int[1];
        String[] row = new String[k];
        while (true) {
            int recordLine = line;
            if (!nextRecordInto(row, width)) {
                break;
            }
            if (width[0] > k) {
                throw new InvalidSubmissionException(String.format(
                        "Line %d has %d fields but the header has %d columns.", recordLine, width[0], k));
            }
            if (rows == cols[0].length) {
                for (int c = 0; c < k; c++) {
                    cols[c] = Arrays.copyOf(cols[c], rows * 2);
                }
            }
            for (int c = 0; c < k; c++) {
                cols[c][rows] = c < width[0] ? row[c] : "";
            }
            rows++;
        }
        List<String[]> columns = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            columns.add(cols[c].length == rows ? cols[c] : Arrays.copyOf(cols[c], rows));
        }
        return new ColumnTable(names, columns);
    }

    /** pandas names: empty names become {@code Unnamed: i}, repeats get {@code .1}, {@code .2} … */
    private static List<String> headerNames(List<String> raw) {
        List<String> names = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String base = raw.get(i).isEmpty() ? "Unnamed: " + i : raw.get(i);
            String name = base;
            for (int n = 1; !seen.add(name); n++) {
                name = base + "." + n;
            }
            names.add(name);
        }
        return names;
    }

    /** The first record, re-parsed into a wider array when it has more than 64 fields. */
    private List<String> nextRecord() {
        int savedPos = pos;
        int savedLine = line;
        int[] width = new int[1];
        String[] row = new String[64];
        if (!nextRecordInto(row, width)) {
            return null;
        }
        if (width[0] > row.length) {
            pos = savedPos;
            line = savedLine;
            row = new String[width[0]];
            nextRecordInto(row, width);
        }
        return new ArrayList<>(Arrays.asList(row).subList(0, width[0]));
    }

    /**
     * Parses the next non-blank record into {@code row}; {@code width[0]} gets its field count
     * (which may exceed {@code row.length}; extra fields are counted but not stored).
     *
     * @return false at end of input
     */
    private boolean nextRecordInto(String[] row, int[] width) {
        while (pos < end && (buf[pos] == '\n' || buf[pos] == '\r')) {
            skipLineEnd();
        }
        if (pos >= end) {
            return false;
        }
        int n = 0;
        while (true) {
            String field = buf[pos] == '"' ? quotedField() : plainField();
            if (n < row.length) {
                row[n] = field;
            }
            n++;
            if (pos >= end) {
                break;
            }
            byte b = buf[pos];
            if (b == ',') {
                pos++;
                if (pos >= end) {
                    if (n < row.length) {
                        row[n] = "";
                    }
                    n++;
                    break;
                }
                continue;
            }
            skipLineEnd();
            break;
        }
        width[0] = n;
        return true;
    }

    private void skipLineEnd() {
        if (buf[pos] == '\r' && pos + 1 < end && buf[pos + 1] == '\n') {
            pos++;
        }
        pos++;
        line++;
    }

    private String plainField() {
        int start = pos;
        while (pos < end) {
            byte b = buf[pos];
            if (b == ',' || b == '\n' || b == '\r') {
                break;
            }
            pos++;
        }
        return new String(buf, start, pos - start, charset);
    }

    /** A quoted field: doubled quotes are one quote; text after the closing quote is kept, as pandas does. */
    private String quotedField() {
        int startLine = line;
        pos++;
        int len = 0;
        while (true) {
            if (pos >= end) {
                throw new InvalidSubmissionException(
                        "A quoted field starting on line " + startLine + " is never closed.");
            }
            byte b = buf[pos++];
            if (b == '"') {
                if (pos < end && buf[pos] == '"') {
                    pos++;
                } else {
                    break;
                }
            } else if (b == '\n') {
                line++;
            }
            len = put(len, b);
        }
        while (pos < end && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
            len = put(len, buf[pos++]);
        }
        return new String(scratch, 0, len, charset);
    }

    private int put(int len, byte b) {
        if (len == scratch.length) {
            scratch = Arrays.copyOf(scratch, len * 2);
        }
        scratch[len] = b;
        return len + 1;
    }
}
