package io.layernas.cli.plugins;

import io.layernas.api.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Where a plugin comes from and its version: {@link Plugin#version()} when the jar's manifest
 * says, otherwise the version Maven recorded in the jar ({@code META-INF/maven/.../pom.properties}).
 */
public final class PluginVersions {
    private PluginVersions() {
    }

    /** The version of {@code plugin}, {@code dev} when it runs from a classes directory. */
    public static String version(Plugin plugin) {
        String declared = plugin.version();
        if (!"dev".equals(declared)) {
            return declared;
        }
        return location(plugin).flatMap(PluginVersions::mavenVersion).orElse(declared);
    }

    /** The jar or directory the plugin's class was loaded from. */
    public static Optional<Path> location(Plugin plugin) {
        CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> mavenVersion(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                    Properties properties = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        properties.load(in);
                    }
                    return Optional.ofNullable(properties.getProperty("version"));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
