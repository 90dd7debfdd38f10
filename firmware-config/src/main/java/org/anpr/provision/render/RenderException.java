package org.anpr.provision.render;

/** A profile could not be rendered (e.g. a referenced secret file is not readable). */
public final class RenderException extends Exception {
    public RenderException(String message) {
        super(message);
    }
}
