package io.layernas.cli.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.layernas.api.SearchSpace;
import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Trials as JSON lines in one file, each line written and forced to disk before
 * {@link #append} returns, so that a crashed run can be resumed from the file. A torn last
 * line (a crash mid-write) is ignored on load. Thread-safe.
 */
public final class JsonLinesTrialStore implements TrialStore {
    private final Path file;
    private final SearchSpace space;
    private FileChannel channel;

    /** A store in {@code file} (created when absent) for trials of {@code space}. */
    public JsonLinesTrialStore(Path file, SearchSpace space) {
        this.file = file;
        this.space = space;
    }

    @Override
    public synchronized List<Trial> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Trial> trials = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    trials.add(TrialJson.fromJson(TrialJson.MAPPER.readTree(lines.get(i))));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    if (i < lines.size() - 1) {
                        throw new IllegalStateException(file + " line " + (i + 1) + " is not a trial record: "
                                + e.getMessage() + ". Remove the line (and those after it) to resume before it.", e);
                    }
                    // A crash mid-write: drop the torn line so that appends start on a fresh line.
                    Files.write(file, lines.subList(0, i), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trials of " + file, e);
        }
        return trials;
    }

    @Override
    public synchronized void append(Trial trial) {
        byte[] line = (TrialJson.toJson(trial, space).toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store trial " + trial.index() + " in " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            } finally {
                channel = null;
            }
        }
    }
}
