package io.marketops.core;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryTests {
    @Test
    void defaultsToTheFirstPageOfFifty() {
        var q = PageQuery.parse(null, null, null, Set.of("name"), "name");
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.size()).isEqualTo(50);
        assertThat(q.offset()).isZero();
        assertThat(q.direction()).isEqualTo("ASC");
    }

    @Test
    void parsesSortDirectionAndOffset() {
        var q = PageQuery.parse(3, 20, "createdAt,desc", Set.of("createdAt"), "createdAt");
        assertThat(q.offset()).isEqualTo(40);
        assertThat(q.descending()).isTrue();
    }

    @Test
    void refusesUnknownSortFieldsAndBadSizesNamingTheField() {
        assertThatThrownBy(() -> PageQuery.parse(1, 10, "password", Set.of("name"), "name"))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("sort").hasMessageContaining("name");
        assertThatThrownBy(() -> PageQuery.parse(0, 10, null, Set.of("name"), "name")).hasMessageStartingWith("page:");
        assertThatThrownBy(() -> PageQuery.parse(1, 501, null, Set.of("name"), "name")).hasMessageStartingWith("size:");
        assertThatThrownBy(() -> PageQuery.parse(1, 10, "name,sideways", Set.of("name"), "name")).hasMessageContaining("asc or desc");
    }

    @Test
    void pageResultCountsPages() {
        var r = PageResult.of(java.util.List.of("a"), new PageQuery(1, 10, "x", false), 21);
        assertThat(r.pages()).isEqualTo(3);
    }
}
