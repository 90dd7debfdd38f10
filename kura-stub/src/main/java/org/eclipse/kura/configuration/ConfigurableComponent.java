package org.eclipse.kura.configuration;

/**
 * Stand-in for Eclipse Kura's marker interface of the same name (empty there too; package
 * exported at version 1.2.0 by Kura 5.4, 5.6 and 6.0). Kura's configuration service tracks
 * components registered under it and offers their metatype in its web UI.
 */
public interface ConfigurableComponent {
}
