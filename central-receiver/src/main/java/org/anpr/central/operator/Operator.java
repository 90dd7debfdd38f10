package org.anpr.central.operator;

/**
 * An operator's account as stored. The password hash and TOTP secret never leave the server:
 * {@link #toString()} omits them and the API renders accounts through its own view.
 */
public record Operator(long id, String name, Role role, String passwordHash, byte[] totpSecret, long totpLastStep,
                       boolean disabled, long createdMicros, long changedMicros) {
    public boolean hasTotp() {
        return totpSecret != null;
    }

    @Override
    public String toString() {
        return "Operator[" + id + ", " + name + ", " + role.wireName() + (disabled ? ", disabled" : "") + "]";
    }
}
