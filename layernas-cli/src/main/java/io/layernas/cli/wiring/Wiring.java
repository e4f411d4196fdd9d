package io.layernas.cli.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.plugins.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds injectors, and a command's session from one, and turns Guice's wrapped errors back into the
 * configuration errors they carry. A command asks an injector for one object, its session, whose
 * collaborators arrive through its constructor; nothing else looks objects up in an injector.
 */
public final class Wiring {
    private Wiring() {
    }

    /**
     * The modules of one run: the experiment's plugins, its trial store and its executor. The run's
     * {@link RunDirectory} is bound with them.
     */
    public static Module run(ExperimentConfig config, PluginRegistry registry, RunDirectory directory) {
        return Modules.combine(new ExperimentModule(config, registry), new TrialStoreModule(),
                new ExecutorModule(), binder -> binder.bind(RunDirectory.class).toInstance(directory));
    }

    /**
     * The injector of one run: every plugin created and checked, so a configuration error surfaces
     * here, as a {@link ConfigurationException}, before anything is evaluated.
     */
    public static Injector injector(ExperimentConfig config, PluginRegistry registry, RunDirectory directory) {
        return create(run(config, registry, directory));
    }

    /** An injector in production stage (singletons eager), with configuration errors unwrapped. */
    public static Injector create(Module... modules) {
        try {
            return Guice.createInjector(Stage.PRODUCTION, modules);
        } catch (CreationException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        }
    }

    /**
     * The root object {@code type} (a command's session), built with its collaborators by an injector of
     * {@code modules}: every singleton is created first, so a configuration error surfaces here, unwrapped.
     */
    public static <T> T build(Class<T> type, Module... modules) {
        Injector injector = create(modules);
        try {
            return injector.getInstance(type);
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages().stream().map(Message::getCause).toList());
        }
    }

    private static RuntimeException unwrap(RuntimeException wrapper, List<Throwable> causes) {
        List<Throwable> all = new ArrayList<>(causes);
        all.add(wrapper.getCause());
        for (Throwable cause : all) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof ConfigurationException configuration) {
                    return configuration;
                }
            }
        }
        return wrapper;
    }
}
