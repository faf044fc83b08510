package io.marketops.imports;

import com.microsoft.playwright.Page;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A person imports an order export in the browser: suggested mapping, preview, progress, result, rejected rows, history. */
@IntegrationTest
class ImportPageBrowserTests {
    @LocalServerPort int port;

    @Test
    void importsAFileThroughThePageWithSuggestedMappingAndShowsTheResult() throws Exception {
        Path file = Files.createTempFile("天猫订单", ".csv");
        Files.write(file, ImportFixtures.utf8Bom(ImportFixtures.ordersWithBadRows().replace("T10", "B10")));
        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            page.navigate("http://127.0.0.1:" + port + "/login");
            page.fill("#username", TestUsers.ADMIN_EMAIL);
            page.fill("#password", TestUsers.ADMIN_PASSWORD);
            page.click("button[type=submit]");
            page.navigate("http://127.0.0.1:" + port + "/imports?lang=zh-CN");   // this test reads Chinese; the shared admin's saved language depends on test order

            page.selectOption("#kind", "orders");
            page.setInputFiles("#file", file);
            page.click("#upload-form button[type=submit]");
            page.waitForSelector("#mapping:not([hidden])");
            assertThat(page.inputValue("select[data-header='订单编号']")).isEqualTo("order_id");
            assertThat(page.inputValue("select[data-header='买家实际支付金额']")).isEqualTo("amount");
            assertThat(page.locator("#preview-table tbody tr").count()).isEqualTo(5);
            assertThat(page.textContent("#file-info")).contains("UTF-8 (BOM)");

            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "imports-preview.png")).setFullPage(true));
            page.click("#start");
            page.waitForSelector("#import-done:not([hidden])");
            assertThat(page.textContent("#import-done")).contains("5").contains("拒绝 2");
            assertThat(page.isVisible("#rejected-link")).isTrue();
            assertThat(page.textContent("#rejections")).contains("#3 order_time").contains("#5 amount");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "imports-done.png")).setFullPage(true));

            page.navigate("http://127.0.0.1:" + port + "/imports?kind=orders");
            assertThat(page.textContent("#history-table")).contains(file.getFileName().toString()).contains("已完成");
        }
    }
}
