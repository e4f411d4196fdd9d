package io.layernas.dashboard;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The pages, scripts and styles, served from the jar by name from a fixed list (a name not in it is
 * not found: no request reads any other resource). ECharts comes from its WebJar, so the pages work
 * offline. Each file is read once and kept (about 1.1 MB, most of it ECharts).
 */
final class Assets {
    private static final String BASE = "/io/layernas/dashboard/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    private static final java.util.List<String> OWN = java.util.List.of("index.html", "run.html", "compare.html",
            "common.js", "runs.js", "run.js", "compare.js", "style.css");

    private final Map<String, byte[]> files;

    private Assets(Map<String, byte[]> files) {
        this.files = files;
    }

    static Assets load() {
        Map<String, byte[]> files = new java.util.HashMap<>();
        OWN.forEach(name -> files.put(name, resource(BASE + name)));
        files.put("echarts.min.js", resource("/META-INF/resources/webjars/echarts/" + echartsVersion()
                + "/dist/echarts.min.js"));
        return new Assets(Map.copyOf(files));
    }

    /** Answers with the asset {@code name}, or 404. */
    void serve(Context ctx, String name) {
        byte[] content = files.get(name);
        if (content == null || name.endsWith(".html")) {
            throw new NotFoundResponse("no such asset");
        }
        // Scripts and styles change only with the jar: a browser may keep them for a few minutes.
        ctx.header("Cache-Control", "max-age=300");
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(content);
    }

    /** Answers with the page {@code name}. */
    void page(Context ctx, String name) {
        ctx.contentType(TYPES.get("html")).result(files.get(name));
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
