package io.layernas.cli;

import io.layernas.store.postgres.PostgresDatabase;
import io.layernas.store.postgres.PostgresSchema;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code layernas store init URL}: creates the LayerNAS tables in a PostgreSQL database, once. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Prepares a shared PostgreSQL store: 'layernas store init postgresql://host[:port]/db' creates "
                + "the LayerNAS tables (once; running it again changes nothing). Credentials: PGUSER and PGPASSWORD, "
                + "or PGPASSFILE.")
final class StoreCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "ACTION", description = "init")
    private String action;

    @Parameters(index = "1", paramLabel = "URL", description = "postgresql://host[:port]/database")
    private String url;

    @Inject
    StoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!"init".equals(action)) {
            throw new io.layernas.api.ConfigurationException("store knows one action, init: layernas store init "
                    + "postgresql://host[:port]/database; '" + action + "' is not one.");
        }
        PostgresDatabase database = PostgresDatabase.parse(url, "URL", context.environment());
        context.out().println(PostgresSchema.create(database));
        return 0;
    }
}
