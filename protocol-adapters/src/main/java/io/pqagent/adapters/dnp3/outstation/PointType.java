package io.pqagent.adapters.dnp3.outstation;

import io.pqagent.adapters.dnp3.app.ObjectVariation;

/** The measured point types of the data model, with the event class and variations the outstation reports them in. */
enum PointType {
    BINARY_INPUT(1, ObjectVariation.G1V2, ObjectVariation.G2V2),
    ANALOG_INPUT(2, ObjectVariation.G30V5, ObjectVariation.G32V7),
    COUNTER(3, ObjectVariation.G20V1, ObjectVariation.G22V5);

    final int eventClass;
    final ObjectVariation staticVariation;
    final ObjectVariation eventVariation;

    PointType(int eventClass, ObjectVariation staticVariation, ObjectVariation eventVariation) {
        this.eventClass = eventClass;
        this.staticVariation = staticVariation;
        this.eventVariation = eventVariation;
    }
}
