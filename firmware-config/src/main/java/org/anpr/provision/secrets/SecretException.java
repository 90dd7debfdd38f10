package org.anpr.provision.secrets;

/** A secret file a profile references cannot be used; the message names the file and the field. */
public final class SecretException extends Exception {
    public SecretException(String message) {
        super(message);
    }
}
