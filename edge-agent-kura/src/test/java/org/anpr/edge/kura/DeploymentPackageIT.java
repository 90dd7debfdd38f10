package org.anpr.edge.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.deploymentadmin.BundleInfo;
import org.osgi.service.deploymentadmin.DeploymentAdmin;
import org.osgi.service.deploymentadmin.DeploymentPackage;

/**
 * The gateway's way in: the built linux-x86_64 {@code .dp} installed through a real
 * DeploymentAdmin (Felix's, in Felix: Kura's package manager sits on DeploymentAdmin), bringing
 * the bundle and its native fragment, which then run once Kura configures the component.
 */
class DeploymentPackageIT {
    @TempDir
    Path dir;

    @Test
    void theDeploymentPackageInstallsAndTheAgentRunsFromIt() throws Exception {
        Path dp = TestFramework.deploymentPackage("linux-x86_64");
        try (TestFramework osgi = TestFramework.start(dir.resolve("framework"));
             InputStream in = Files.newInputStream(dp)) {
            DeploymentAdmin admin = osgi.service(DeploymentAdmin.class);
            DeploymentPackage installed = admin.installDeploymentPackage(in);
            assertEquals("org.anpr.edge.kura.linux-x86_64", installed.getName());
            Map<String, String> bundles = Arrays.stream(installed.getBundleInfos())
                    .collect(Collectors.toMap(BundleInfo::getSymbolicName, b -> b.getVersion().toString()));
            assertEquals(Map.of("org.anpr.edge.kura", "0.1.0.SNAPSHOT", "org.anpr.edge.kura.natives.linux-x86_64", "0.1.0.SNAPSHOT"),
                    bundles);
            Bundle host = osgi.bundle("org.anpr.edge.kura");
            assertNotNull(host);
            assertEquals(Bundle.ACTIVE, host.getState(), "DeploymentAdmin started it");
            assertEquals(Bundle.RESOLVED, osgi.bundle("org.anpr.edge.kura.natives.linux-x86_64").getState());

            osgi.service(ConfigurationAdmin.class).getConfiguration(KuraComponentIT.PID, "?").update(
                    KuraComponentIT.kuraConfiguration(dir.resolve("data"), "tcp://127.0.0.1:1", 64, "synthetic:5"));
            assertNotNull(osgi.awaitService(KuraComponentIT.CONFIGURABLE, null, Duration.ofSeconds(60)),
                    "the component from the deployment package runs");
            assertTrue(Arrays.asList(admin.listDeploymentPackages()).stream().anyMatch(p -> p.getName().equals(installed.getName())));

            installed.uninstall();
            assertEquals(null, osgi.bundle("org.anpr.edge.kura"), "uninstalled with its package");
        }
    }

    /** The other platform's natives declare their platform: on this x86-64 machine they do not attach. */
    @Test
    void theArm64FragmentDoesNotResolveOnAnotherPlatform() throws Exception {
        try (TestFramework osgi = TestFramework.start(dir.resolve("framework"))) {
            Bundle host = osgi.install(TestFramework.builtBundle());
            Bundle arm64 = osgi.install(TestFramework.TARGET.resolve("org.anpr.edge.kura.natives.linux-arm64.jar"));
            host.start();
            assertEquals(Bundle.ACTIVE, host.getState());
            assertEquals(Bundle.INSTALLED, arm64.getState(), "osgi.native requires linux on aarch64");
            assertEquals(false, osgi.framework.adapt(org.osgi.framework.wiring.FrameworkWiring.class)
                    .resolveBundles(java.util.List.of(arm64)));
        }
    }
}
