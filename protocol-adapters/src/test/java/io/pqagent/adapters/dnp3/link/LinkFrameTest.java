package io.pqagent.adapters.dnp3.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LinkFrameTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void requestLinkStatusFromMasterOneToOutstationTenIsTenOctets() {
        // control C9 = DIR 1, PRM 1, FCB 0, FCV 0, function 9; destination 10, source 1; CRC by the check-value CRC
        LinkFrame f = new LinkFrame(LinkControl.of(true, LinkFunction.REQUEST_LINK_STATUS), 10, 1, new byte[0]);
        assertThat(HEX.formatHex(f.encode())).isEqualTo("056405c90a000100feda");
    }

    @Test
    void userDataGoesInSixteenOctetBlocksEachWithItsCrc() {
        byte[] data = new byte[20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        LinkFrame f = new LinkFrame(LinkControl.of(true, LinkFunction.UNCONFIRMED_USER_DATA), 10, 1, data);
        byte[] wire = f.encode();
        assertThat(wire).hasSize(10 + 16 + 2 + 4 + 2);
        assertThat(wire[2] & 0xFF).as("length = 5 + user data").isEqualTo(25);
        assertThat(wire[3] & 0xFF).as("DIR PRM, UNCONFIRMED_USER_DATA").isEqualTo(0xC4);
        assertThat(Crc16Dnp.matches(wire, 0, 8)).isTrue();
        assertThat(Crc16Dnp.matches(wire, 10, 16)).isTrue();
        assertThat(Crc16Dnp.matches(wire, 28, 4)).isTrue();
        assertThat(wire[28]).isEqualTo((byte) 16);
    }

    @Test
    void theLargestFrameIs292Octets() {
        assertThat(LinkFrame.MAX_FRAME_SIZE).isEqualTo(292);
        LinkFrame f = new LinkFrame(LinkControl.of(false, LinkFunction.UNCONFIRMED_USER_DATA), 1, 10, new byte[250]);
        assertThat(f.encode()).hasSize(292);
        assertThat(f.encode()[2] & 0xFF).isEqualTo(255);
        assertThatThrownBy(() -> new LinkFrame(f.control(), 1, 10, new byte[251]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("251");
    }

    @Test
    void controlOctetBitsFollowTheStandard() {
        LinkControl c = LinkControl.decode(0xF3); // DIR PRM FCB FCV, CONFIRMED_USER_DATA
        assertThat(c).isEqualTo(new LinkControl(true, true, true, true, 3));
        assertThat(c.function()).contains(LinkFunction.CONFIRMED_USER_DATA);
        assertThat(c.encode()).isEqualTo(0xF3);
        assertThat(LinkControl.decode(0x0B).function()).contains(LinkFunction.LINK_STATUS);
        assertThat(LinkControl.decode(0x4F).function()).as("primary code 15 is reserved").isEmpty();
    }
}
