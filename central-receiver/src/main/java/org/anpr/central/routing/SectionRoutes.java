package org.anpr.central.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.central.config.SectionsConfig.Route;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The configured speed sections, and what a gantry may say about them: only a section's entry
 * publishes its passages, and only to its exit; only its exit publishes its violations, over a
 * vehicle its entry read. Without this, any authenticated gantry could plant an entry passage and
 * make a real exit gantry seal a violation for any plate.
 */
public final class SectionRoutes {
    private final Map<String, Route> byId = new HashMap<>();

    public SectionRoutes(List<Route> routes) {
        routes.forEach(r -> byId.put(r.id(), r));
    }

    /** Why {@code publisher} may not send this passage, or null when it may. */
    public String refusePassage(String publisher, SectionPassage p) {
        Route r = byId.get(p.getSectionId());
        if (r == null) {
            return unknown("passage", p.getSectionId(), publisher);
        }
        if (!r.entry().equals(publisher) || !r.entry().equals(p.getEntryGantryId())) {
            return "gantry " + publisher + " sent a passage of section '" + r.id() + "', whose entry is " + r.entry();
        }
        if (!r.exit().equals(p.getExitGantryId())) {
            return "passage of section '" + r.id() + "' addressed to " + p.getExitGantryId() + ", but its exit is " + r.exit();
        }
        return null;
    }

    /** Why {@code publisher} may not send this violation, or null when it may. */
    public String refuseViolation(String publisher, SectionViolation v) {
        Route r = byId.get(v.getSectionId());
        if (r == null) {
            return unknown("violation", v.getSectionId(), publisher);
        }
        if (!r.exit().equals(publisher)) {
            return "gantry " + publisher + " sent a violation of section '" + r.id() + "', whose exit is " + r.exit();
        }
        if (!r.entry().equals(v.getEntryRead().getGantryId())) {
            return "violation of section '" + r.id() + "' with an entry read by " + v.getEntryRead().getGantryId()
                    + ", but its entry is " + r.entry();
        }
        return null;
    }

    private String unknown(String what, String section, String publisher) {
        return "gantry " + publisher + " sent a " + what + " of section '" + section + "', which is not configured here"
                + (byId.isEmpty() ? " (no sections are: see sections.routes in the receiver's configuration)" : "");
    }
}
