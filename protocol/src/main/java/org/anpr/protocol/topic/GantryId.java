package org.anpr.protocol.topic;

/**
 * Identifiers of gantries, cameras and sections: 1–64 characters of {@code A-Z a-z 0-9 . _ -},
 * starting with a letter or digit. They become MQTT topic levels, so wildcards and slashes
 * must never get in.
 */
public final class GantryId {
    public static final int MAX_LENGTH = 64;

    private GantryId() {
    }

    public static boolean isValid(String id) {
        return problemWith(id) == null;
    }

    /** Why {@code id} is not a valid identifier, or null. */
    public static String problemWith(String id) {
        if (id == null || id.isEmpty()) {
            return "id is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "id has " + id.length() + " characters, at most " + MAX_LENGTH + " allowed";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return String.format("id '%s' has a disallowed character at position %d", id.length() > 80 ? id.substring(0, 80) : id, i);
            }
        }
        return null;
    }
}
