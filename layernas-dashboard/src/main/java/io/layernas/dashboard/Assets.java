package io.layernas.dashboard;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The pages, scripts and styles, served from the jar by name from a fixed list (a name not in it is
 * not found: no request reads any other resource). ECharts comes from its WebJar, so the pages work
 * offline. Each file is read once and kept as it is and gzipped at the highest level (about 1.1 MB
 * and 0.4 MB, most of it ECharts), so no request compresses it again.
 *
 * <p>Pages name each script and style with its content's hash ({@code /assets/run.js?v=HASH}), so a
 * browser may keep them for a year: a new jar with another file changes the name.
 */
final class Assets {
    private static final String BASE = "/io/layernas/dashboard/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    private static final List<String> PAGES = List.of("index.html", "run.html", "compare.html");
    private static final List<String> OWN = List.of("common.js", "runs.js", "run.js", "prefetch.js", "compare.js",
            "style.css");
    private static final String ECHARTS = "echarts.min.js";

    private final Map<String, Asset> files;

    /** One file: its bytes, gzipped, and the hash that names this version of it. */
    private record Asset(byte[] plain, byte[] gzipped, String version) {
        static Asset of(byte[] plain) {
            return new Asset(plain, gzip(plain), hash(plain));
        }
    }

    private Assets(Map<String, Asset> files) {
        this.files = files;
    }

    static Assets load() {
        Map<String, Asset> files = new java.util.HashMap<>();
        OWN.forEach(name -> files.put(name, Asset.of(resource(BASE + name))));
        files.put(ECHARTS, Asset.of(resource("/META-INF/resources/webjars/echarts/" + echartsVersion()
                + "/dist/" + ECHARTS)));
        for (String page : PAGES) {
            String html = new String(resource(BASE + page), StandardCharsets.UTF_8);
            for (Map.Entry<String, Asset> asset : Map.copyOf(files).entrySet()) {
                html = html.replace("\"/assets/" + asset.getKey() + "\"",
                        "\"/assets/" + asset.getKey() + "?v=" + asset.getValue().version() + "\"");
            }
            files.put(page, Asset.of(html.getBytes(StandardCharsets.UTF_8)));
        }
        return new Assets(Map.copyOf(files));
    }

    /** Answers with the asset {@code name}, or 404. */
    void serve(Context ctx, String name) {
        Asset asset = files.get(name);
        if (asset == null || name.endsWith(".html")) {
            throw new NotFoundResponse("no such asset");
        }
        // Named by its hash, it never changes: a browser keeps it. Asked for without one: a few minutes.
        boolean versioned = asset.version().equals(ctx.queryParam("v"));
        ctx.header("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "max-age=300");
        send(ctx, name, asset);
    }

    /** Answers with the page {@code name}. */
    void page(Context ctx, String name) {
        send(ctx, name, files.get(name));
    }

    private static void send(Context ctx, String name, Asset asset) {
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        if (acceptsGzip(ctx)) {
            sendGzipped(ctx, asset.gzipped());
        } else {
            ctx.header("Vary", "Accept-Encoding").result(asset.plain());
        }
    }

    /** True when the request accepts a gzipped answer. */
    static boolean acceptsGzip(Context ctx) {
        String accepted = ctx.header("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }

    /**
     * Answers with {@code gzipped}, gzipped already: set before the body, the header keeps the server
     * from compressing it again.
     */
    static void sendGzipped(Context ctx, byte[] gzipped) {
        ctx.header("Vary", "Accept-Encoding").header("Content-Encoding", "gzip").result(gzipped);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] plain) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String echartsVersion() {
        Properties properties = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream("webjars.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the dashboard jar lacks webjars.properties; rebuild it", e);
        }
        return properties.getProperty("echarts.version");
    }

    private static byte[] resource(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard jar lacks " + path + "; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
