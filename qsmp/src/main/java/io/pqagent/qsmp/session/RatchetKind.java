package io.pqagent.qsmp.session;

/** Symmetric: a fresh token under the current keys. Asymmetric: a fresh signed KEM exchange. */
public enum RatchetKind {
    SYMMETRIC,
    ASYMMETRIC
}
