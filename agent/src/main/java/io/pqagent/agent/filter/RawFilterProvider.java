package io.pqagent.agent.filter;

/** {@code protocol: raw}: bytes pass unchanged both ways; a raw service has no policy to check. */
public final class RawFilterProvider implements StreamFilterProvider {
    private static final StreamFilter PASS_THROUGH = new StreamFilter() {
        @Override
        public void fromOpener(byte[] data, FilterOutput out) {
            out.toTarget(data);
        }

        @Override
        public void fromTarget(byte[] data, FilterOutput out) {
            out.toOpener(data);
        }
    };

    @Override
    public String protocol() {
        return "raw";
    }

    @Override
    public void validate(FilterContext context) {
        if (!context.policy().isEmpty()) {
            throw new IllegalArgumentException("service " + context.service()
                    + ": a raw service takes no policy (protocol raw forwards bytes unchecked)");
        }
    }

    @Override
    public StreamFilter open(FilterContext context) {
        return PASS_THROUGH;
    }
}
