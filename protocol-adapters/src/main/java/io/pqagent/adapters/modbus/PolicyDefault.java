package io.pqagent.adapters.modbus;

/** What a policy answers where none of its lists speaks: {@code default: deny} (the default) or {@code allow}. */
public enum PolicyDefault {
    DENY,
    ALLOW
}
