package org.anpr.edge.hotlist;

import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.MatchKind;

/** One hotlist entry a read matched, and how. */
public record HotlistMatch(HotlistEntry entry, MatchKind kind) {
}
