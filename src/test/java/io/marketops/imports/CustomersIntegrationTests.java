package io.marketops.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketops.support.Api;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.internal.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers' PII stays out of the warehouse, is encrypted in PostgreSQL, masked without pii.view, and every view is audited. */
@IntegrationTest
class CustomersIntegrationTests {
    static final String CSV = """
            会员ID,姓名,手机号,邮箱,openid,城市,性别,年龄,会员等级,短信订阅,渠道来源备注
            M001,张三,138 1234 5678,ZHANG@example.com,oAbCdEf123456,上海,男,29,金卡,是,朋友推荐
            M002,李四,+86 13987654321,li@example.com,,北京,女,41,银卡,否,
            M003,王五,12345,wang@example.com,,杭州,男,35,普通,是,
            """;

    @LocalServerPort int port;
    @Autowired TestWorkspaces workspaces;
    @Autowired Warehouse warehouse;
    @Autowired JdbcClient db;
    @Autowired ApiTokens tokens;

    TestWorkspaces.Fresh ws;
    ImportClient client;

    @BeforeEach
    void importCustomers() {
        ws = workspaces.create("customers");
        client = new ImportClient(port, ws.token());
    }

    private JsonNode upload() {
        var r = client.upload("/api/v1/imports/customers", "members.csv", CSV.getBytes(StandardCharsets.UTF_8),
                "{\"columns\":{\"渠道来源备注\":\"trait\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void keepsPiiOutOfTheWarehouseAndEncryptedInPostgres() {
        JsonNode s = upload();

        assertThat(s.get("imported").asLong()).isEqualTo(2);
        assertThat(s.get("rejections").get(0).get("row").asLong()).isEqualTo(4);
        assertThat(s.get("rejections").get(0).get("field").asText()).isEqualTo("phone");
        var facts = warehouse.sql().sql("SELECT customer_id, city, gender, age_band, tier FROM customers WHERE workspace_id = ? ORDER BY customer_id")
                .param(ws.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5)).list();
        assertThat(facts).containsExactly("M001|上海|male|25-34|金卡", "M002|北京|female|35-44|银卡");
        String stored = db.sql("SELECT phone_enc || email_enc || name_enc FROM imports_customer_pii WHERE workspace_id = ? AND customer_id = 'M001'")
                .param(ws.id()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("13812345678").doesNotContain("example.com").doesNotContain("张三");
    }

    @Test
    void masksContactsWithoutPiiViewAndAuditsUnmaskedViews() {
        upload();
        // a data analyst may read data but not PII
        var analyst = new Api(port, tokens.create(ws.workspace().id(), "analyst", Role.DATA_ANALYST, "test", null).secret());
        var admin = new Api(port, ws.token());

        JsonNode masked = analyst.get("/api/v1/customer-contacts").json().get("items").get(0);
        assertThat(masked.get("phone").asText()).isEqualTo("138****5678");
        assertThat(masked.get("email").asText()).isEqualTo("z***@example.com");
        assertThat(masked.get("name").asText()).isEqualTo("张**");
        assertThat(masked.get("masked").asBoolean()).isTrue();

        JsonNode plain = admin.get("/api/v1/customer-contacts/M001").json();
        assertThat(plain.get("phone").asText()).isEqualTo("13812345678");
        assertThat(plain.get("email").asText()).isEqualTo("zhang@example.com");
        assertThat(plain.get("consents").get("sms").asBoolean()).isTrue();
        assertThat(plain.get("traits").get("渠道来源备注").asText()).isEqualTo("朋友推荐");
        assertThat(admin.get("/api/v1/audit?action=pii.viewed").body()).contains("customer:M001");
    }

    @Test
    void reimportChangesOnlyTheMappedFields() {
        upload();
        String tierOnly = "会员ID,会员等级\nM001,钻石卡\n";
        var r = client.upload("/api/v1/imports/customers", "tiers.csv", tierOnly.getBytes(StandardCharsets.UTF_8), null);

        assertThat(r.json().get("updated").asLong()).isEqualTo(1);
        var row = warehouse.sql().sql("SELECT city || '|' || tier FROM customers WHERE workspace_id = ? AND customer_id = 'M001'")
                .param(ws.id()).query(String.class).single();
        assertThat(row).isEqualTo("上海|钻石卡");
    }
}
