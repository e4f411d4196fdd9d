package io.layernas.bench;

import io.layernas.dashboard.Dashboard;
import io.layernas.store.RunStatus;
import io.layernas.store.SqliteTrialStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard with a large run (docs/performance.md): writes a run directory whose store holds
 * 100,000 trials (10 layers, 100 buckets, 2% failed), serves it, loads its run page in Debian's
 * Chromium and reports how long the page took until every trial was received and drawn, how long
 * the API took per page of trials, and what the server holds beyond the JVM's baseline: heap in
 * use after a full GC, and the process's resident memory, before the server started and after
 * the page had been polling for a while.
 *
 * <p>Args: [trials] [seconds of polling]. Prints Markdown.
 */
public final class DashboardReport {
    private DashboardReport() {
    }

    public static void main(String[] args) throws Exception {
        ReportArgs arguments = new ReportArgs(args);
        int trials = arguments.intAt(0, 100_000);
        int pollSeconds = arguments.intAt(1, 30);
        Path root = Files.createTempDirectory("layernas-dashboard-report");
        Path run = Files.createDirectories(root.resolve("large"));
        long writing = System.nanoTime();
        writeRun(run, trials);
        System.out.printf("| trials in the store | %,d (written in %.1f s) |%n", trials, (System.nanoTime() - writing) / 1e9);
        long[] baseline = memory();
        try (Dashboard dashboard = Dashboard.start(List.of(root), "127.0.0.1", 0)) {
            apiTimes(dashboard, trials);
            ChromeDriver browser = browser(Files.createTempDirectory("layernas-dashboard-profile"));
            try {
                for (int load = 1; load <= 3; load++) {
                    pageLoad(browser, dashboard, trials, load);
                }
                Thread.sleep(pollSeconds * 1000L);
                long[] steady = memory();
                System.out.printf("| server heap after GC, beyond the baseline (page polling %d s) | %.1f MB |%n",
                        pollSeconds, (steady[0] - baseline[0]) / 1e6);
                System.out.printf("| process resident memory, beyond the baseline | %.1f MB |%n",
                        (steady[1] - baseline[1]) / 1e6);
                System.out.printf("| baseline: heap after GC, resident | %.1f MB, %.1f MB |%n", baseline[0] / 1e6,
                        baseline[1] / 1e6);
            } finally {
                browser.quit();
            }
        }
    }

    private static void writeRun(Path run, int trials) throws Exception {
        Files.writeString(run.resolve("config.yaml"), "space: {name: synthetic-10x8}\nsearch: {strategy: layernas, "
                + "perBucket: 3}\nbudget: {evaluations: " + trials + "}\n");
        // Running, with this process's id: the page keeps polling every second, as it does beside a real search.
        RunStatus.startingNow(Map.of("target.low", "40", "target.high", "60", "costUnit", "MAdds")).write(run);
        Path file = run.resolve("trials.db");
        SqliteTrialStore.open(file, "report").close();
        SplittableRandom random = new SplittableRandom(1);
        // One transaction: appending 100,000 trials one durable commit at a time takes minutes.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial (idx, architecture, layer,"
                    + " bucket, cost, status, objective, training_seconds, failure, wall_seconds, attempts)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (int i = 0; i < trials; i++) {
                    int layer = (int) ((long) i * 10 / trials);
                    int bucket = random.nextInt(100);
                    boolean failed = random.nextInt(50) == 0;
                    insert.setInt(1, i);
                    insert.setString(2, String.format("%d-%d-%d-%d-%d-%d-%d-%d-%d-%d", layer, i % 8, i / 8 % 8,
                            i / 64 % 8, i / 512 % 8, i / 4096 % 8, i / 32768 % 8, bucket % 8, 0, 0));
                    insert.setInt(3, layer);
                    insert.setInt(4, bucket);
                    insert.setDouble(5, bucket + random.nextDouble());
                    insert.setString(6, failed ? "FAILED" : "SUCCEEDED");
                    insert.setObject(7, failed ? null : 0.5 + 0.3 * bucket / 100 + 0.1 * random.nextDouble());
                    insert.setObject(8, failed ? null : 60.0);
                    insert.setString(9, failed ? "RuntimeException: out of memory after epoch 3" : null);
                    insert.setDouble(10, 61.5);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static void apiTimes(Dashboard dashboard, int trials) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long bytes = 0;
        int pages = 0;
        for (int after = -1; after < trials - 1; after += Dashboard.PAGE_SIZE) {
            HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(URI.create(dashboard.url()
                    + "api/runs/large/trials?after=" + after)).build(), HttpResponse.BodyHandlers.ofByteArray());
            bytes += page.body().length;
            pages++;
        }
        System.out.printf("| all trials through the API (%d requests, %.1f MB of JSON) | %.2f s |%n", pages,
                bytes / 1e6, (System.nanoTime() - start) / 1e9);
        long one = System.nanoTime();
        client.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/runs/large/trials?after=" + (trials - 2)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("| one poll for what is new (after=N) | %.1f ms |%n", (System.nanoTime() - one) / 1e6);
        long summary = System.nanoTime();
        client.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/runs/large")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("| the run's summary (counts, best) | %.1f ms |%n", (System.nanoTime() - summary) / 1e6);
        long buckets = System.nanoTime();
        client.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/runs/large/buckets?k=3")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("| the bucket view (1,000 buckets, 3 best each) | %.1f ms |%n",
                (System.nanoTime() - buckets) / 1e6);
    }

    private static void pageLoad(ChromeDriver browser, Dashboard dashboard, int trials, int load) {
        browser.get(dashboard.url() + "runs/large");
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(20)).until(d -> browser.executeScript(
                "return window.layernasRun && window.layernasRun.firstLoadMs") != null);
        Object ms = browser.executeScript("return window.layernasRun.firstLoadMs");
        Object parts = browser.executeScript("return JSON.stringify(window.layernasRun.firstLoadParts, "
                + "(k, v) => typeof v === 'number' ? Math.round(v) : v)");
        Object received = browser.executeScript("return window.layernasRun.trialsReceived()");
        Object points = browser.executeScript("return window.layernasRun.scatterPointCount()");
        System.out.printf("| run page load %d: navigation to every trial received and drawn (%s trials, %s points; "
                + "ms: %s) | %.2f s |%n", load, received, points, parts, ((Number) ms).doubleValue() / 1000);
        if (((Number) received).intValue() != trials) {
            throw new IllegalStateException("the page received " + received + " trials, not " + trials);
        }
    }

    private static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1900");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().withSilent(true).build(), options);
    }

    /** Heap in use after full GCs, and resident memory, in bytes. */
    private static long[] memory() throws Exception {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new long[] {heap, resident()};
    }

    private static long resident() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
