package io.leakwatch.examples.zoo;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Leak: an audit log writes every request into a table of an in-memory H2 database and never deletes a row (about
 * 0.8 MB/s). H2 copies each payload as it binds it, so the rows are allocated inside the driver, below the
 * application's call; the rows live in the B-tree of the table's MVStore map.
 */
final class H2TableLeak implements Scenario {
    private final AuditLog log;
    private long request;

    H2TableLeak() {
        try {
            log = new AuditLog(DriverManager.getConnection("jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the in-memory H2 database: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "leak: an audit table in an embedded database that only grows";
    }

    @Override
    public String leakingClass() {
        return "H2TableLeak$AuditLog";
    }

    @Override
    public void step() throws InterruptedException {
        try {
            for (int i = 0; i < 5; i++) {
                // Distinct payloads: H2 shares equal small values through its value cache.
                byte[] payload = new byte[1500];
                ByteBuffer.wrap(payload).putLong(request).putLong(System.nanoTime());
                log.record(request++, payload);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit insert failed: " + e.getMessage(), e);
        }
        Churn.allocate(400);
        Thread.sleep(10);
    }

    @Override
    public void close() throws SQLException {
        log.connection.close();
    }

    /** The application's audit log; its connection is the reference its owner controls. */
    static final class AuditLog {
        private final Connection connection;
        private final PreparedStatement insert;

        AuditLog(Connection connection) throws SQLException {
            this.connection = connection;
            try (var create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS audit(id BIGINT PRIMARY KEY, payload VARBINARY(2000))");
            }
            insert = connection.prepareStatement("INSERT INTO audit(id, payload) VALUES (?, ?)");
        }

        void record(long id, byte[] payload) throws SQLException {
            insert.setLong(1, id);
            insert.setBytes(2, payload);
            insert.executeUpdate();
        }
    }
}
