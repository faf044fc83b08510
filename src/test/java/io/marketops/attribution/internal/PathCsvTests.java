package io.marketops.attribution.internal;

import io.marketops.attribution.PathTable;
import io.marketops.core.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathCsvTests {

    static PathTable read(String csv) {
        return PathCsv.read(new StringReader(csv), 1000);
    }

    @Test
    void readsChannelAttributionLayout() {
        PathTable t = read("path;total_conversions;total_conversion_value;total_null\nc1 > c2 > c3;1;1000;0\nc1;0;0;1\n");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.pathText(0)).isEqualTo("c1 > c2 > c3");
        assertThat(t.totalConversions()).isEqualTo(1);
        assertThat(t.totalValue()).isEqualTo(1000);
        assertThat(t.totalNulls()).isEqualTo(1);
    }

    @Test
    void acceptsCommasColumnsInAnyOrderAndNoOptionalColumns() {
        PathTable t = read("total_conversions,path\n3,\"a > b\"\n");
        assertThat(t.pathText(0)).isEqualTo("a > b");
        assertThat(t.conversions(0)).isEqualTo(3);
        assertThat(t.totalNulls()).isZero();
    }

    @Test
    void trimsNamesAndSkipsEmptyPiecesAsChannelAttributionDoes() {
        PathTable t = read("path;total_conversions\n  a >  > b  ;1\n\n");
        assertThat(t.channels()).containsExactly("a", "b");
        assertThat(t.size()).isEqualTo(1);
    }

    @Test
    void refusesAMissingHeaderColumnNamingWhatIsNeeded() {
        assertThatThrownBy(() -> read("route;conv\na;1\n")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("line 1").hasMessageContaining("path and total_conversions");
    }

    @Test
    void refusesABadNumberWithItsLine() {
        assertThatThrownBy(() -> read("path;total_conversions;total_conversion_value;total_null\na;1;2;0\nb;1.5;0;0\n"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("line 3").hasMessageContaining("total_conversions '1.5'");
        assertThatThrownBy(() -> read("path;total_conversions;total_conversion_value;total_null\na;1;-2;0\n"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("line 2").hasMessageContaining("total_conversion_value");
    }

    @Test
    void refusesAnEmptyPathWithItsLine() {
        assertThatThrownBy(() -> read("path;total_conversions\na;1\n > ;2\n")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("line 3").hasMessageContaining("path has no channel");
    }

    @Test
    void refusesValueOnAPathWithoutConversionsSoItIsNotLost() {
        assertThatThrownBy(() -> read("path;total_conversions;total_conversion_value;total_null\na;0;5;1\n"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("line 2").hasMessageContaining("value must be 0");
    }

    @Test
    void refusesEmptyFilesAndTooManyRows() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InvalidRequest.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("path;total_conversions\n")).isInstanceOf(InvalidRequest.class).hasMessageContaining("no paths");
        StringBuilder big = new StringBuilder("path;total_conversions\n");
        for (int i = 0; i < 1001; i++) big.append("a;1\n");
        assertThatThrownBy(() -> read(big.toString())).isInstanceOf(InvalidRequest.class).hasMessageContaining("more than 1000");
    }
}
