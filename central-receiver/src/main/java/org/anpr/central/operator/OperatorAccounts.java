package org.anpr.central.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;

/** Operators' accounts in the central database. */
public final class OperatorAccounts {
    public static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS operators(
              id {AUTO_ID}, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL,
              totp_secret {BLOB}, totp_pending {BLOB}, totp_last_step {BIGINT} NOT NULL DEFAULT 0,
              disabled INTEGER NOT NULL DEFAULT 0, created_micros {BIGINT} NOT NULL, changed_micros {BIGINT} NOT NULL)""");
    /** Lowercase letters, digits, dot, dash, underscore; 2 to 64 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final String COLUMNS = "id, name, role, password_hash, totp_secret, totp_last_step, disabled, created_micros, changed_micros";

    private final CentralDatabase db;

    public OperatorAccounts(CentralDatabase db) {
        this.db = db;
    }

    /** @return the new account, or empty when the name is taken */
    public Optional<Operator> create(String name, Role role, String passwordHash, long nowMicros) throws StoreException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("operator name '" + name + "' must be 2-64 of a-z 0-9 . _ - and start with a letter or digit");
        }
        return db.transaction(c -> {
            if (find(c, name).isPresent()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO operators(name, role, password_hash, created_micros, changed_micros) VALUES (?,?,?,?,?)")) {
                ps.setString(1, name);
                ps.setString(2, role.wireName());
                ps.setString(3, passwordHash);
                ps.setLong(4, nowMicros);
                ps.setLong(5, nowMicros);
                ps.executeUpdate();
            }
            return find(c, name);
        });
    }

    public Optional<Operator> find(String name) throws StoreException {
        return db.read(c -> find(c, name));
    }

    public Optional<Operator> find(long id) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operators WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        });
    }

    public List<Operator> list() throws StoreException {
        return db.read(c -> {
            List<Operator> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operators ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    public long count() throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM operators"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public boolean setRole(long id, Role role, long nowMicros) throws StoreException {
        return update("UPDATE operators SET role = ?, changed_micros = ? WHERE id = ?", role.wireName(), nowMicros, id);
    }

    public boolean setDisabled(long id, boolean disabled, long nowMicros) throws StoreException {
        return update("UPDATE operators SET disabled = ?, changed_micros = ? WHERE id = ?", disabled ? 1 : 0, nowMicros, id);
    }

    public boolean setPassword(long id, String passwordHash, long nowMicros) throws StoreException {
        return update("UPDATE operators SET password_hash = ?, changed_micros = ? WHERE id = ?", passwordHash, nowMicros, id);
    }

    /** Keeps a new TOTP secret aside until the operator proves with a code that their app has it. */
    public boolean setTotpPending(long id, byte[] secret, long nowMicros) throws StoreException {
        return update("UPDATE operators SET totp_pending = ?, changed_micros = ? WHERE id = ?", secret, nowMicros, id);
    }

    public Optional<byte[]> totpPending(long id) throws StoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_pending FROM operators WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** Makes the pending secret the active one; {@code step} is the step of the code that confirmed it. */
    public boolean activateTotp(long id, long step, long nowMicros) throws StoreException {
        return update("UPDATE operators SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ?, changed_micros = ? "
                + "WHERE id = ? AND totp_pending IS NOT NULL", step, nowMicros, id);
    }

    public boolean clearTotp(long id, long nowMicros) throws StoreException {
        return update("UPDATE operators SET totp_secret = NULL, totp_pending = NULL, totp_last_step = 0, changed_micros = ? WHERE id = ?",
                nowMicros, id);
    }

    /**
     * Records that a TOTP code of {@code step} was used; false if that step or a later one was
     * already used (a replayed code), decided atomically in the database.
     */
    public boolean useTotpStep(long id, long step) throws StoreException {
        return update("UPDATE operators SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?", step, id, step);
    }

    private boolean update(String sql, Object... args) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Optional<Operator> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operators WHERE name = ?")) {
            ps.setString(1, name);
            return one(ps);
        }
    }

    private static Optional<Operator> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static Operator row(ResultSet rs) throws SQLException {
        Role role = Role.of(rs.getString(3)).orElseThrow(() -> new SQLException("unknown role in operators row"));
        return new Operator(rs.getLong(1), rs.getString(2), role, rs.getString(4), rs.getBytes(5), rs.getLong(6),
                rs.getInt(7) != 0, rs.getLong(8), rs.getLong(9));
    }
}
