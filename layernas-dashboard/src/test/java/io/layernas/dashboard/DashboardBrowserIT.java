package io.layernas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.SearchResult;
import io.layernas.store.SqliteTrialReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's Chromium through Selenium) while a real search runs:
 * LayerNAS on a small layerwise space, each trial sleeping a little, stored in SQLite in a run
 * directory that the dashboard serves. The tests run in order: the first one watches the search.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static final int TRIALS = 160;
    private static final String HOSTILE_RUN = "<img src=x onerror=window.__xss=3>run";

    @TempDir
    static Path root;
    static Path runs;
    static Dashboard dashboard;
    static ChromeDriver browser;
    static CompletableFuture<SearchResult> search;

    @BeforeAll
    static void start() {
        runs = root.resolve("runs");
        RunFixtures.comparison(runs.resolve("layernas-vs-random-compare"));
        RunFixtures.search(runs.resolve(HOSTILE_RUN), 20, 0);
        browser = Browser.start(root.resolve("profile"));
        dashboard = Dashboard.start(List.of(runs), "127.0.0.1", 0, RunFixtures.DESCRIBERS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (search != null) {
            search.get(2, TimeUnit.MINUTES);
        }
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }

    /** The element's text, read in one step: the page replaces its header elements on every update. */
    private static String text(String id) {
        Object text = script("const e = document.getElementById('" + id + "'); return e ? e.textContent : null;");
        return text == null ? "" : text.toString();
    }

    private static Object script(String code) {
        return browser.executeScript(code);
    }

    @Test
    @Order(1)
    void runPageGrowsWhileTheSearchRuns() throws Exception {
        Path live = runs.resolve("live");
        search = CompletableFuture.supplyAsync(() -> RunFixtures.search(live, TRIALS, 40));
        waitUpTo(20).until(d -> live.resolve("trials.db").toFile().isFile());
        browser.get(dashboard.url() + "runs/live");
        List<Integer> counts = new ArrayList<>();
        List<String> bests = new ArrayList<>();
        while (!search.isDone()) {
            waitUpTo(10).until(d -> !text("trial-count").isEmpty());
            counts.add(Integer.parseInt(text("trial-count")));
            bests.add(text("best-objective"));
            Thread.sleep(400);
        }
        assertThat(text("status")).isIn("running", "finished");
        waitUpTo(15).until(d -> text("status").equals("finished"));
        waitUpTo(10).until(d -> text("trial-count").equals(Integer.toString(TRIALS)));
        Browser.screenshot(browser, "run");

        assertThat(counts).as("trial counts seen while the search ran").isSorted();
        assertThat(counts.stream().distinct().count()).as("distinct trial counts seen: %s", counts).isGreaterThan(3);
        assertThat(counts.get(0)).isLessThan(TRIALS / 2);
        List<Double> values = bests.stream().filter(b -> b.matches("[0-9.]+")).map(Double::valueOf).toList();
        assertThat(values).as("best values seen while the search ran: %s", bests).isSorted();
        assertThat(values.stream().distinct().count()).as("the best value grew: %s", bests).isGreaterThan(1);
    }

    @Test
    @Order(2)
    void scatterHasAPointPerSucceededTrialAndTheHeaderMatchesTheStore() {
        browser.get(dashboard.url() + "runs/live");
        try (SqliteTrialReader reader = SqliteTrialReader.open(runs.resolve("live/trials.db"))) {
            waitUpTo(15).until(d -> ((Number) script("return window.layernasRun.trialsReceived()")).intValue()
                    == reader.count());
            waitUpTo(10).until(d -> ((Number) script("return window.layernasRun.scatterPointCount()")).intValue()
                    == reader.succeeded());
            assertThat(reader.count() - reader.succeeded()).as("the search had failed trials").isPositive();
            List<double[]> front = front(reader.after(-1, Integer.MAX_VALUE));
            List<?> drawn = (List<?>) script("return window.layernasRun.frontPoints()");
            assertThat(drawn).as("the front line's points").hasSameSizeAs(front).hasSizeGreaterThan(1);
            for (int i = 0; i < front.size(); i++) {
                List<?> point = (List<?>) drawn.get(i);
                assertThat(((Number) point.get(0)).doubleValue()).isCloseTo(front.get(i)[0], within(1e-9));
                assertThat(((Number) point.get(1)).doubleValue()).isCloseTo(front.get(i)[1], within(1e-9));
            }
            assertThat(text("trial-count")).isEqualTo(Integer.toString(reader.count()));
            assertThat(text("failed-count")).isEqualTo(Integer.toString(reader.count() - reader.succeeded()));
            double best = reader.best(RunFixtures.TARGET.low(), RunFixtures.TARGET.high()).orElseThrow().objective();
            assertThat(text("best-objective")).isEqualTo(String.format(java.util.Locale.ROOT, "%.4f", best));
        }
    }

    /** The front by brute force: each succeeded trial that beats every trial costing no more, cheapest first. */
    private static List<double[]> front(List<io.layernas.api.Trial> trials) {
        List<double[]> front = new ArrayList<>();
        trials.stream().filter(io.layernas.api.Trial::succeeded).map(t -> new double[] {t.cost(), t.objective()})
                .sorted(java.util.Comparator.<double[]>comparingDouble(p -> p[0])
                        .thenComparing(p -> -p[1]))
                .forEach(p -> {
                    if (front.isEmpty() || p[1] > front.get(front.size() - 1)[1]) {
                        front.add(p);
                    }
                });
        return front;
    }

    @Test
    @Order(3)
    void aFailedTrialShowsItsReasonAsText() {
        browser.get(dashboard.url() + "runs/live");
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector("#trials-table tbody tr")).isEmpty());
        new Select(browser.findElement(By.id("status-filter"))).selectByValue("failed");
        WebElement row = waitUpTo(5).until(d -> d.findElement(By.cssSelector("#trials-table tbody tr.failed")));
        assertThat(row.getText()).contains("<script>");
        row.click();
        WebElement reason = waitUpTo(5).until(d -> d.findElement(By.id("failure-reason")));
        assertThat(reason.getText()).contains(RunFixtures.HOSTILE);
        script("document.getElementById('detail').scrollIntoView()");
        Browser.screenshot(browser, "failed-trial");
        assertThat(script("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("img[src=x], #trials-table script, #detail script"))).isEmpty();
    }

    @Test
    @Order(4)
    void aSucceededTrialShowsItsLayersAndItsLogAsText() {
        browser.get(dashboard.url() + "runs/live");
        waitUpTo(15).until(d -> !d.findElements(By.cssSelector("#trials-table tbody tr")).isEmpty());
        new Select(browser.findElement(By.id("status-filter"))).selectByValue("succeeded");
        WebElement row = waitUpTo(5).until(d -> d.findElement(By.cssSelector("#trials-table tbody tr:not(.failed)")));
        int index = Integer.parseInt(row.getAttribute("data-index"));
        row.click();
        WebElement layers = waitUpTo(5).until(d -> d.findElement(By.id("trial-description")));
        try (SqliteTrialReader reader = SqliteTrialReader.open(runs.resolve("live/trials.db"))) {
            io.layernas.api.Trial trial = reader.trial(index).orElseThrow();
            String expected = RunFixtures.DESCRIBERS.forRun(runs.resolve("live")).describe(trial.architecture());
            assertThat(expected.lines()).hasSize(RunFixtures.PROBLEM.space().layerCount() + 1);
            assertThat(layers.getText().lines().map(String::strip)).containsExactlyElementsOf(
                    expected.lines().map(String::strip).toList());
            assertThat(browser.findElement(By.id("trial-log")).getText()).isEqualTo(RunFixtures.log(index))
                    .isEqualTo(trial.metrics().log());
        }
        assertThat(((Number) script("return document.getElementById('trial-log').children.length")).intValue())
                .as("markup in the log stays text").isZero();
        assertThat(browser.findElements(By.cssSelector("#detail i"))).isEmpty();
        script("document.getElementById('detail').scrollIntoView()");
        Browser.screenshot(browser, "trial");
    }

    @Test
    @Order(5)
    void bucketViewShowsTheBucketsTheStoreHolds() {
        browser.get(dashboard.url() + "runs/live");
        try (SqliteTrialReader reader = SqliteTrialReader.open(runs.resolve("live/trials.db"))) {
            List<SqliteTrialReader.Bucket> buckets = reader.buckets(RunFixtures.PER_BUCKET);
            waitUpTo(15).until(d -> d.findElements(By.cssSelector("#buckets .strip div[data-bucket]")).size()
                    == buckets.size());
            for (SqliteTrialReader.Bucket bucket : buckets) {
                WebElement segment = browser.findElement(By.cssSelector("#buckets .strip div[data-layer='"
                        + bucket.layer() + "'][data-bucket='" + bucket.bucket() + "']"));
                assertThat(segment.getAttribute("data-best")).isEqualTo(String.join(" ",
                        bucket.best().stream().map(t -> Integer.toString(t.index())).toList()));
            }
            assertThat(buckets.stream().mapToInt(SqliteTrialReader.Bucket::layer).distinct().count()).isGreaterThan(1);
            browser.findElement(By.cssSelector("#buckets details summary")).click();
            int firstLayer = buckets.get(0).layer();
            long inFirstLayer = buckets.stream().filter(b -> b.layer() == firstLayer).count();
            waitUpTo(5).until(d -> d.findElements(By.cssSelector("#buckets tr[data-layer='" + firstLayer + "']")).size()
                    == inFirstLayer);
        }
        script("document.getElementById('buckets').scrollIntoView()");
        Browser.screenshot(browser, "buckets");
    }

    @Test
    @Order(6)
    void runsPageListsEveryRunWithItsNameAsText() {
        browser.get(dashboard.url().toString());
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("a.run-link")).size() == 2);
        // Read in one step each: the page rebuilds its tables every 3 s.
        assertThat(script("return [...document.querySelectorAll('a.run-link')].map(a => a.textContent)"))
                .asList().containsExactlyInAnyOrder("live", HOSTILE_RUN);
        assertThat(script("return document.querySelector('tr[data-run=live]').textContent").toString())
                .contains("finished").contains(TRIALS + " of " + TRIALS);
        assertThat(script("return window.__xss === undefined")).isEqualTo(true);
        Browser.screenshot(browser, "runs");
        script("[...document.querySelectorAll('a.run-link')].find(a => a.textContent !== 'live').click()");
        waitUpTo(10).until(d -> text("run-name").equals(HOSTILE_RUN));
        waitUpTo(10).until(d -> text("trial-count").equals("20"));
    }

    @Test
    @Order(7)
    void comparePageShowsTheSummaryAndTheCurves() {
        browser.get(dashboard.url().toString());
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("a.comparison-link"))).click();
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("tr.summary-row")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("tr.summary-row"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).startsWith("layernas")).anySatisfy(t -> assertThat(t).startsWith("random"));
        assertThat(browser.findElements(By.cssSelector(".chart[data-metric=valid] canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#runs tbody tr"))).hasSize(8);
        Browser.screenshot(browser, "compare");
    }
}
