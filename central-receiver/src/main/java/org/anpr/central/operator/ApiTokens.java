package org.anpr.central.operator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;

/**
 * API tokens of machine clients (other police systems): scoped to one role, optionally expiring,
 * revocable. Only the SHA-256 of the secret is stored; the token is shown once, when issued.
 */
public final class ApiTokens {
    public static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS api_tokens(
              token_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, secret_hash {BLOB} NOT NULL,
              created_by TEXT NOT NULL, created_micros {BIGINT} NOT NULL, expires_micros {BIGINT} NOT NULL DEFAULT 0,
              revoked_micros {BIGINT} NOT NULL DEFAULT 0, last_used_micros {BIGINT} NOT NULL DEFAULT 0)""");
    /** last_used is written at most this often per token, so that a busy client does not write on every call. */
    private static final long TOUCH_MICROS = 60_000_000L;

    /** A token as listed: never its secret or hash. */
    public record Token(String id, String name, Role role, String createdBy, long createdMicros, long expiresMicros,
                        long revokedMicros, long lastUsedMicros) {
        public boolean activeAt(long nowMicros) {
            return revokedMicros == 0 && (expiresMicros == 0 || nowMicros < expiresMicros);
        }
    }

    private final CentralDatabase db;

    public ApiTokens(CentralDatabase db) {
        this.db = db;
    }

    /** @return the token to hand over once; the store keeps only its hash */
    public ApiTokenCodec.Issued issue(String name, Role role, String createdBy, long nowMicros, long expiresMicros)
            throws StoreException {
        ApiTokenCodec.Issued issued = ApiTokenCodec.issue();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens(token_id, name, role, secret_hash, created_by, "
                    + "created_micros, expires_micros) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, issued.id());
                ps.setString(2, name);
                ps.setString(3, role.wireName());
                ps.setBytes(4, issued.secretHash());
                ps.setString(5, createdBy);
                ps.setLong(6, nowMicros);
                ps.setLong(7, expiresMicros);
                return ps.executeUpdate();
            }
        });
        return issued;
    }

    public List<Token> list() throws StoreException {
        return db.read(c -> {
            List<Token> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT token_id, name, role, created_by, created_micros, expires_micros, "
                    + "revoked_micros, last_used_micros FROM api_tokens ORDER BY created_micros");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Token(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)).orElse(Role.VIEWER), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
            return out;
        });
    }

    /** @return false if there is no such active token */
    public boolean revoke(String id, long nowMicros) throws StoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_micros = ? WHERE token_id = ? AND revoked_micros = 0")) {
                ps.setLong(1, nowMicros);
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The principal of a presented bearer token, or empty when it is malformed, unknown, revoked or expired. */
    public Optional<Principal> authenticate(String presented, long nowMicros) throws StoreException {
        Optional<ApiTokenCodec.Parsed> parsed = ApiTokenCodec.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String id = parsed.get().id();
        Optional<Principal> found = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, secret_hash, expires_micros, revoked_micros, last_used_micros "
                    + "FROM api_tokens WHERE token_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !ApiTokenCodec.matches(rs.getBytes(3), parsed.get().secretHash())) {
                        return Optional.empty();
                    }
                    long expires = rs.getLong(4);
                    if (rs.getLong(5) != 0 || (expires != 0 && nowMicros >= expires)) {
                        return Optional.empty();
                    }
                    Optional<Role> role = Role.of(rs.getString(2));
                    if (role.isEmpty()) {
                        return Optional.empty();
                    }
                    if (nowMicros - rs.getLong(6) > TOUCH_MICROS) {
                        touch(id, nowMicros);
                    }
                    return Optional.of(new Principal(0, rs.getString(1), role.get(), null, id));
                }
            }
        });
        return found;
    }

    private void touch(String id, long nowMicros) {
        try {
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_micros = ? WHERE token_id = ?")) {
                    ps.setLong(1, nowMicros);
                    ps.setString(2, id);
                    return ps.executeUpdate();
                }
            });
        } catch (StoreException e) {
            // last-used is informative; the request itself goes on
        }
    }
}
