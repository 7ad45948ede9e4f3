package org.outward.backends.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL database several nodes share, through a HikariCP pool, with its schema created or brought up
 * to date at start.
 *
 * <p>The schema ({@code schema.sql} beside this class) is idempotent DDL ({@code CREATE ... IF NOT EXISTS}), run
 * in one transaction under an advisory lock, so nodes starting together do not race on the catalogue. A handful
 * of tables does not need a migration tool; when a change cannot be written idempotently, a numbered step
 * guarded by the {@code outward_schema} version row belongs here.
 *
 * <p>Errors reach callers as {@link IOException}s naming only the SQL state: a driver message can quote values.
 */
public final class Database implements AutoCloseable {

    /** Any constant shared by all nodes: the advisory lock that serialises schema set-up. */
    private static final long SCHEMA_LOCK = 0x6f7574776172640aL;

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Connects, creates or updates the schema, and keeps a pool of at most {@code poolSize} connections. */
    public static Database open(String url, String user, String password, int poolSize) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("outward-backends");
        config.setConnectionTimeout(10_000);
        // Every unit of work commits or rolls back itself.
        config.setAutoCommit(false);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IOException("cannot connect to the shared database (" + e.getClass().getSimpleName() + ")");
        }
        Database database = new Database(pool);
        try {
            database.createSchema();
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return database;
    }

    /** Throws when the database does not answer a trivial query now (a connection waits at most 10 s). */
    public void checkReachable() throws IOException {
        inTransaction(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws IOException {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void createSchema() throws IOException {
        String ddl;
        try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IOException("schema.sql is missing from the backends jar");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                // Comments first: they may hold a semicolon.
                for (String step : ddl.replaceAll("(?m)--.*$", "").split(";")) {
                    String sql = step.strip();
                    if (!sql.isEmpty()) {
                        statement.execute(sql);
                    }
                }
            }
            return null;
        });
    }

    /** An exception for callers: the SQL state only, never the driver's text, which can quote values. */
    public static IOException failure(SQLException e) {
        return new IOException("shared database error, SQL state " + e.getSQLState());
    }

    @Override
    public void close() {
        pool.close();
    }
}
