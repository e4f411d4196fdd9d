package io.layernas.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a store checks before it lets a run continue from its trials: the run's fingerprint (its
 * configuration and seed) and the SHA-256 of every data file it reads. Replaying stored trials with
 * another configuration or changed data would mix two runs.
 *
 * @param fingerprint       the run's fingerprint
 * @param dataFiles         hex SHA-256 per data file (by absolute path)
 * @param acceptChangedData keep the stored trials although a data file changed (the new checksum is
 *                          recorded); the command line's {@code --accept-changed-data}
 */
public record RunIdentity(String fingerprint, Map<String, String> dataFiles, boolean acceptChangedData) {
    public RunIdentity {
        Objects.requireNonNull(fingerprint, "fingerprint");
        dataFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(dataFiles));
    }

    /** A run known by its fingerprint alone. */
    public static RunIdentity of(String fingerprint) {
        return new RunIdentity(fingerprint, Map.of(), false);
    }
}
