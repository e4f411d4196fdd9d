package io.layernas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.layernas.api.Architecture;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.store.RunStatus;
import io.layernas.store.SqliteTrialReader;
import io.layernas.store.SqliteTrialStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's JSON, status and safety, without a browser: one real search served for every test. */
class DashboardTest {
    private static final String SECRET = "OUTSIDE-SECRET-42";

    @TempDir
    static Path root;
    static Path served;
    static Path run;
    static Dashboard dashboard;
    static String dbChecksumBefore;

    @BeforeAll
    static void serveARealSearch() throws Exception {
        served = root.resolve("served");
        run = served.resolve("finished");
        RunFixtures.search(run, 120, 0);
        dbChecksumBefore = checksum(run.resolve("trials.db"));
        Path outside = root.resolve("outside");
        RunFixtures.writeConfig(outside, 1);
        try (SqliteTrialStore store = SqliteTrialStore.open(outside.resolve("trials.db"), "secret")) {
            store.append(new Trial(0, Architecture.of(0), 0, 0, 1, TrialStatus.FAILED, null, SECRET, 0, 1));
        }
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        dashboard = Dashboard.start(List.of(served), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    private static JsonNode json(String path) throws Exception {
        return json(dashboard, path);
    }

    private static JsonNode json(Dashboard server, String path) throws Exception {
        RawHttp.Response response = RawHttp.get(server.port(), path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return Json.MAPPER.readTree(response.text().substring(response.text().indexOf("\r\n\r\n") + 4));
    }

    @Test
    void runsPageDataMatchesTheStore() throws Exception {
        JsonNode listed = json("/api/runs").get("runs").get(0);
        try (SqliteTrialReader reader = SqliteTrialReader.open(run.resolve("trials.db"))) {
            assertThat(listed.get("id").asText()).isEqualTo("finished");
            assertThat(listed.get("status").asText()).isEqualTo("finished");
            assertThat(listed.get("done").asInt()).isEqualTo(reader.count()).isEqualTo(120);
            assertThat(listed.get("failed").asInt()).isEqualTo(reader.count() - reader.succeeded()).isPositive();
            assertThat(listed.get("budget").asInt()).isEqualTo(120);
            assertThat(listed.get("space").asText()).isEqualTo("random-31");
            Trial best = reader.best(RunFixtures.TARGET.low(), RunFixtures.TARGET.high()).orElseThrow();
            assertThat(listed.get("best").get("index").asInt()).isEqualTo(best.index());
            assertThat(listed.get("best").get("cost").asDouble()).isBetween(RunFixtures.TARGET.low(),
                    RunFixtures.TARGET.high());
        }
    }

    @Test
    void aTrialsDetailHasItsLogAndSaysInOneLineWhyItsLayersAreNotDescribed() throws Exception {
        Trial best;
        try (SqliteTrialReader reader = SqliteTrialReader.open(run.resolve("trials.db"))) {
            best = reader.trial(reader.best(RunFixtures.TARGET.low(), RunFixtures.TARGET.high()).orElseThrow().index())
                    .orElseThrow();
        }
        JsonNode detail = json("/api/runs/finished/trials/" + best.index());
        assertThat(detail.get("log").asText()).isEqualTo(RunFixtures.log(best.index())).isEqualTo(best.metrics().log());
        assertThat(detail.get("description").isNull()).isTrue();
        assertThat(detail.get("descriptionUnavailable").asText()).isEqualTo("this dashboard was started without plugins");

        TrialDescriber.Factory unknownSpace = directory -> {
            throw new IllegalStateException("space.name ('<b>x</b>') is unknown\navailable: a, b");
        };
        TrialDescriber.Factory badArchitecture = directory -> architecture -> {
            throw new IllegalArgumentException("architecture " + architecture + " has 9 layers but the space has 3");
        };
        try (Dashboard unknown = Dashboard.start(List.of(served), "127.0.0.1", 0, unknownSpace);
             Dashboard bad = Dashboard.start(List.of(served), "127.0.0.1", 0, badArchitecture);
             Dashboard described = Dashboard.start(List.of(served), "127.0.0.1", 0, RunFixtures.DESCRIBERS)) {
            JsonNode unknownDetail = json(unknown, "/api/runs/finished/trials/" + best.index());
            assertThat(unknownDetail.get("descriptionUnavailable").asText()).isEqualTo("space.name ('<b>x</b>') is unknown");
            assertThat(unknownDetail.get("choices")).hasSize(best.architecture().size());
            assertThat(json(bad, "/api/runs/finished/trials/0").get("descriptionUnavailable").asText())
                    .endsWith("has 9 layers but the space has 3");
            JsonNode describedDetail = json(described, "/api/runs/finished/trials/" + best.index());
            assertThat(describedDetail.get("description").asText())
                    .isEqualTo(RunFixtures.DESCRIBERS.forRun(run).describe(best.architecture()));
            assertThat(describedDetail.get("descriptionUnavailable").isNull()).isTrue();
        }
    }

    @Test
    void trialsAfterNSendsOnlyTheNewOnes() throws Exception {
        JsonNode page = json("/api/runs/finished/trials?after=99");
        assertThat(page.get("trials")).hasSize(20);
        assertThat(page.get("count").asInt()).isEqualTo(20);
        assertThat(page.get("trials").get(0).get(0).asInt()).isEqualTo(100);
        assertThat(page.get("last").asInt()).isEqualTo(119);
        assertThat(json("/api/runs/finished/trials?after=119").get("trials")).isEmpty();
        assertThat(json("/api/runs/finished/trials?after=119").get("last").asInt()).isEqualTo(119);
        assertThat(json("/api/runs/finished/trials?after=-1&limit=7").get("trials")).hasSize(7);
        JsonNode failed = json("/api/runs/finished/trials?after=-1").get("trials");
        boolean hostileKept = false;
        for (JsonNode row : failed) {
            hostileKept |= row.get(10).asText().contains(RunFixtures.HOSTILE);
        }
        assertThat(hostileKept).as("the failure reason arrives unchanged, for the page to show as text").isTrue();
    }

    @Test
    void badParametersGetAClearError() {
        RawHttp.Response response = RawHttp.get(dashboard.port(), "/api/runs/finished/trials?after=ten");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).contains("'after' must be an integer");
        assertThat(RawHttp.get(dashboard.port(), "/api/runs/finished/trials/99999").status()).isEqualTo(404);
    }

    @Test
    void noRequestReachesAFileOutsideTheServedDirectories() {
        String absolute = URLEncoder.encode(root.resolve("outside").toString(), StandardCharsets.UTF_8);
        List<String> paths = List.of("/api/runs/../outside/trials", "/api/runs/..%2Foutside/trials",
                "/api/runs/%2e%2e%2foutside/trials", "/api/runs/%2E%2E%2Foutside", "/api/runs/..~outside/trials",
                "/api/runs/%2e%2e~outside/trials", "/api/runs/%252e%252e%252foutside/trials",
                "/api/runs/..%5Coutside/trials", "/api/runs/%c0%ae%c0%ae%c0%afoutside/trials",
                "/api/runs/" + absolute + "/trials", "/api/runs/" + absolute.replace("%2F", "~") + "/trials",
                "/api/runs/finished/../../outside/trials", "/api/runs/finished%2F..%2F..%2Foutside/trials",
                "/api/comparisons/..%2Foutside", "/runs/..%2Foutside", "/assets/..%2F..%2Foutside%2Fsecret.txt",
                "/assets/%2e%2e/%2e%2e/outside/secret.txt", "/../outside/secret.txt", "/%2e%2e/outside/secret.txt",
                "/assets/../../../outside/secret.txt", "/outside/secret.txt", "/api/runs/finished/trials?after=-1/../..",
                "/assets/" + URLEncoder.encode(root.resolve("outside/secret.txt").toString(), StandardCharsets.UTF_8));
        for (String path : paths) {
            RawHttp.Response response = RawHttp.get(dashboard.port(), path);
            assertThat(response.text()).as(path).doesNotContain(SECRET);
            if (!path.contains("?")) {
                assertThat(response.status()).as(path).isIn(400, 403, 404);
            }
        }
    }

    @Test
    void nothingChangesARun() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/runs", "/api/runs/finished", "/api/runs/finished/trials",
                    "/api/runs/finished/trials/0", "/runs/finished")) {
                assertThat(RawHttp.send(dashboard.port(), method, path, "127.0.0.1").status()).as(method + " " + path)
                        .isGreaterThanOrEqualTo(400);
            }
        }
        json("/api/runs/finished/buckets?k=2");
        json("/api/runs/finished");
        assertThat(checksum(run.resolve("trials.db"))).isEqualTo(dbChecksumBefore);
    }

    @Test
    void answersOnlyToLoopbackNamesAgainstDnsRebinding() {
        assertThat(RawHttp.send(dashboard.port(), "GET", "/api/runs", "attacker.example:80").status()).isEqualTo(403);
        assertThat(RawHttp.send(dashboard.port(), "GET", "/api/runs", "localhost:1").status()).isEqualTo(200);
    }

    @Test
    void aRunWhoseProcessIsGoneIsStoppedAndAFailedOneFailed() throws Exception {
        Path stopped = served.resolve("group").resolve("killed");
        RunFixtures.writeConfig(stopped, 10);
        SqliteTrialStore.open(stopped.resolve("trials.db"), "x").close();
        RunStatus alive = RunStatus.startingNow(Map.of());
        new RunStatus(RunStatus.State.RUNNING, Long.MAX_VALUE - 1, alive.host(), alive.started(), null, Map.of())
                .write(stopped);
        Path failed = served.resolve("failed");
        RunFixtures.writeConfig(failed, 10);
        SqliteTrialStore.open(failed.resolve("trials.db"), "x").close();
        alive.ended(RunStatus.State.FAILED, Map.of("message", "evaluator crashed")).write(failed);
        assertThat(json("/api/runs/group~killed").get("status").asText()).isEqualTo("stopped");
        JsonNode failedRun = json("/api/runs/failed");
        assertThat(failedRun.get("status").asText()).isEqualTo("failed");
        assertThat(failedRun.get("message").asText()).isEqualTo("evaluator crashed");
    }

    @Test
    void servesTheChartLibraryFromTheJar() {
        RawHttp.Response response = RawHttp.get(dashboard.port(), "/assets/echarts.min.js");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("text/javascript").contains("echarts");
        assertThat(RawHttp.get(dashboard.port(), "/runs/finished").text()).contains("/assets/echarts.min.js")
                .doesNotContain("http://").doesNotContain("https://");
    }

    private static String checksum(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
