package io.layernas.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the database cannot be used: the key, what is wrong, the fix; never a password. */
class PostgresErrorsIT {
    @TempDir
    Path directory;

    @Test
    void anUnreachableServerNamesTheKeyAndTheFix() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();   // free now, so nothing listens there
        }
        PostgresDatabase database = PostgresDatabase.parse("postgresql://127.0.0.1:" + port + "/x", "run.store",
                Map.of("PGUSER", "someone", "PGPASSWORD", "secret-1"));
        assertThatThrownBy(database::connect).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot reach the PostgreSQL server of run.store (postgresql://127.0.0.1:" + port)
                .hasMessageContaining("Start the server, or fix the host and port in run.store")
                .hasMessageNotContaining("secret-1");
    }

    @Test
    void wrongCredentialsNameTheVariablesToSet() {
        String url = TestPostgres.url();
        PostgresDatabase database = PostgresDatabase.parse(url, "--store",
                TestPostgres.environment("PGPASSWORD", "not-the-password-42"));
        assertThatThrownBy(database::connect).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PostgreSQL refused the credentials of user '" + System.getenv("PGUSER") + "'")
                .hasMessageContaining("--store")
                .hasMessageContaining("Set PGUSER and PGPASSWORD, or PGPASSFILE")
                .hasMessageNotContaining("not-the-password-42");
    }

    @Test
    void thePasswordMayComeFromAPasswordFile() throws IOException {
        String url = TestPostgres.url();
        PostgresDatabase reference = TestPostgres.database(url);
        Path file = directory.resolve("pgpass");
        Files.writeString(file, reference.host() + ":" + reference.port() + ":" + reference.database() + ":"
                + reference.user() + ":" + System.getenv("PGPASSWORD") + "\n");
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        PostgresDatabase database = PostgresDatabase.parse(url, "run.store", TestPostgres.environment("PGPASSWORD", null));
        // The driver reads PGPASSFILE from the process's environment, or this property (same file format).
        System.setProperty("org.postgresql.pgpassfile", file.toString());
        try (var connection = database.connect()) {
            assertThat(connection.isValid(5)).isTrue();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }

    @Test
    void aDatabaseWithoutTheTablesSaysHowToCreateThem() {
        PostgresDatabase empty = TestPostgres.emptyDatabase();
        try {
            assertThatThrownBy(() -> PostgresTrialStore.open(empty, "r", "fp", "{}", false))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("database '" + empty.database() + "' of run.store")
                    .hasMessageContaining("has no LayerNAS tables")
                    .hasMessageContaining("layernas store init " + empty.url());
            assertThat(PostgresSchema.create(empty)).startsWith("created the LayerNAS tables");
            assertThat(PostgresSchema.create(empty)).contains("already there");
            PostgresTrialStore.open(empty, "r", "fp", "{}", false).close();
        } finally {
            TestPostgres.dropTables(empty);
        }
    }

    @Test
    void aMissingDatabaseSaysHowToCreateIt() {
        String url = TestPostgres.url();
        PostgresDatabase missing = TestPostgres.database(url.substring(0, url.lastIndexOf('/') + 1) + "no_such_db");
        assertThatThrownBy(missing::connect).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database 'no_such_db' does not exist")
                .hasMessageContaining("createdb");
    }

    @Test
    void urlsWithCredentialsOrWithoutADatabaseAreRefused() {
        assertThatThrownBy(() -> PostgresDatabase.parse("postgresql://bob:hunter2@db:5432/nas", "run.store", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("run.store must not hold a user or password")
                .hasMessageContaining("postgresql://db:5432/nas")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresDatabase.parse("postgresql://db/", "run.store", Map.of()))
                .hasMessageContaining("run.store (postgresql://db/) is not a PostgreSQL store URL");
        assertThatThrownBy(() -> PostgresDatabase.parse("postgresql://db/nas;drop", "run.store", Map.of()))
                .hasMessageContaining("is not a PostgreSQL store URL");
        assertThat(PostgresDatabase.parse("postgresql://db.example.org/nas", "k", Map.of()).url())
                .isEqualTo("postgresql://db.example.org:5432/nas");
        assertThat(PostgresDatabase.parse("postgresql://h/d", "k", Map.of("PGPASSWORD", "s3cret")).toString())
                .doesNotContain("s3cret");
    }
}
