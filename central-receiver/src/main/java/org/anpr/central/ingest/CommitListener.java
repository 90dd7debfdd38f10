package org.anpr.central.ingest;

import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.v1.Envelope;

/** Runs after a valid message is durably committed (on the writer thread: keep it short, never block). */
@FunctionalInterface
public interface CommitListener {
    void committed(String gantryId, Topic topic, Envelope envelope, byte[] payload);
}
