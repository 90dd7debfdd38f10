package org.anpr.provision.schema;

/**
 * What one value of a profile may be. The profile format is written once as a tree of specs
 * ({@code profile.ProfileFormat}); {@link SpecChecker} checks YAML against it with line and column,
 * and {@link JsonSchemaWriter} turns the same tree into the published JSON Schema, so the two
 * cannot disagree.
 */
public sealed interface Spec permits ObjectSpec, ListSpec, ScalarSpec, ChoiceSpec {
    /** A valid value in words, for error messages: {@code a whole number from 1 to 16}. */
    String expected();
}
