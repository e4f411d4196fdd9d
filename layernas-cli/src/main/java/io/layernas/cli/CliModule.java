package io.layernas.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.layernas.cli.plugins.PluginRegistry;

/**
 * What the commands are built with: the {@link CliContext} and its plugin registry. The registry is
 * loaded on first use (the context memoises it), so a command that needs none, or {@code --help}, loads
 * no plugin; commands take it as a {@code Provider}.
 */
final class CliModule extends AbstractModule {
    private final CliContext context;

    CliModule(CliContext context) {
        this.context = context;
    }

    @Override
    protected void configure() {
        bind(CliContext.class).toInstance(context);
    }

    @Provides
    PluginRegistry registry() {
        return context.registry().get();
    }
}
