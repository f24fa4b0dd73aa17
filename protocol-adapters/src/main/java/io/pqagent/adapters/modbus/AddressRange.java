package io.pqagent.adapters.modbus;

/**
 * Addresses {@code first..last} of one data table, both inclusive, as PDU addresses (0-based: holding
 * register "40001" is address 0).
 */
public record AddressRange(int first, int last) {
    public static final int MAX_ADDRESS = 0xFFFF;

    public AddressRange {
        if (first < 0 || last > MAX_ADDRESS || first > last) {
            throw new IllegalArgumentException("address range " + first + "-" + last + " is not within 0..65535 with first <= last");
        }
    }

    /** The {@code quantity} addresses from {@code start}; the caller has checked they end by 65535. */
    public static AddressRange of(int start, int quantity) {
        return new AddressRange(start, start + quantity - 1);
    }

    /**
     * A range as a policy writes it: {@code "100-199"} or a single address {@code "7"}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static AddressRange parse(String text) {
        String t = text.strip();
        int dash = t.indexOf('-', 1);
        try {
            int first = Integer.parseInt(dash < 0 ? t : t.substring(0, dash).strip());
            int last = dash < 0 ? first : Integer.parseInt(t.substring(dash + 1).strip());
            return new AddressRange(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address or a range like 0-99");
        }
    }

    public boolean contains(AddressRange other) {
        return first <= other.first && other.last <= last;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
