package io.pqagent.adapters.opcua;

import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.ServerTable;
import org.eclipse.milo.opcua.stack.core.channel.EncodingLimits;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingManager;
import org.eclipse.milo.opcua.stack.core.encoding.OpcUaEncodingManager;
import org.eclipse.milo.opcua.stack.core.types.DataTypeManager;
import org.eclipse.milo.opcua.stack.core.types.OpcUaDataTypeManager;

/**
 * Milo's encoding context for one message the filter decodes: the standard OPC UA types, and limits
 * fitted to that message. Milo sizes an array from the length on the wire, checked only against
 * {@code maxMessageSize}, so that is set to the message's own length (no array can hold more elements
 * than the bytes that remain); nesting of Variants and DiagnosticInfos is held to {@link #MAX_DEPTH}.
 */
final class BoundedEncodingContext implements EncodingContext {
    /** Milo's default is 128; real requests nest a handful of levels. */
    static final int MAX_DEPTH = 32;
    /** EncodingLimits insists on a chunk size of at least 8196; the filter enforces chunk sizes itself. */
    private static final int CHUNK_SIZE_FLOOR = 8196;

    private final EncodingLimits limits;
    private final NamespaceTable namespaces = new NamespaceTable();
    private final ServerTable servers = new ServerTable();

    BoundedEncodingContext(int messageSize) {
        this.limits = new EncodingLimits(CHUNK_SIZE_FLOOR, 1, Math.max(messageSize, 1), MAX_DEPTH);
    }

    @Override
    public DataTypeManager getDataTypeManager() {
        return OpcUaDataTypeManager.getInstance();
    }

    @Override
    public EncodingManager getEncodingManager() {
        return OpcUaEncodingManager.getInstance();
    }

    @Override
    public EncodingLimits getEncodingLimits() {
        return limits;
    }

    @Override
    public NamespaceTable getNamespaceTable() {
        return namespaces;
    }

    @Override
    public ServerTable getServerTable() {
        return servers;
    }
}
