package io.pqagent.sim.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaterStageTest {
    @Test
    void theLevelIntegratesInflowMinusOutflowAndStaysInTheTank() {
        WaterStage s = WaterStage.standard(); // 2.5 m, valve 40 % = 24 m³/h in, pump off
        s.advance(300); // 24 m³/h * 300 s = 2 m³ over 2 m² = +1 m
        assertThat(s.snapshot().levelM()).isCloseTo(3.5, within(1e-9));
        s.commandPump(0, true); // 45 m³/h out: net -21 m³/h
        s.advance(3600);
        StageSnapshot empty = s.snapshot();
        assertThat(empty.levelM()).isZero();
        assertThat(empty.outflowM3h()).as("an empty tank starves the pump").isZero();
        assertThat(empty.lowAlarm()).isTrue();
        s.commandPump(0, false);
        s.commandValve(1, 100);
        s.advance(3600);
        assertThat(s.snapshot().levelM()).isEqualTo(s.limits().tankHeightM());
        assertThat(s.snapshot().highAlarm()).isTrue();
    }

    @Test
    void theValveSlewsTowardsItsSetpoint() {
        WaterStage s = WaterStage.standard();
        s.commandValve(0, 80);
        s.advance(1); // 20 %/s
        assertThat(s.snapshot().valvePct()).isCloseTo(60, within(1e-9));
        assertThat(s.snapshot().valveMoving()).isTrue();
        s.advance(5);
        assertThat(s.snapshot().valvePct()).isEqualTo(80);
        assertThat(s.snapshot().valveMoving()).isFalse();
    }

    @Test
    void everyCommandCountsOnceForItsSlotWhetherOrNotItChangedAnything() {
        WaterStage s = WaterStage.standard();
        s.commandPump(3, true);
        s.commandPump(3, true);
        s.commandValve(3, 150); // clamped
        s.commandValve(4, 10);
        assertThat(s.commands(3)).isEqualTo(3);
        assertThat(s.commands(4)).isEqualTo(1);
        assertThat(s.commands(0)).isZero();
        assertThat(s.lastValveCommand(3)).isEqualTo(100);
        assertThat(s.snapshot().pumpStarts()).as("a start only when it was stopped").isEqualTo(1);
        assertThatThrownBy(() -> s.commands(CommandSlots.COUNT)).hasMessageContaining("slot 8 is not 0..7");
        assertThatThrownBy(() -> s.advance(-1)).hasMessageContaining("cannot go back");
    }
}
