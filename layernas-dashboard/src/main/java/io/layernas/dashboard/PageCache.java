package io.layernas.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Full pages of trials ({@link Dashboard#PAGE_SIZE} of them), gzipped as sent, so that a page that
 * loads a run's trials costs the server its JSON once rather than once per visitor and load. A full
 * page never changes while its trials stay: each entry keeps the signature of its last trial (its
 * architecture and wall seconds) and is dropped when the store's trial at that index differs, which
 * a resumed run that removed and evaluated again the trials at the end of its store causes. Holds
 * at most {@link #MAX_BYTES}, the least recently used pages going first (100,000 trials take about
 * 2 MB). Thread-safe.
 */
final class PageCache {
    /** The most bytes of gzipped pages kept. */
    static final long MAX_BYTES = 32L << 20;

    private final Map<Key, Entry> pages = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Key(Path run, int after, int limit) {
    }

    private record Entry(byte[] gzipped, String signature) {
    }

    /**
     * The full page of {@code run}'s trials after {@code after}, gzipped, if it is kept and its last
     * trial is still the one it was made with.
     *
     * @param signature the signature of the store's trial at an index, or null when there is none
     */
    byte[] find(Path run, int after, int limit, IntFunction<String> signature) {
        Entry kept;
        synchronized (this) {
            kept = pages.get(new Key(run, after, limit));
        }
        return kept != null && kept.signature().equals(signature.apply(after + limit)) ? kept.gzipped() : null;
    }

    /**
     * Keeps the full page {@code json} of {@code run}'s trials after {@code after}, whose last trial has
     * {@code signature}; returns it gzipped.
     */
    byte[] keep(Path run, int after, int limit, String json, String signature) {
        byte[] gzipped = gzip(json);
        synchronized (this) {
            Entry old = pages.put(new Key(run, after, limit), new Entry(gzipped, signature));
            bytes += gzipped.length - (old == null ? 0 : old.gzipped().length);
            evict();
        }
        return gzipped;
    }

    private void evict() {
        for (Iterator<Entry> oldest = pages.values().iterator(); bytes > MAX_BYTES && oldest.hasNext(); ) {
            bytes -= oldest.next().gzipped().length;
            oldest.remove();
        }
    }

    /** Bytes held, for tests. */
    synchronized long bytes() {
        return bytes;
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
