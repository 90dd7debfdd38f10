package org.anpr.provision.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anpr.provision.diagnostics.ValidationError;
import org.anpr.provision.validation.LoadedProfile;
import org.anpr.provision.validation.ValidationResult;

/**
 * {@code --json}: the result as one document for scripts:
 * {@code {"valid": false, "networks": 1, "profiles": [{"file", "gantryId", "valid"}],
 * "errors": [{"file", "line", "column", "field", "problem", "allowed", "message"}]}}
 * ({@code allowed} may be null; {@code message} is the line the text output prints).
 */
final class JsonReport {
    private JsonReport() {
    }

    static String toJson(ValidationResult r) {
        ObjectNode root = Json.object();
        root.put("valid", r.valid());
        root.put("networks", r.networks());
        ArrayNode profiles = root.putArray("profiles");
        for (LoadedProfile p : r.profiles()) {
            profiles.addObject()
                    .put("file", p.file().toString())
                    .put("gantryId", p.profile() == null ? null : p.profile().id())
                    .put("valid", p.valid());
        }
        ArrayNode errors = root.putArray("errors");
        for (ValidationError e : r.errors()) {
            errors.addObject()
                    .put("file", e.file().toString())
                    .put("line", e.line())
                    .put("column", e.column())
                    .put("field", e.field())
                    .put("problem", e.problem())
                    .put("allowed", e.allowed())
                    .put("message", e.toString());
        }
        return Json.write(root);
    }
}
