package org.anpr.central.operator;

/**
 * Who a request acts for: an operator signed in with a session, or a machine client's API token
 * (then {@code name} is the token's name and {@code tokenId} its id).
 *
 * @param sessionId the session's id as the audit may name it (not the cookie value), or null for a token
 */
public record Principal(long operatorId, String name, Role role, String sessionId, String tokenId) {
    public boolean viaToken() {
        return tokenId != null;
    }

    /** How the audit names the actor: {@code alice} or {@code token:ab12cd34ef56 (name)}. */
    public String actor() {
        return viaToken() ? "token:" + tokenId + " (" + name + ")" : name;
    }
}
