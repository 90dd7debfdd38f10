package org.anpr.central.audit;

import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.QueryParam;

/**
 * Why personal data is looked at: a reason and a case reference, both mandatory for searches,
 * image views and exports (ANPR law in Belgium and most of Europe). Without them the request is
 * refused with 400 before anything is read.
 */
public record Purpose(String reason, String caseRef) {
    public static final int MIN_REASON = 5;
    public static final int MAX_REASON = 500;
    public static final int MAX_CASE = 100;
    public static final QueryParam REASON = QueryParam.required("reason",
            "why this data is needed (" + MIN_REASON + "-" + MAX_REASON + " characters); recorded in the audit trail");
    public static final QueryParam CASE = QueryParam.required("case", "the case or incident reference (at most " + MAX_CASE + " characters)");

    public static Purpose of(ApiRequest request) throws ApiException {
        String reason = request.param("reason");
        String caseRef = request.param("case");
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "a reason is required for this request (it is recorded in the audit trail)");
        }
        if (reason.strip().length() < MIN_REASON || reason.length() > MAX_REASON) {
            throw ApiException.badRequest("reason", "the reason must be " + MIN_REASON + "-" + MAX_REASON + " characters, was "
                    + reason.strip().length());
        }
        if (caseRef == null || caseRef.isBlank()) {
            throw ApiException.badRequest("case", "a case reference is required for this request (it is recorded in the audit trail)");
        }
        if (caseRef.length() > MAX_CASE) {
            throw ApiException.badRequest("case", "the case reference must be at most " + MAX_CASE + " characters");
        }
        return new Purpose(reason.strip(), caseRef.strip());
    }
}
