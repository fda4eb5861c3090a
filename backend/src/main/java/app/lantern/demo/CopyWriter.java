package app.lantern.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Rows for one table in PostgreSQL's COPY text format, sent in chunks of a few megabytes when the caller flushes. */
final class CopyWriter {

    private static final int FLUSH_AT = 8 * 1024 * 1024;

    private final CopyManager copy;
    private final String target;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstInRow = true;
    private long rows;

    CopyWriter(Connection connection, String target) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.target = target;
    }

    CopyWriter add(Object value) {
        if (!firstInRow) {
            buffer.append('\t');
        }
        firstInRow = false;
        switch (value) {
            case null -> buffer.append("\\N");
            case Boolean b -> buffer.append(b ? 't' : 'f');
            case Number n -> buffer.append(n);
            case Instant i -> buffer.append(i);
            case LocalDate d -> buffer.append(d);
            default -> escape(value.toString());
        }
        return this;
    }

    void endRow() {
        buffer.append('\n');
        firstInRow = true;
        rows++;
    }

    /** Whether the buffer is big enough to send. The caller flushes, so that it can order tables by their keys. */
    boolean full() {
        return buffer.length() >= FLUSH_AT;
    }

    long rows() {
        return rows;
    }

    void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            copy.copyIn("copy " + target + " from stdin", new StringReader(buffer.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
        buffer.setLength(0);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
