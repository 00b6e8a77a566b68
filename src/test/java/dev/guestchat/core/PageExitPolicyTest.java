package dev.guestchat.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The whole decision table of DESIGN.md §3, every combination. */
class PageExitPolicyTest {
    @Test
    void everyCombination() {
        int checked = 0;
        for (EndOnPageExit mode : new EndOnPageExit[] {EndOnPageExit.LEAVE, EndOnPageExit.ALWAYS, EndOnPageExit.NEVER}) {
            for (int bits = 0; bits < 16; bits++) {
                boolean active = (bits & 1) != 0;
                boolean open = (bits & 2) != 0;
                boolean otherTabs = (bits & 4) != 0;
                boolean sameSite = (bits & 8) != 0;
                boolean leaves = mode == EndOnPageExit.NEVER ? false
                        : mode == EndOnPageExit.ALWAYS ? !otherTabs : !otherTabs && !sameSite;
                int expected = active && leaves ? (open ? PageExitPolicy.END_NOW : PageExitPolicy.END_LATER)
                        : (open ? PageExitPolicy.CLOSE_SOCKET : PageExitPolicy.NOTHING);
                assertEquals(expected, PageExitPolicy.decide(mode, active, open, otherTabs, sameSite),
                        name(mode) + " active=" + active + " open=" + open + " otherTabs=" + otherTabs + " sameSite=" + sameSite);
                checked++;
            }
        }
        assertEquals(48, checked);
    }

    static String name(EndOnPageExit mode) {
        return mode == EndOnPageExit.LEAVE ? "LEAVE" : mode == EndOnPageExit.ALWAYS ? "ALWAYS" : "NEVER";
    }

    @Test
    void optionParsingDefaultsToLeave() {
        assertEquals(EndOnPageExit.LEAVE, EndOnPageExit.parse(null));
        assertEquals(EndOnPageExit.LEAVE, EndOnPageExit.parse("sometimes"));
        assertEquals(EndOnPageExit.ALWAYS, EndOnPageExit.parse("always"));
        assertEquals(EndOnPageExit.NEVER, EndOnPageExit.parse("never"));
    }
}
