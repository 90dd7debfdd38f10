package org.anpr.edge.kura;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real OSGi framework for a test: Felix or Kura 5's Equinox (whichever one failsafe put on the
 * classpath, {@code -Dosgi.framework}), started in a temporary folder with the runtime bundles of
 * that profile ({@code target/osgi/<profile>}: SCR, Config Admin, Metatype, the Kura API stub…)
 * and sharing only the Config Admin, Metatype and DeploymentAdmin API with the test.
 */
final class TestFramework implements AutoCloseable {
    static final Path TARGET = Path.of("target");
    /** The API packages test and framework share (one copy of each class: the test's). */
    private static final String SHARED = "org.osgi.service.cm;version=1.6.0,org.osgi.service.metatype;version=1.4.0,"
            + "org.osgi.service.deploymentadmin;version=1.1.0,org.osgi.service.deploymentadmin.spi;version=1.0.1";

    final String profile;
    final Framework framework;

    private TestFramework(String profile, Framework framework) {
        this.profile = profile;
        this.framework = framework;
    }

    static String profile() {
        return System.getProperty("osgi.framework", "felix");
    }

    /** Starts the profile's framework with its runtime bundles installed and started. */
    static TestFramework start(Path storage) throws Exception {
        String profile = profile();
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toAbsolutePath().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SHARED);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test classpath"));
        Framework framework = factory.newFramework(config);
        framework.start();
        TestFramework f = new TestFramework(profile, framework);
        List<Bundle> runtime = new ArrayList<>();
        for (Path jar : jars(TARGET.resolve("osgi").resolve(profile))) {
            runtime.add(f.install(jar));
        }
        f.startAll(runtime);
        return f;
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Bundle install(Path jar) throws BundleException {
        return context().installBundle(jar.toUri().toString());
    }

    /** Starts every bundle that is not a fragment, saying which one failed to resolve and why. */
    void startAll(List<Bundle> bundles) throws BundleException {
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    b.start();
                } catch (BundleException e) {
                    throw new BundleException(b.getSymbolicName() + " did not start in " + profile + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The built bundle and the native fragment of this machine's platform, as the build left them. */
    List<Bundle> installAgent() throws Exception {
        Bundle host = install(builtBundle());
        Bundle natives = install(TARGET.resolve("org.anpr.edge.kura.natives.linux-x86_64.jar"));
        return List.of(host, natives);
    }

    static Path builtBundle() throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(TARGET, "edge-agent-kura-*.jar")) {
            for (Path p : s) {
                if (!p.getFileName().toString().contains("-tests")) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no built bundle in target/ (run 'mvn verify', which packages it first)");
    }

    static Path deploymentPackage(String platform) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(TARGET, "edge-agent-kura-*-" + platform + ".dp")) {
            for (Path p : s) {
                return p;
            }
        }
        throw new IllegalStateException("no " + platform + " deployment package in target/");
    }

    private static List<Path> jars(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    /** Waits for a service, by interface name (so the class need not be on the test's classpath). */
    ServiceReference<?> awaitService(String objectClass, String filter, Duration timeout) throws Exception {
        String f = "(&(" + Constants.OBJECTCLASS + "=" + objectClass + ")" + (filter == null ? "" : filter) + ")";
        ServiceTracker<Object, Object> t = new ServiceTracker<>(context(), context().createFilter(f), null);
        t.open(true);
        try {
            if (t.waitForService(timeout.toMillis()) == null) {
                return null;
            }
            return t.getServiceReference();
        } finally {
            t.close();
        }
    }

    <T> T service(Class<T> type) {
        ServiceReference<T> ref = context().getServiceReference(type);
        if (ref == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in " + profile);
        }
        return context().getService(ref);
    }

    /** Every bundle with its state, for failure messages. */
    String describeBundles() {
        StringBuilder out = new StringBuilder();
        for (Bundle b : context().getBundles()) {
            out.append(b.getSymbolicName()).append('=').append(switch (b.getState()) {
                case Bundle.ACTIVE -> "ACTIVE";
                case Bundle.RESOLVED -> "RESOLVED";
                case Bundle.INSTALLED -> "INSTALLED";
                case Bundle.STARTING -> "STARTING";
                default -> Integer.toString(b.getState());
            }).append(' ');
        }
        return out.toString().trim();
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(30_000);
    }
}
