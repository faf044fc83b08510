package io.marketops.experiments.web;

import com.microsoft.playwright.Page;
import io.marketops.support.Api;
import io.marketops.support.Browser;
import io.marketops.support.IntegrationTest;
import io.marketops.support.TestWorkspaces;
import io.marketops.warehouse.EventRow;
import io.marketops.warehouse.Warehouse;
import io.marketops.workspace.Role;
import io.marketops.workspace.Workspaces;
import io.marketops.workspace.internal.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer opens an experiment's results page: the decision guide says what to do in plain
 * words (both languages), the SRM banner appears when the split is broken, and the lifecycle
 * buttons record the decision. The JS helper gets the same variant as the API. Each test signs
 * in as its own admin of its own workspace, so language choices never leak into other tests.
 */
@IntegrationTest
class ExperimentPageBrowserTests {
    @LocalServerPort
    int port;
    static final String PASSWORD = "experiments-Pass-1";
    @Autowired
    Warehouse warehouse;
    @Autowired
    TestWorkspaces testWorkspaces;
    @Autowired
    Workspaces workspaces;
    @Autowired
    Users users;
    TestWorkspaces.Fresh ws;
    String email;

    @org.junit.jupiter.api.BeforeEach
    void ownWorkspaceAndAdmin() {
        ws = testWorkspaces.create("experiment pages");
        email = "exp-" + UUID.randomUUID().toString().substring(0, 8) + "@brand.cn";
        workspaces.addMember(ws.workspace().id(), users.create(email, "实验分析师", PASSWORD), Role.ADMIN);
    }

    Api api() {
        return new Api(port, ws.token());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A running experiment in the test's own workspace where variant "in-use" converts far better.
     * Deterministic on purpose: the key is fixed (the workspace is fresh), so the hash split of the
     * 400 visitors, and with it the SRM check, is the same on every run; the purchases are written
     * after every assignment has answered (so after every exposure), and the page copies pending
     * exposures of this process before it reads them. Some visitors also bought two days before
     * the test, which gives CUPED pre-period data.
     */
    String winningExperiment() {
        String key = "cover-test";
        api().post("/api/v1/experiments", ExperimentApiIntegrationTests.design(key));
        api().post("/api/v1/experiments/" + key + "/start", Map.of());
        long workspaceId = ws.id();
        Map<String, String> variants = new java.util.HashMap<>();
        for (int i = 0; i < 400; i++) {
            String user = key + "-u" + i;
            variants.put(user, api().get("/api/v1/experiments/" + key + "/assignment?userId=" + user).json().get("variant").asText());
        }
        assertThat(api().get("/api/v1/experiments/" + key + "/exposures").json().get("total").asLong()).isEqualTo(400);
        Instant after = Instant.now();
        warehouse.append(a -> variants.forEach((user, v) -> {
            int n = Integer.parseInt(user.substring(user.lastIndexOf('u') + 1));
            boolean buys = v.equals("in-use") ? n % 10 < 6 : n % 10 < 2;
            if (buys) a.event(purchase(workspaceId, user, "o-" + user, after));
            if (n % 10 == 9) a.event(purchase(workspaceId, user, "before-" + user, after.minus(java.time.Duration.ofDays(2))));
        }));
        return key;
    }

    private static EventRow purchase(long workspaceId, String user, String orderId, Instant at) {
        return new EventRow(workspaceId, "p-" + orderId, "track", "purchase", user, user, at, at, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, "web", new BigDecimal("59.00"), "CNY", orderId,
                null, null, null);
    }

    void signIn(Page page) {
        page.navigate(base() + "/login");
        page.fill("#username", email);
        page.fill("#password", PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Test
    void theDecisionGuideSaysShipTheWinnerThenTheDecisionIsRecorded() throws Exception {
        String key = winningExperiment();
        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            signIn(page);
            page.navigate(base() + "/experiments/" + key + "?lang=zh-CN");
            long analysed = 0;
            for (String v : java.util.List.of("control", "in-use")) {
                analysed += Long.parseLong(page.textContent("[data-metric=orders] tr[data-variant=" + v + "] td:nth-child(2)").trim().replace(",", ""));
            }
            assertThat(analysed).as("every exposed visitor is in the results").isEqualTo(400);
            assertThat(page.getAttribute("#decision-guide", "data-verdict")).isEqualTo("SHIP");
            assertThat(page.textContent("[data-metric=orders] [data-field=cuped]")).contains("CUPED").contains("14");
            assertThat(page.isVisible("[data-metric=orders] [data-variance-reduction=in-use]")).isTrue();
            assertThat(page.textContent("#decision-guide .verdict")).isEqualTo("上线 in-use");
            assertThat(page.isVisible("#srm-warning")).isFalse();
            assertThat(page.textContent("[data-metric=orders] tr[data-variant=in-use] [data-field=lift]")).startsWith("+");
            screenshot(page, "experiment-zh.png");

            page.click("text=English");
            assertThat(page.textContent("#decision-guide .verdict")).isEqualTo("Ship in-use");
            assertThat(page.textContent("#decision-guide")).contains("beats the control");
            screenshot(page, "experiment-en.png");

            page.click("#lifecycle button.danger");
            assertThat(page.getAttribute("#status", "data-status")).isEqualTo("stopped");
            page.selectOption("#decision", "ship");
            page.selectOption("#shippedVariant", "in-use");
            page.fill("#reason", "Orders per visitor tripled; SRM check clean");
            page.click("#decide button[type=submit]");
            assertThat(page.getAttribute("#status", "data-status")).isEqualTo("decided");
            assertThat(page.textContent("#decision")).contains("Orders per visitor tripled");
            assertThat(api().get("/api/v1/experiments/" + key).json().get("decision").asText()).isEqualTo("ship");
        }
    }

    @Test
    void numbersWithABrokenSplitRaiseTheSrmBannerAndTheGuideSaysStop() throws Exception {
        String key = "srm-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/experiments", ExperimentApiIntegrationTests.design(key));
        try (Browser browser = Browser.start()) {
            Page page = browser.page("en-US");
            signIn(page);
            page.navigate(base() + "/experiments/" + key + "?lang=en");
            assertThat(page.isVisible("#srm-warning")).isFalse();
            page.fill("#manual tbody tr:nth-child(1) input[name=users]", "1000");
            page.fill("#manual tbody tr:nth-child(1) input[name=sum]", "100");
            page.fill("#manual tbody tr:nth-child(2) input[name=users]", "1200");
            page.fill("#manual tbody tr:nth-child(2) input[name=sum]", "130");
            page.click("#manual button[type=submit]");
            assertThat(page.textContent("#srm-warning")).contains("Sample ratio mismatch");
            assertThat(page.getAttribute("#decision-guide", "data-verdict")).isEqualTo("STOP");
            assertThat(page.textContent("#decision-guide")).contains("split is broken");
            assertThat(page.textContent("#manual-results tr[data-variant=in-use] [data-field=pValue]")).isNotBlank();
            assertThat(page.inputValue("#manual tbody tr:nth-child(2) input[name=users]")).as("the typed numbers stay").isEqualTo("1200");
            screenshot(page, "experiment-srm-en.png");

            page.navigate(base() + "/experiments?status=draft");
            assertThat(page.textContent("main table")).contains(key);
            page.navigate(base() + "/experiments/calculator?metricType=binomial&baselineMean=0.05&liftPercent=10&dailyUsers=5000");
            var plan = api().post("/api/v1/experiments/sample-size", Map.of("metricType", "binomial", "baselineMean", 0.05,
                    "relativeLift", 0.1, "dailyUsers", 5000)).json();
            assertThat(page.textContent("#plan [data-field=days]").trim()).isEqualTo(plan.get("days").asText());
        }
    }

    @Test
    void theNewExperimentFormTakesCoverageTargetingAndTheCupedLookBack() throws Exception {
        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            signIn(page);
            page.navigate(base() + "/experiments/new?lang=zh-CN");
            page.fill("#key", "city-banner");
            page.fill("#name", "城市横幅");
            page.fill("#hypothesis", "本地化横幅提高下单率");
            page.selectOption("#primaryMetric", "orders");
            page.fill("#coverage", "50");
            page.fill("#targeting", "city=上海,杭州；plan=vip");
            page.fill("#prePeriodDays", "7");
            page.click("#new-experiment button[type=submit]");
            page.waitForURL(url -> url.endsWith("/experiments/city-banner"));
            assertThat(page.textContent("#audience [data-field=coverage]")).isEqualTo("50%");
            assertThat(page.textContent("#audience")).contains("上海, 杭州");
            assertThat(page.textContent("#audience [data-field=prePeriodDays]")).isEqualTo("7");
        }
        var created = api().get("/api/v1/experiments/city-banner").json();
        assertThat(created.get("coverage").asDouble()).isEqualTo(0.5);
        assertThat(created.get("targeting").get("city").toString()).isEqualTo("[\"上海\",\"杭州\"]");
        assertThat(created.get("targeting").get("plan").get(0).asText()).isEqualTo("vip");
        assertThat(created.get("prePeriodDays").asInt()).isEqualTo(7);
    }

