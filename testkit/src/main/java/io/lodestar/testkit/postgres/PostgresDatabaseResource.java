package io.lodestar.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.lodestar.testkit.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a fresh PostgreSQL database on the machine's server, created for this
 * application start and dropped afterwards. It sets both URLs a service declares: the reactive one used at run
 * time and the JDBC one Flyway migrates with.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    static final String HOW_TO_START =
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

    private String database;

    @Override
    public Map<String, String> start() {
        database = createFresh("lodestar_test_");
        String hostPort = LocalInfrastructure.postgresHost() + ":" + LocalInfrastructure.postgresPort();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.username", LocalInfrastructure.postgresUser(),
                "quarkus.datasource.password", LocalInfrastructure.postgresPassword());
    }

    @Override
    public void stop() {
        if (database != null) {
            drop(database);
            database = null;
        }
    }

    /** Creates an empty database named {@code prefix} plus a random suffix on the machine's server; returns its name. */
    public static String createFresh(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database, closing whatever connections still use it. */
    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs one statement against the server's {@code postgres} maintenance database. */
    static void execute(String sql) {
        LocalInfrastructure.requireReachable("PostgreSQL", LocalInfrastructure.postgresHost(),
                LocalInfrastructure.postgresPort(), HOW_TO_START);
        String url = "jdbc:postgresql://" + LocalInfrastructure.postgresHost() + ":"
                + LocalInfrastructure.postgresPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, LocalInfrastructure.postgresUser(),
                LocalInfrastructure.postgresPassword()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused `" + sql + "`: " + e.getMessage(), e);
        }
    }
}
