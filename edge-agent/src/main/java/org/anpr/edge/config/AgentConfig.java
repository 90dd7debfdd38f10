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
        org.anpr.edge.frames.EvidenceConfig evidence) {

    public AgentConfig {
        cameras = List.copyOf(cameras);
        sections = List.copyOf(sections);
    }
}
