package io.layernas.cli;

import com.google.inject.Injector;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Lets picocli create the commands through Guice: a class with an {@code @Inject} constructor (the
 * commands) gets its collaborators from the injector; picocli's own classes (help, version provider,
 * converters) come from picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Injector injector;

    CommandFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        return injectable(type) ? injector.getInstance(type) : CommandLine.defaultFactory().create(type);
    }

    private static boolean injectable(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors()).anyMatch(CommandFactory::annotatedInject);
    }

    private static boolean annotatedInject(Constructor<?> constructor) {
        return constructor.isAnnotationPresent(jakarta.inject.Inject.class)
                || constructor.isAnnotationPresent(com.google.inject.Inject.class);
    }
}
