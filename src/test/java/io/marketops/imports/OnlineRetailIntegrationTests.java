package io.marketops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The 541,909 real order lines of UCI Online Retail import as orders grouped by invoice, with the README's figures. */
@IntegrationTest
class OnlineRetailIntegrationTests {
    @LocalServerPort int port;
    @Autowired TestWorkspaces workspaces;
    @Autowired Warehouse warehouse;

    @Test
    void importsAsOrdersGroupedByInvoiceReproducingTheReadmeFigures() {
        Path gz = OnlineRetail.gz().orElse(null);
        assumeThat(gz).as("../shared/data/online-retail/online_retail.csv.gz").isNotNull();
        var ws = workspaces.create("online-retail");

        JsonNode s = ImportsApiPolling.importAndWait(new ImportClient(port, ws.token()), port, ws.token(), "orders", "online_retail.csv",
                OnlineRetail.csv(gz), OnlineRetail.MAPPING);

        assertThat(s.get("rows").asLong()).isEqualTo(OnlineRetail.LINES);
        assertThat(s.get("rejected").asLong()).isZero();
        assertThat(s.get("imported").asLong()).isEqualTo(OnlineRetail.INVOICES);
        assertThat(s.get("otherCurrencyRows").asLong()).isEqualTo(OnlineRetail.LINES);
        var paid = warehouse.sql().sql("SELECT count(*), count(DISTINCT customer_id), sum(amount) FROM orders"
                        + " WHERE workspace_id = ? AND status = 'paid' AND customer_id IS NOT NULL")
                .param(ws.id()).query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)}).single();
        assertThat(paid[0]).isEqualTo(OnlineRetail.PAID_INVOICES_WITH_CUSTOMER);
        assertThat(paid[1]).isEqualTo(OnlineRetail.CUSTOMERS_WITH_PAID_ORDER);
        assertThat(((BigDecimal) paid[2]).subtract(new BigDecimal(OnlineRetail.REVENUE)).abs()).isLessThan(new BigDecimal("0.01"));
        long customers = warehouse.sql().sql("SELECT count(DISTINCT customer_id) FROM orders WHERE workspace_id = ?").param(ws.id()).query(Long.class).single();
        assertThat(customers).isEqualTo(OnlineRetail.CUSTOMER_IDS);
        String firstTime = warehouse.sql().sql("SELECT strftime(timezone('UTC', order_time), '%Y-%m-%d %H:%M') FROM orders WHERE workspace_id = ? AND order_id = '536365'")
                .param(ws.id()).query(String.class).single();
        assertThat(firstTime).isEqualTo("2010-12-01 08:26"); // London was on GMT in December
    }
}
