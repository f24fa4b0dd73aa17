package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.DnpObject;

/** A change of one point, held until the master confirms the response that reported it. */
record BufferedEvent(long order, PointType type, int index, DnpObject value) {
}
