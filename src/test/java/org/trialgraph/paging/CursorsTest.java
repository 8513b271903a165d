package org.trialgraph.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorGivesBackItsValuesInOrder() {
        assertThat(Cursors.decode(Cursors.encode("2024-01-05", "NCT01234567"), 2))
                .containsExactly("2024-01-05", "NCT01234567");
    }

    @Test
    void emptyValuesKeepTheirPlaceFirstMiddleAndLast() {
        // A trial without a start date sorts by '' first: its cursor must still have two values.
        assertThat(Cursors.decode(Cursors.encode("", "NCT00002138"), 2)).containsExactly("", "NCT00002138");
        assertThat(Cursors.decode(Cursors.encode("a", "", "b"), 3)).containsExactly("a", "", "b");
        assertThat(Cursors.decode(Cursors.encode("a", ""), 2)).containsExactly("a", "");
    }

    @Test
    void aCursorOfAnotherListIsRefusedNamingIt() {
        String oneValue = Cursors.encode("NCT00002138");
        assertThatThrownBy(() -> Cursors.decode(oneValue, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a cursor of this list: " + oneValue);
    }
}
