package io.layernas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.store.SqliteTrialReader;
import io.layernas.store.SqliteTrialStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full pages of trials are kept gzipped, and given up when a resumed run stored other trials in their place. */
class PageCacheTest {
    @TempDir
    Path root;

    private static Trial trial(int index, double wallSeconds) {
        return new Trial(index, Architecture.of(index), 0, index % 3, 10 + index, TrialStatus.SUCCEEDED,
                Metrics.of(0.5 + index / 100.0), null, wallSeconds, 1);
    }

    @Test
    void aFullPageIsSentGzippedFromMemoryUntilItsLastTrialIsReplaced() throws Exception {
        Path run = root.resolve("runs/growing");
        RunFixtures.writeConfig(run, 10);
        try (SqliteTrialStore store = SqliteTrialStore.open(run.resolve("trials.db"), "cache");
             Dashboard dashboard = Dashboard.start(List.of(root.resolve("runs")), "127.0.0.1", 0)) {
            for (int i = 0; i < 8; i++) {
                store.append(trial(i, 1.0));
            }
            String full = dashboard.url() + "api/runs/growing/trials?after=-1&limit=5";
            HttpResponse<byte[]> first = get(full, true);
            assertThat(first.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(first.headers().firstValue("X-Last-Index")).contains("7");
            String json = gunzip(first.body());
            assertThat(get(full, true).body()).isEqualTo(first.body());
            assertThat(new String(get(full, false).body(), StandardCharsets.UTF_8)).isEqualTo(json);
            JsonNode page = Json.MAPPER.readTree(json);
            assertThat(page.get("count").asInt()).isEqualTo(5);
            assertThat(page.get("last").asInt()).isEqualTo(4);
            assertThat(page.get("trials").get(4).get(7).asDouble()).isEqualTo(1.0);

            // A resumed run removed the trials from #3 on and evaluated them again.
            store.truncate(3);
            for (int i = 3; i < 9; i++) {
                store.append(trial(i, 2.0));
            }
            HttpResponse<byte[]> after = get(full, true);
            assertThat(after.headers().firstValue("X-Last-Index")).contains("8");
            JsonNode fresh = Json.MAPPER.readTree(gunzip(after.body()));
            assertThat(fresh.get("trials").get(3).get(7).asDouble()).isEqualTo(2.0);
            assertThat(fresh.get("trials").get(4).get(7).asDouble()).isEqualTo(2.0);
            JsonNode tail = Json.MAPPER.readTree(get(dashboard.url() + "api/runs/growing/trials?after=4&limit=5", false)
                    .body());
            assertThat(tail.get("count").asInt()).isEqualTo(4);
        }
    }

    @Test
    void warmingMakesTheFullPagesOfARunBeforeTheyAreAskedFor() {
        Path run = root.resolve("runs/warm");
        try (SqliteTrialStore store = SqliteTrialStore.open(run.resolve("trials.db"), "warm")) {
            for (int i = 0; i < 12; i++) {
                store.append(trial(i, 1.0));
            }
        }
        try (SqliteTrialReader reader = SqliteTrialReader.open(run.resolve("trials.db"))) {
            PageCache cache = new PageCache();
            cache.warm(run, reader, 5);
            assertThat(cache.find(run, -1, 5, reader::signature)).isNotNull();
            assertThat(cache.find(run, 4, 5, reader::signature)).isNotNull();
            assertThat(cache.find(run, 9, 5, reader::signature)).as("two trials: not a full page").isNull();
            long held = cache.bytes();
            assertThat(held).isPositive();
            cache.warm(run, reader, 5);
            assertThat(cache.bytes()).as("warmed twice, kept once").isEqualTo(held);
        }
    }

    private static HttpResponse<byte[]> get(String url, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String gunzip(byte[] gzipped) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
