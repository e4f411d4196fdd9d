package io.layernas.dashboard;

import io.layernas.store.SqliteTrialReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Full pages of trials ({@link Dashboard#PAGE_SIZE} of them), gzipped as sent, so that a page that
 * loads a run's trials costs the server its JSON once rather than once per visitor and load; the
 * server makes them in the background once it has summarised a run ({@link #warm}). A full
 * page never changes while its trials stay: each entry keeps the signature of its last trial (its
 * architecture and wall seconds) and is dropped when the store's trial at that index differs, which
 * a resumed run that removed and evaluated again the trials at the end of its store causes. Holds
 * at most {@link #MAX_BYTES}, the least recently used pages going first (100,000 trials take about
 * 2.5 MB). Thread-safe.
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

    /**
     * The page of {@code run}'s trials after {@code after}: gzipped when it is full (then kept), else
     * its JSON.
     */
    Answer page(Path run, SqliteTrialReader store, int after, int limit) {
        byte[] kept = find(run, after, limit, store::signature);
        if (kept != null) {
            return new Answer(kept, null);
        }
        SqliteTrialReader.JsonPage page = store.afterAsJson(after, limit);
        String json = Trials.page(page, limit);
        if (page.count() < limit || page.last() != after + limit) {
            return new Answer(null, json);
        }
        return new Answer(keep(run, after, limit, json, store.signature(page.last())), null);
    }

    /**
     * A page of trials: gzipped when full, else as JSON.
     *
     * @param gzipped the full page, gzipped, or null
     * @param json    the page that is not full, or null
     */
    record Answer(byte[] gzipped, String json) {
    }

    /**
     * Makes and keeps the full pages of {@code run} that are not kept yet, while the cache is less than
     * half full: what a first load of the run's page asks for, made before it asks.
     */
    void warm(Path run, SqliteTrialReader store, int limit) {
        for (int after = -1; bytes() < MAX_BYTES / 2; after += limit) {
            if (page(run, store, after, limit).gzipped() == null) {
                return;
            }
        }
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
        // The fastest level: a page is made on the way to a waiting browser; on loopback size hardly matters.
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
