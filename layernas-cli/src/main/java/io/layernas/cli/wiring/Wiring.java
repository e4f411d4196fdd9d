package io.layernas.cli.wiring;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.plugins.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/** Builds injectors and turns Guice's wrapped errors back into the configuration errors they carry. */
public final class Wiring {
    private Wiring() {
    }

    /**
     * The injector of one run: every plugin created and checked, so a configuration error surfaces
     * here, as a {@link ConfigurationException}, before anything is evaluated.
     */
    public static Injector injector(ExperimentConfig config, PluginRegistry registry, RunDirectory directory) {
        return create(new ExperimentModule(config, registry), new TrialStoreModule(directory), new ExecutorModule());
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

    /** Gets an instance, with configuration errors unwrapped. */
    public static <T> T get(Injector injector, Class<T> type) {
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
