package io.layernas.store.postgres;

import io.layernas.api.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.jdbcurlresolver.PgPassParser;

/**
 * A PostgreSQL database named by a store URL {@code postgresql://host[:port]/database}, with the
 * credentials taken from the environment: {@code PGUSER} (default: the system user) and
 * {@code PGPASSWORD}, else the password file {@code PGPASSFILE} (default {@code ~/.pgpass}, the
 * libpq format). Credentials never come from the URL, so they never reach a configuration file or
 * a log. Immutable and thread-safe.
 *
 * @param host        the server's host name or address
 * @param port        its port
 * @param database    the database
 * @param key         the setting that named the URL ({@code run.store}, {@code --store}), for messages
 * @param environment where {@code PGUSER} and {@code PGPASSWORD} are read from
 */
public record PostgresDatabase(String host, int port, String database, String key, Map<String, String> environment) {
    /** The URL scheme of a PostgreSQL store. */
    public static final String SCHEME = "postgresql";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,63}");
    private static final int LOGIN_TIMEOUT_SECONDS = 30;

    public PostgresDatabase {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        environment = Map.copyOf(environment);
    }

    /** True when {@code store} names a PostgreSQL store rather than a file. */
    public static boolean isUrl(String store) {
        return store != null && store.startsWith(SCHEME + "://");
    }

    /**
     * Parses {@code url}.
     *
     * @throws ConfigurationException naming {@code key} when the URL is malformed or carries credentials
     */
    public static PostgresDatabase parse(String url, String key, Map<String, String> environment) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(url, key, "it is not a URL (" + e.getReason() + ")");
        }
        if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null) {
            throw bad(url, key, "it needs the form postgresql://host[:port]/database");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigurationException(key + " must not hold a user or password: they would be written to "
                    + "config.yaml and the logs. Write " + key + ": postgresql://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath()
                    + " and set PGUSER and PGPASSWORD (or PGPASSFILE) in the environment.");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!NAME.matcher(database).matches() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(url, key, "name one database after the host, letters, digits and _ . - only, e.g. "
                    + "postgresql://db.example.org:5432/layernas");
        }
        return new PostgresDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, key,
                environment);
    }

    private static ConfigurationException bad(String url, String key, String why) {
        return new ConfigurationException(key + " (" + url + ") is not a PostgreSQL store URL: " + why + ".");
    }

    /** The URL, as a user writes it (no credentials). */
    public String url() {
        return SCHEME + "://" + host + ":" + port + "/" + database;
    }

    /** The URL only: the environment holds the password and must never be printed. */
    @Override
    public String toString() {
        return url();
    }

    /** The role the connection logs in as. */
    public String user() {
        String user = environment.get("PGUSER");
        return user == null || user.isBlank() ? System.getProperty("user.name", "postgres") : user;
    }

    /**
     * Opens a connection (auto-commit on).
     *
     * @throws ConfigurationException saying what to fix when the server is unreachable, refuses the
     *                                credentials or lacks the database
     */
    public Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        String password = password();
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        properties.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "layernas");
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    private String password() {
        String password = environment.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            return password;
        }
        return PgPassParser.getPassword(host, Integer.toString(port), database, user());
    }

    /** A connection failure as a message that names {@link #key} and the fix. */
    ConfigurationException explain(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = key + " (" + url() + ")";
        String reason = String.valueOf(e.getMessage()).replaceFirst("\\.+$", "");
        String message;
        if (state.startsWith("28") || "08004".equals(state)) {
            message = "PostgreSQL refused the credentials of user '" + user() + "' for " + where + ": "
                    + reason + ". Set PGUSER and PGPASSWORD, or PGPASSFILE naming a password file "
                    + "(host:port:database:user:password), to a role that may connect to database '" + database + "'.";
        } else if ("3D000".equals(state)) {
            message = "database '" + database + "' does not exist on " + host + ":" + port + " (" + key
                    + "). Create it (createdb -h " + host + " -p " + port + " " + database + ") or fix " + key + ".";
        } else if (state.startsWith("08") || e.getCause() instanceof java.io.IOException) {
            message = "cannot reach the PostgreSQL server of " + where + ": " + reason + ". Start the server, "
                    + "or fix the host and port in " + key + ".";
        } else {
            message = "cannot use " + where + ": " + reason + " (SQL state " + state + ").";
        }
        return new ConfigurationException(message, e);
    }
}
