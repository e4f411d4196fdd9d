package io.layernas.api;

/**
 * Something found by short name through {@link java.util.ServiceLoader}. Names are lower-case
 * with dashes, e.g. {@code mobilenet-v3-large}, and unique among plugins of one kind.
 */
public interface Plugin {

    /** The short name users write in the YAML. */
    String name();

    /** One line saying what it is. */
    default String description() {
        return "";
    }

    /** The version of the jar that holds it, or {@code dev} when run from classes. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
