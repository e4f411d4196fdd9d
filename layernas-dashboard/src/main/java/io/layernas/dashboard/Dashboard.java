package io.layernas.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import io.layernas.api.Trial;
import io.layernas.store.SqliteTrialReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's web server ({@code layernas serve}): pages for the runs, each run and each
 * comparison found under the served directories, and the JSON they read. Read-only: every route is
 * a GET, and run stores are opened read-only.
 *
 * <p>Start it with {@link #start}; {@link #close} stops it and closes the stores it opened.
 */
public final class Dashboard implements AutoCloseable {
    /** The most trials one request returns; a page asks again for the rest. */
    public static final int PAGE_SIZE = 20_000;
    /** The response header of a page of trials that holds the store's last trial index. */
    static final String LAST_INDEX = "X-Last-Index";

    private final Javalin app;
    private final RunCatalog catalog;
    private final String host;
    private final ExecutorService warmer;

    private Dashboard(Javalin app, RunCatalog catalog, String host, ExecutorService warmer) {
        this.app = app;
        this.catalog = catalog;
        this.host = host;
        this.warmer = warmer;
    }

    /**
     * Serves the runs under {@code roots} on {@code host}:{@code port} (port 0 picks a free one); trials
     * show their option indices, as no run's space is loaded.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static Dashboard start(List<Path> roots, String host, int port) {
        return start(roots, host, port, TrialDescriber.Factory.NONE);
    }

    /**
     * Serves the runs under {@code roots} on {@code host}:{@code port} (port 0 picks a free one); a
     * trial's detail describes its architecture with the describer {@code describers} builds for its run.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static Dashboard start(List<Path> roots, String host, int port, TrialDescriber.Factory describers) {
        RunCatalog catalog = new RunCatalog(roots);
        ExecutorService warmer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "layernas-dashboard-pages");
            thread.setDaemon(true);
            return thread;
        });
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // Level 1: most of the saving for a fraction of the CPU (pages of trials are megabytes).
            config.http.gzipOnlyCompression(1);
            config.router.ignoreTrailingSlashes = true;
        });
        new Routes(catalog, Assets.load(), new Describers(describers), new PageCache(), warmer,
                ConcurrentHashMap.newKeySet()).register(app, Hosts.isLoopback(host));
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            warmer.shutdownNow();
            catalog.close();
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + e.getMessage()
                    + ". Choose another port with --port, or stop what uses it.", e);
        }
        return new Dashboard(app, catalog, host, warmer);
    }

    /** Where it serves, e.g. {@code http://127.0.0.1:7070/}. */
    public URI url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + app.port() + "/");
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        warmer.shutdownNow();
        try {
            warmer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catalog.close();
    }

    /** The routes; each resolves a run by id in the catalog, never by path. */
    private record Routes(RunCatalog catalog, Assets assets, Describers describers, PageCache pages,
                          ExecutorService warmer, Set<Path> warmed) {
        void register(Javalin app, boolean loopbackOnly) {
            app.before(ctx -> {
                ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
                if (loopbackOnly && !Hosts.isLoopbackHostHeader(ctx.host())) {
                    // A page from another site that re-pointed its name at 127.0.0.1 (DNS rebinding).
                    throw new io.javalin.http.ForbiddenResponse("this dashboard answers to localhost only");
                }
            });
            app.get("/", ctx -> assets.page(ctx, "index.html"));
            app.get("/runs/{id}", ctx -> {
                run(ctx);
                assets.page(ctx, "run.html");
            });
            app.get("/comparisons/{id}", ctx -> {
                comparison(ctx);
                assets.page(ctx, "compare.html");
            });
            app.get("/assets/{name}", ctx -> assets.serve(ctx, ctx.pathParam("name")));
            app.get("/api/runs", ctx -> ctx.json(runs()));
            app.get("/api/runs/{id}", ctx -> {
                RunCatalog.Entry run = run(ctx);
                warm(run);
                ctx.json(new RunView(catalog, run).details());
            });
            app.get("/api/runs/{id}/trials", this::trials);
            app.get("/api/runs/{id}/trials/{index}", this::trial);
            app.get("/api/runs/{id}/buckets", ctx -> buckets(ctx));
            app.get("/api/comparisons/{id}", ctx -> ctx.json(new ComparisonView(comparison(ctx)).json()));
            app.exception(BadRequest.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
            app.exception(IllegalStateException.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                    e.getMessage()));
        }

        private Map<String, Object> runs() {
            List<Map<String, Object>> runs = new java.util.ArrayList<>();
            List<Map<String, Object>> comparisons = new java.util.ArrayList<>();
            for (RunCatalog.Entry entry : catalog.entries()) {
                if (entry.kind() == RunCatalog.Kind.RUN) {
                    runs.add(safeSummary(entry));
                } else {
                    comparisons.add(Map.of("id", entry.id(), "name", entry.name()));
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("roots", catalog.roots().stream().map(Path::toString).toList());
            json.put("runs", runs);
            json.put("comparisons", comparisons);
            return json;
        }

        /** One unreadable run must not hide the others. */
        private Map<String, Object> safeSummary(RunCatalog.Entry entry) {
            try {
                warm(entry);
                return new RunView(catalog, entry).summary();
            } catch (RuntimeException e) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", entry.id());
                json.put("name", entry.name());
                json.put("status", "unreadable");
                json.put("message", e.getMessage());
                return json;
            }
        }

        /** Has the full pages of a run's trials made in the background, once per run, for its page's first load. */
        private void warm(RunCatalog.Entry run) {
            if (warmed.add(run.directory())) {
                catalog.reader(run).ifPresent(store -> warmer.execute(() -> {
                    try {
                        pages.warm(run.directory(), store, PAGE_SIZE);
                    } catch (RuntimeException e) {
                        warmed.remove(run.directory()); // unreadable now: a request will say why
                    }
                }));
            }
        }

        private void trials(Context ctx) {
            int after = integer(ctx, "after", -1);
            int limit = Math.min(PAGE_SIZE, Math.max(1, integer(ctx, "limit", PAGE_SIZE)));
            RunCatalog.Entry run = run(ctx);
            SqliteTrialReader store = store(run);
            // The store's last index, so that a page can ask for the pages after this one at once.
            ctx.header(LAST_INDEX, Integer.toString(store.lastIndex())).contentType("application/json");
            if (!Assets.acceptsGzip(ctx)) {
                ctx.result(Trials.page(store.afterAsJson(after, limit), limit));
                return;
            }
            PageCache.Answer page = pages.page(run.directory(), store, after, limit);
            if (page.gzipped() != null) {
                Assets.sendGzipped(ctx, page.gzipped());
            } else {
                ctx.result(page.json()); // the end of the run, which grows: compressed as it goes out
            }
        }

        private void trial(Context ctx) {
            int index = integer(ctx.pathParam("index"), "the trial index in the path");
            RunCatalog.Entry run = run(ctx);
            Trial trial = store(run).trial(index).orElseThrow(
                    () -> new NotFoundResponse("no trial #" + index + " in this run"));
            Map<String, Object> json = Trials.details(trial);
            Describers.Description description = describers.describe(run.directory(), trial.architecture());
            json.put("description", description.text());
            json.put("descriptionUnavailable", description.reason());
            ctx.json(json);
        }

        private void buckets(Context ctx) {
            List<Map<String, Object>> buckets = new java.util.ArrayList<>();
            List<SqliteTrialReader.Bucket> tallied = new RunView(catalog, run(ctx)).buckets()
                    .orElseThrow(() -> new NotFoundResponse("this run has no trials.db"));
            for (SqliteTrialReader.Bucket bucket : tallied) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("layer", bucket.layer());
                json.put("bucket", bucket.bucket());
                json.put("trials", bucket.trials());
                json.put("succeeded", bucket.succeeded());
                json.put("minCost", Json.number(bucket.minCost()));
                json.put("maxCost", Json.number(bucket.maxCost()));
                json.put("best", bucket.best().stream().map(Trials::brief).toList());
                buckets.add(json);
            }
            ctx.json(Map.of("buckets", buckets));
        }

        private RunCatalog.Entry run(Context ctx) {
            return catalog.find(ctx.pathParam("id"), RunCatalog.Kind.RUN)
                    .orElseThrow(() -> new NotFoundResponse("no run with this id under the served directories"));
        }

        private RunCatalog.Entry comparison(Context ctx) {
            return catalog.find(ctx.pathParam("id"), RunCatalog.Kind.COMPARISON)
                    .orElseThrow(() -> new NotFoundResponse("no comparison with this id under the served directories"));
        }

        private SqliteTrialReader store(Context ctx) {
            return store(run(ctx));
        }

        private SqliteTrialReader store(RunCatalog.Entry run) {
            return catalog.reader(run).orElseThrow(() -> new NotFoundResponse("this run has no trials.db"));
        }

        private static int integer(Context ctx, String name, int missing) {
            String text = ctx.queryParam(name);
            return text == null ? missing : integer(text, "the query parameter '" + name + "'");
        }

        private static int integer(String text, String what) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new BadRequest(what + " must be an integer, e.g. 0; it was '" + text + "'");
            }
        }

        private static void error(Context ctx, HttpStatus status, String message) {
            ctx.status(status).json(Map.of("error", String.valueOf(message)));
        }
    }

    /** A request the server cannot answer as asked. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
