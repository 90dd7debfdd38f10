package org.anpr.central.store;

/** The store could not do what was asked; nothing of the failed transaction is kept. */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
