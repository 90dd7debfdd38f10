package org.anpr.central.api;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.operator.Operator;
import org.anpr.central.operator.OperatorAccounts;
import org.anpr.central.operator.OperatorPasswords;
import org.anpr.central.operator.Role;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;

/**
 * {@code ./anpr receiver add-operator NAME --role ROLE}: creates an account directly in the
 * central store, with the password from the terminal (asked twice) or the first line of stdin.
 * This is how the first admin comes to exist; later accounts are made through the API.
 */
public final class AddOperatorCommand {
    private AddOperatorCommand() {
    }

    /** @return the exit status: 0 created, 2 bad arguments or password, 1 store failure or name taken */
    public static int run(String name, String roleName, ReceiverConfig config, InputStream stdin, PrintStream out, PrintStream err) {
        String prefix = "anpr receiver add-operator: ";
        Optional<Role> role = Role.of(roleName);
        if (role.isEmpty()) {
            err.println(prefix + "unknown role '" + roleName + "'; allowed: " + Role.allowed());
            return 2;
        }
        if (!OperatorAccounts.NAME.matcher(name).matches()) {
            err.println(prefix + "the name must be 2-64 of a-z 0-9 . _ - starting with a letter or digit, was '" + name + "'");
            return 2;
        }
        char[] password;
        try {
            password = readPassword(name, stdin);
        } catch (IOException e) {
            err.println(prefix + "cannot read the password: " + e.getMessage());
            return 2;
        }
        if (password == null) {
            err.println(prefix + "the two passwords differ, or none was given");
            return 2;
        }
        try {
            OperatorPasswords.checkPolicy(password);
        } catch (IllegalArgumentException e) {
            err.println(prefix + e.getMessage());
            return 2;
        }
        String hash = new OperatorPasswords().hash(password);
        Arrays.fill(password, '\0');
        try (CentralDatabase db = CentralDatabase.open(config.store(), 1, OperatorApi.schema())) {
            if (create(db, name, role.get(), hash, System.currentTimeMillis() * 1000).isEmpty()) {
                err.println(prefix + "an operator named '" + name + "' already exists");
                return 1;
            }
            out.println("created operator " + name + " with role " + role.get().wireName() + " in " + config.store().describe());
            return 0;
        } catch (Exception e) {
            err.println(prefix + "cannot write to the store: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Creates the account and its audit entry as the command line does (actor "-", address
     * {@code command-line}); empty when the name is taken.
     */
    public static Optional<Operator> create(CentralDatabase db, String name, Role role, String passwordHash, long nowMicros)
            throws StoreException {
        Optional<Operator> created = new OperatorAccounts(db).create(name, role, passwordHash, nowMicros);
        if (created.isPresent()) {
            new AuditLog(db).append(new AuditLog.Event(null, "command-line", "operator.create", name, null,
                    "{\"role\":\"" + role.wireName() + "\"}"), nowMicros);
        }
        return created;
    }

    private static char[] readPassword(String name, InputStream stdin) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password for %s: ", name);
            char[] second = console.readPassword("again: ");
            return first != null && Arrays.equals(first, second) ? first : null;
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line.toCharArray();
    }
}
