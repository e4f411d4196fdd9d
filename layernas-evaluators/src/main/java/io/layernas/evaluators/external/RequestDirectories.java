package io.layernas.evaluators.external;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-request directories of the command evaluator, under the scratch directory and named
 * {@code layernas-PID-trial-N-RANDOM} after the JVM that made them. A directory is deleted when
 * its evaluation ends; one left behind by a JVM that was killed ({@code kill -9}) is deleted by
 * the next evaluator created on the same scratch directory, since no live process has its PID
 * (a live process with that PID keeps it: never delete what may be in use). Before that, the
 * command that JVM left running is killed with its session: the directory records the session
 * leader's pid and start time ({@link #SESSION_FILE}), so a pid reused since is never touched.
 * Stateless.
 */
final class RequestDirectories {
    /** The file in a request directory that names the command's session: {@code PID START-INSTANT}. */
    static final String SESSION_FILE = ".session";
    private static final Pattern NAME = Pattern.compile("layernas-(\\d+)-trial-.*");
    private static final long SELF = ProcessHandle.current().pid();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private RequestDirectories() {
    }

    /** A fresh directory for trial {@code trial}; {@link #release} deletes it. */
    static Path create(Path scratch, int trial) throws IOException {
        Path directory = Files.createTempDirectory(scratch, "layernas-" + SELF + "-trial-" + trial + "-");
        LIVE.add(directory);
        return directory;
    }

    /** Deletes a directory {@link #create} made. */
    static void release(Path directory) {
        delete(directory);
        LIVE.remove(directory);
    }

    /** Deletes every directory not yet released: the JVM is shutting down. */
    static void releaseAll() {
        List.copyOf(LIVE).forEach(RequestDirectories::release);
    }

    /** Deletes the request directories of processes that are gone; returns how many. */
    static int deleteStale(Path scratch) {
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(scratch, "layernas-*-trial-*")) {
            for (Path entry : entries) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (name.matches() && isGone(name.group(1)) && Files.isDirectory(entry)) {
                    killLeftover(entry.resolve(SESSION_FILE));
                    deleted += delete(entry) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            return deleted; // an unreadable scratch directory fails the first evaluation, with its cause
        }
        return deleted;
    }

    /** Records the session of the command running for {@code directory}. */
    static void recordSession(Path directory, Process leader) throws IOException {
        String start = leader.info().startInstant().map(Object::toString).orElse("?");
        Files.writeString(directory.resolve(SESSION_FILE), leader.pid() + " " + start);
    }

    /** Kills the session a dead JVM's command left, unless its leader's pid now names another process. */
    private static void killLeftover(Path sessionFile) {
        try {
            String[] recorded = Files.readString(sessionFile).strip().split(" ");
            long pid = Long.parseLong(recorded[0]);
            java.util.Optional<ProcessHandle> leader = ProcessHandle.of(pid);
            boolean same = leader.map(l -> l.info().startInstant().map(Object::toString).orElse("?")
                    .equals(recorded[1])).orElse(true);
            if (same) {
                CommandSession.killSession(pid);
            }
        } catch (IOException | RuntimeException e) {
            // no record (the command never started), or unreadable: nothing known to kill
        }
    }

    private static boolean isGone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes {@code directory} and what it holds, without following links; false when something stayed. */
    static boolean delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return !Files.exists(directory);
    }
}
