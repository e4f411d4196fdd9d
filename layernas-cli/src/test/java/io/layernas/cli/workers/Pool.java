package io.layernas.cli.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layernas.cli.Main;
import io.layernas.cli.TestCli;
import io.layernas.store.postgres.PostgresDatabase;
import io.layernas.store.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Fixtures of the worker pool tests: experiments, worker and controller processes (started with
 * this JVM's class path, as {@code layernas} would), and the trials of a run read back as text
 * ("index choices objective") so that runs can be compared.
 */
final class Pool implements AutoCloseable {
    private static final Map<String, Connection> CONNECTIONS = new java.util.HashMap<>();
    private final Path directory;
    private final String url;
    private final List<Process> processes = new ArrayList<>();

    Pool(Path directory, String url) {
        this.directory = directory;
        this.url = url;
    }

    /** An experiment file: LayerNAS on nats-sss with {@code test-slow}, 24 trials. */
    Path experiment(String name, long seed, long millis, String executor, String store) {
        String yaml = """
                space: {name: nats-sss}
                cost: {name: nats-flops}
                target: {low: 100, high: 110}
                evaluator: {name: test-slow, millis: %d, log: "%s"}
                search: {strategy: layernas, bucketCount: 20, perBucket: 2}
                budget: {evaluations: 24}
                run: {seed: %d%s}
                %s
                """.formatted(millis, log(), seed, store == null ? "" : ", store: \"" + store + "\", id: \""
                + TestPostgres.runId(name) + "\"", executor == null ? "" : "executor: " + executor);
        return TestCli.yaml(directory, name + ".yaml", yaml);
    }

    /** The file every evaluation appends "pid architecture" to. */
    Path log() {
        return directory.resolve("evaluations.log");
    }

    /** Starts a worker process with a 2 s lease; {@code options} name its runs. */
    Process worker(String name, Map<String, String> environment, String... options) {
        return worker(name, environment, 2, options);
    }

    /** Starts a worker process with a lease of {@code leaseSeconds}. */
    Process worker(String name, Map<String, String> environment, int leaseSeconds, String... options) {
        List<String> command = new ArrayList<>(List.of("worker", "--store", url, "--lease-seconds",
                Integer.toString(leaseSeconds), "--poll-seconds", "0.1", "--exit-when-idle", "120"));
        command.addAll(List.of(options));
        return start(name, environment, command);
    }

    /** Starts {@code layernas ARGS} as a process; output to {@code name.log}. */
    Process start(String name, Map<String, String> environment, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile());
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Process process = builder.start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What process {@code name} printed. */
    String output(String name) {
        try {
            return Files.readString(directory.resolve(name + ".log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** The trials of the run in {@code runDirectory} (from its trials.jsonl) as "index choices objective". */
    static List<String> trials(Path runDirectory) {
        ObjectMapper json = new ObjectMapper();
        List<String> trials = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(runDirectory.resolve("trials.jsonl"))) {
                JsonNode trial = json.readTree(line);
                StringJoiner choices = new StringJoiner("-");
                trial.get("choices").forEach(c -> choices.add(c.asText()));
                trials.add(trial.get("index").asInt() + " " + choices + " " + trial.get("objective").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return trials;
    }

    /** The trials the database holds for {@code runId}, in the same form. */
    static List<String> storedTrials(PostgresDatabase database, String runId) {
        return query(database, "SELECT idx || ' ' || architecture || ' ' || coalesce(objective::text, 'null')"
                + " FROM layernas_trial WHERE run_id = ? ORDER BY idx", runId);
    }

    /** The single-column rows of {@code sql} with {@code parameters}, on a connection kept for the next query. */
    static synchronized List<String> query(PostgresDatabase database, String sql, Object... parameters) {
        try {
            return queryOnce(database, sql, parameters);
        } catch (IllegalStateException e) {
            return queryOnce(database, sql, parameters); // the kept connection was ended (a test took the database away)
        }
    }

    private static List<String> queryOnce(PostgresDatabase database, String sql, Object... parameters) {
        List<String> rows = new ArrayList<>();
        Connection connection = CONNECTIONS.computeIfAbsent(database.url(), url -> database.connect());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
        } catch (SQLException e) {
            CONNECTIONS.remove(database.url());
            throw new IllegalStateException(e.getMessage(), e);
        }
        return rows;
    }

    /** The run id an experiment file names. */
    static String runId(Path experiment) {
        try {
            String text = Files.readString(experiment);
            int start = text.indexOf("id: \"") + 5;
            return text.substring(start, text.indexOf('"', start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGINT, as Ctrl-C does. */
    static void interrupt(Process process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** Stops every process still running (SIGTERM, then SIGKILL). */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
