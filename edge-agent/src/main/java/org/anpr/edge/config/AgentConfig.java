package org.anpr.edge.config;

import java.nio.file.Path;
import java.util.List;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.edge.report.MqttSettings;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.edge.section.SectionSettings;

/**
 * The whole configuration of one gantry, as loaded from its YAML file by {@link AgentConfigLoader}
 * (which documents the keys and defaults).
 *
 * @param gantryId        this gantry's id
 * @param cameras         its cameras
 * @param recognition     region and worker threads of the recogniser behind the cameras
 * @param sections        speed sections it is the entry or the exit of
 * @param sectionSettings confidence threshold, clock-sync bound, passage lifetime
 * @param hotlistFile     SQLite file of the local hotlist
 * @param outboxFile      SQLite file of the outbox
 * @param sectionsFile    SQLite file of pending passages and the violation chain
 * @param outboxLimits    disk bound of the outbox
 * @param mqtt            broker connection
 * @param alertOutput     GPIO output pulsed on a hotlist alert, or null for none
 * @param clockSource     where the clock's sync state comes from: {@code chrony} (default) or {@code none}
 * @param management      the technicians' CoAP/DTLS endpoint, or null for none
 * @param metrics         the Prometheus endpoint
 * @param evidence        the images a read carries
 * @param alertMinConfidence a hotlist match read less sure than this raises no alert (the read is
 *                        still stored and sent); default 0: every match alerts. {@code ./anpr eval}'s
 *                        {@code precision_at} / {@code coverage_at} say what a threshold buys
 */
public record AgentConfig(
        String gantryId,
        List<CameraConfig> cameras,
        RecognitionSettings recognition,
        List<SectionDefinition> sections,
        SectionSettings sectionSettings,
        Path hotlistFile,
        Path outboxFile,
        Path sectionsFile,
        OutboxLimits outboxLimits,
        MqttSettings mqtt,
        AlertOutputSettings alertOutput,
        String clockSource,
        ManagementSettings management,
        MetricsSettings metrics,
        org.anpr.edge.frames.EvidenceConfig evidence,
        double alertMinConfidence) {

    public AgentConfig {
        if (!(alertMinConfidence >= 0 && alertMinConfidence <= 1)) {
            throw new IllegalArgumentException("alertMinConfidence: " + alertMinConfidence + " is outside 0..1");
        }
        cameras = List.copyOf(cameras);
        sections = List.copyOf(sections);
    }
}
