package org.anpr.central.audit;

/**
 * One line of the audit trail. {@code reason} and {@code caseRef} are set for searches, image
 * views and exports; {@code detail} is the query or the change, as JSON text.
 */
public record AuditEntry(long id, long atMicros, String actor, String role, String address, String action, String target,
                         String reason, String caseRef, String detail, String prevHash, String hash) {
}