    @Test
    void theJavaScriptHelperGetsTheSameVariantAsTheApi() throws Exception {
        String key = "js-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/experiments", ExperimentApiIntegrationTests.design(key));
        api().post("/api/v1/experiments/" + key + "/start", Map.of());
        String expected = api().get("/api/v1/experiments/" + key + "/assignment?userId=visitor-42&expose=false").json().get("variant").asText();
        try (Browser browser = Browser.start()) {
            Page page = browser.page("zh-CN");
            page.navigate(base() + "/login");
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl(base() + "/js/marketops-experiments.js"));
            Object variant = page.evaluate("([key, token]) => MarketOpsExperiments.init({token: token, userId: 'visitor-42'})"
                    + ".assign(key).then(a => a.variant)", java.util.List.of(key, ws.token()));
            assertThat(variant).isEqualTo(expected);
            Object shown = page.evaluate("""
                    ([key]) => {
                      document.body.insertAdjacentHTML('beforeend',
                        '<div data-mo-experiment="' + key + '" data-mo-variant="control" hidden>A</div>' +
                        '<div data-mo-experiment="' + key + '" data-mo-variant="in-use" hidden>B</div>');
                      return MarketOpsExperiments.apply().then(() => Array.from(document.querySelectorAll('[data-mo-experiment]'))
                        .filter(e => !e.hidden).map(e => e.getAttribute('data-mo-variant')));
                    }""", java.util.List.of(key));
            assertThat(shown).isEqualTo(java.util.List.of(expected));
            Object failed = page.evaluate("() => MarketOpsExperiments.init({token: 'wrong'}).assign('nope').then(a => a.variant === null && !!a.error)");
            assertThat(failed).as("errors never break the page").isEqualTo(true);
        }
        assertThat(api().get("/api/v1/experiments/" + key + "/exposures").json().get("total").asLong()).isEqualTo(1);
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve(name)).setFullPage(true));
    }
}
