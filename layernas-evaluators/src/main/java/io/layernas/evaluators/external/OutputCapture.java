package io.layernas.evaluators.external;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a command on a thread of its own, keeping a bounded amount of it on
 * the heap: either everything up to a limit (stdout, where the metrics line is; past the limit the
 * capture stops and says so) or only the last bytes (stderr, shown in failure messages, however
 * much the command writes). Whatever is not kept is read and dropped, so the command never blocks
 * on a full pipe. Thread-safe.
 */
final class OutputCapture {
    private static final int BUFFER = 8192;
    private final InputStream in;
    private final long limit;
    private final boolean tail;
    private final byte[] ring;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final Thread reader;
    private long total;
    private volatile boolean exceeded;
    private final Runnable onExceeded;

    private OutputCapture(InputStream in, long limit, boolean tail, Runnable onExceeded, String name) {
        this.in = in;
        this.limit = limit;
        this.tail = tail;
        this.ring = tail ? new byte[(int) limit] : null;
        this.onExceeded = onExceeded;
        this.reader = new Thread(this::drain, name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Keeps the first {@code limit} bytes; at one more byte, calls {@code onExceeded} once and stops keeping. */
    static OutputCapture upTo(InputStream in, long limit, Runnable onExceeded, String name) {
        return new OutputCapture(in, limit, false, onExceeded, name);
    }

    /** Keeps the last {@code bytes} bytes. */
    static OutputCapture tail(InputStream in, int bytes, String name) {
        return new OutputCapture(in, bytes, true, () -> { }, name);
    }

    private void drain() {
        byte[] buffer = new byte[BUFFER];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (keep(buffer, n)) {
                    onExceeded.run();
                }
            }
        } catch (IOException e) {
            // the stream closes when the command's session is killed; what was read is kept
        }
    }

    /** Keeps what the limit allows; true the first time the limit is passed. */
    private synchronized boolean keep(byte[] buffer, int n) {
        boolean passed = false;
        if (tail) {
            int at = (int) (total % ring.length);
            int first = Math.min(n, ring.length - at);
            System.arraycopy(buffer, 0, ring, at, first);
            System.arraycopy(buffer, first, ring, 0, n - first);
        } else if (!exceeded) {
            int room = (int) Math.min(n, limit - head.size());
            head.write(buffer, 0, room);
            if (room < n) {
                exceeded = true;
                passed = true;
            }
        }
        total += n;
        return passed;
    }

    /** Waits until the stream ended (its writers are gone), at most {@code millis}. */
    void await(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /** True when more than the limit arrived (never for a tail). */
    boolean exceeded() {
        return exceeded;
    }

    /** Bytes read in all, kept or not. */
    synchronized long total() {
        return total;
    }

    /** Bytes held on the heap for this stream: never more than the limit, however much was read. */
    synchronized long keptBytes() {
        return tail ? ring.length : head.size();
    }

    /** What was kept, as UTF-8 text (malformed bytes replaced). */
    synchronized String text() {
        if (!tail) {
            return head.toString(StandardCharsets.UTF_8);
        }
        int kept = (int) Math.min(total, ring.length);
        byte[] last = new byte[kept];
        for (int i = 0; i < kept; i++) {
            last[i] = ring[(int) ((total - kept + i) % ring.length)];
        }
        return new String(last, StandardCharsets.UTF_8);
    }
}
