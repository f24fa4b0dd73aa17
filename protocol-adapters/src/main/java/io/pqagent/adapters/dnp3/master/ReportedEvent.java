package io.pqagent.adapters.dnp3.master;

import io.pqagent.adapters.dnp3.app.DnpObject;
import io.pqagent.adapters.dnp3.app.ObjectVariation;

/** An event an outstation reported: its variation (g2, g22 or g32), point index and value with time. */
public record ReportedEvent(ObjectVariation variation, int index, DnpObject value) {
}
