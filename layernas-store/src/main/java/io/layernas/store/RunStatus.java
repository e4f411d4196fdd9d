package io.layernas.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The state of a run, as the run itself writes it to {@code status.properties} in its directory: a
 * Java properties file, so that readers (the dashboard) tell a running search from one that ended,
 * failed or was stopped. A run writes {@code state=running} with its process id when it starts and
 * {@code finished} or {@code failed} when it ends; a run killed before it could write that keeps
 * {@code running} with a process that no longer exists, which {@link #effectiveState()} reports as
 * {@code stopped}.
 *
 * @param state   what the run last wrote
 * @param pid     the process that runs it
 * @param host    the host it runs on
 * @param started when this process started it
 * @param ended   when it ended, or null
 * @param facts   what the run knows and the directory's files may not say yet, e.g. {@code target.low},
 *                {@code target.high}, {@code costUnit}, {@code baseline}, {@code message}
 */
public record RunStatus(State state, long pid, String host, Instant started, Instant ended, Map<String, String> facts) {
    /** The name of the file in a run directory. */
    public static final String FILE = "status.properties";

    /** What a run says about itself, and {@link #STOPPED}, which only a reader can tell. */
    public enum State { RUNNING, FINISHED, FAILED, STOPPED }

    public RunStatus {
        java.util.Objects.requireNonNull(state, "state");
        java.util.Objects.requireNonNull(host, "host");
        java.util.Objects.requireNonNull(started, "started");
        facts = Map.copyOf(facts);
    }

    /** The status of a run this process starts now. */
    public static RunStatus startingNow(Map<String, String> facts) {
        return new RunStatus(State.RUNNING, ProcessHandle.current().pid(), hostName(), Instant.now(), null, facts);
    }

    /** This status once the run ended in {@code state}, with {@code extra} facts added. */
    public RunStatus ended(State state, Map<String, String> extra) {
        Map<String, String> all = new TreeMap<>(facts);
        all.putAll(extra);
        return new RunStatus(state, pid, host, started, Instant.now(), all);
    }

    /**
     * The state a reader should show: {@code stopped} when the run says it is running but its
     * process is gone (killed, crashed, interrupted). A run on another host is taken at its word.
     */
    public State effectiveState() {
        if (state == State.RUNNING && host.equals(hostName()) && ProcessHandle.of(pid).map(p -> !p.isAlive())
                .orElse(true)) {
            return State.STOPPED;
        }
        return state;
    }

    /** Writes it to {@code directory}, atomically (a reader never sees half a file). */
    public void write(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("state", state.name().toLowerCase(java.util.Locale.ROOT));
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("host", host);
        properties.setProperty("started", started.toString());
        if (ended != null) {
            properties.setProperty("ended", ended.toString());
        }
        facts.forEach(properties::setProperty);
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "The state of this run, written by the run (layernas-store RunStatus)");
            Path temporary = directory.resolve(FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(text.toString());
            }
            Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(FILE), e);
        }
    }

    /** The status in {@code directory}, if the run wrote one that can be read. */
    public static Optional<RunStatus> read(Path directory) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(in);
            Map<String, String> facts = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> facts.put(key, properties.getProperty(key)));
            State state = State.valueOf(facts.remove("state").toUpperCase(java.util.Locale.ROOT));
            long pid = Long.parseLong(facts.remove("pid"));
            String host = facts.remove("host");
            Instant started = Instant.parse(facts.remove("started"));
            String ended = facts.remove("ended");
            return Optional.of(new RunStatus(state, pid, host, started, ended == null ? null : Instant.parse(ended),
                    facts));
        } catch (IOException | RuntimeException e) {
            // Missing (a run from before this file existed) or cut short: the reader falls back on other files.
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
