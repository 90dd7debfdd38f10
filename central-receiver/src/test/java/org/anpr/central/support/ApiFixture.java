package org.anpr.central.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.anpr.central.Receiver;
import org.anpr.central.api.AddOperatorCommand;
import org.anpr.central.config.ReceiverConfig;

/** A running receiver with its operators' API and one account per role, made the way an installer would. */
public final class ApiFixture implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";

    public final Receiver receiver;
    public final ReceiverConfig config;

    private ApiFixture(Receiver receiver, ReceiverConfig config) {
        this.receiver = receiver;
        this.config = config;
    }

    public static ApiFixture start(Path dir) throws Exception {
        return start(TestGantries.config(dir));
    }

    /** Creates the accounts {@code <role>1} (e.g. {@code admin1}, {@code hotlist-manager1}) with the command-line tool, then starts. */
    public static ApiFixture start(ReceiverConfig config) throws Exception {
        for (String role : new String[] {"viewer", "dispatcher", "investigator", "hotlist-manager", "admin", "auditor"}) {
            addOperator(config, role + "1", role);
        }
        Receiver r = new Receiver(config);
        r.start();
        return new ApiFixture(r, config);
    }

    public static int addOperator(ReceiverConfig config, String name, String role) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AddOperatorCommand.run(name, role, config,
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        if (status != 0 && !err.toString(StandardCharsets.UTF_8).contains("already exists")) {
            throw new AssertionError("add-operator " + name + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return status;
    }

    public int port() {
        return receiver.httpPort();
    }

    public ApiClient as(String role) throws Exception {
        return ApiClient.signedIn(port(), role + "1", PASSWORD);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
