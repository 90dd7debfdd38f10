package org.anpr.provision.schema;

/** A YAML list whose items all follow {@code items}. */
public record ListSpec(Spec items, int minItems, int maxItems) implements Spec {
    public static ListSpec of(Spec items, int minItems, int maxItems) {
        return new ListSpec(items, minItems, maxItems);
    }

    @Override
    public String expected() {
        return "a list of " + minItems + " to " + maxItems + " items, each " + items.expected();
    }
}
