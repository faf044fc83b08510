package io.marketops.demo;

/** The demo brand's products, pages and geography. All arrays are fixed, so order is deterministic. */
final class Catalog {
    private Catalog() {
    }

    static final String ORIGIN = "https://www.demobrand.cn";

    record Product(String sku, String name, long priceCents, double weight) {
    }

    static final Product[] PRODUCTS = {
            new Product("sku-01", "修护精华液", 32_900, 14),
            new Product("sku-02", "玻尿酸保湿面霜", 26_800, 12),
            new Product("sku-03", "氨基酸洁面乳", 8_900, 14),
            new Product("sku-04", "烟酰胺亮肤面膜", 12_900, 11),
            new Product("sku-05", "轻薄防晒乳", 15_900, 10),
            new Product("sku-06", "丝绒哑光口红", 19_900, 8),
            new Product("sku-07", "眼部紧致精华", 23_900, 6),
            new Product("sku-08", "舒缓爽肤水", 13_900, 9),
            new Product("sku-09", "护肤体验套装", 59_900, 4),
            new Product("sku-10", "温和卸妆油", 11_900, 6),
            new Product("sku-11", "香氛身体乳", 9_900, 4),
            new Product("sku-12", "精华面霜礼盒", 54_900, 2),
    };
    static final double[] PRODUCT_WEIGHTS;
    /** Properties of a product page view and of add_to_cart, built once. */
    static final String[] PRODUCT_PAGE_PROPERTIES = new String[PRODUCTS.length];
    static final String[] ADD_TO_CART_PROPERTIES = new String[PRODUCTS.length];
    static final String[] PRODUCT_PATHS = new String[PRODUCTS.length];

    static {
        double[] w = new double[PRODUCTS.length];
        for (int i = 0; i < PRODUCTS.length; i++) {
            Product p = PRODUCTS[i];
            w[i] = p.weight();
            PRODUCT_PATHS[i] = "/product/" + p.sku();
            PRODUCT_PAGE_PROPERTIES[i] = Json.object().put("title", p.name()).put("sku", p.sku()).build();
            ADD_TO_CART_PROPERTIES[i] = Json.object().put("sku", p.sku()).put("name", p.name())
                    .putCents("price", p.priceCents()).put("quantity", 1).build();
        }
        PRODUCT_WEIGHTS = Rng.cumulative(w);
    }

    /** A page other than a product page: event name, path and the properties of its view. */
    record Page(String name, String path, String properties) {
        static Page of(String name, String path, String title) {
            return new Page(name, path, Json.object().put("title", title).build());
        }
    }

    static final Page HOME = Page.of("home", "/", "首页");
    static final Page CATEGORY_SKINCARE = Page.of("category", "/category/skincare", "护肤");
    static final Page CATEGORY_MAKEUP = Page.of("category", "/category/makeup", "彩妆");
    static final Page SEARCH = Page.of("search", "/search", "搜索");
    static final Page PROMO_618 = Page.of("promo", "/promo/618", "618年中大促");
    static final Page PROMO_DOUBLE_11 = Page.of("promo", "/promo/double11", "双11狂欢");
    static final Page PROMO_NEW = Page.of("promo", "/promo/new-arrivals", "新品上市");
    static final Page CART = Page.of("cart", "/cart", "购物车");
    static final Page SIGN_UP = Page.of("sign_up", "/account/sign-up", "注册");
    static final Page CHECKOUT = Page.of("checkout", "/checkout", "结算");
    static final Page ORDER_COMPLETE = Page.of("order_complete", "/checkout/complete", "支付成功");
    static final Page ACCOUNT = Page.of("account", "/account", "我的");
    static final String PRODUCT_PAGE = "product";

    static final String[] CLICK_PROPERTIES = {
            Json.object().put("element", "banner").build(),
            Json.object().put("element", "product_card").build(),
            Json.object().put("element", "nav").build(),
            Json.object().put("element", "coupon").build(),
            Json.object().put("element", "review_tab").build(),
    };
    static final double[] CLICK_WEIGHTS = Rng.cumulative(20, 40, 15, 10, 15);

    record City(String region, String city, double weight) {
    }

    static final City[] CITIES = {
            new City("广东", "广州", 5.5), new City("广东", "深圳", 6.0), new City("广东", "东莞", 2.0), new City("广东", "佛山", 1.8),
            new City("浙江", "杭州", 5.0), new City("浙江", "宁波", 2.0), new City("浙江", "温州", 1.5),
            new City("上海", "上海", 7.5), new City("北京", "北京", 6.5),
            new City("江苏", "南京", 3.0), new City("江苏", "苏州", 3.2), new City("江苏", "无锡", 1.5),
            new City("四川", "成都", 4.5), new City("重庆", "重庆", 3.0), new City("湖北", "武汉", 3.5),
            new City("山东", "济南", 1.8), new City("山东", "青岛", 2.0), new City("福建", "厦门", 1.6), new City("福建", "福州", 1.5),
            new City("河南", "郑州", 2.4), new City("湖南", "长沙", 2.6), new City("陕西", "西安", 2.5),
            new City("天津", "天津", 2.0), new City("辽宁", "沈阳", 1.4), new City("辽宁", "大连", 1.2),
            new City("安徽", "合肥", 1.8), new City("河北", "石家庄", 1.2), new City("云南", "昆明", 1.3),
            new City("广西", "南宁", 1.1), new City("江西", "南昌", 1.2),
    };
    static final double[] CITY_WEIGHTS;

    static {
        double[] w = new double[CITIES.length];
        for (int i = 0; i < CITIES.length; i++) w[i] = CITIES[i].weight();
        CITY_WEIGHTS = Rng.cumulative(w);
    }

    static final String[] GENDERS = {"female", "male", "unknown"};
    static final double[] GENDER_WEIGHTS = Rng.cumulative(78, 20, 2);
    static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55+"};
    static final double[] AGE_WEIGHTS = Rng.cumulative(30, 42, 18, 7, 3);

    /** Sessions by local hour: quiet at night, a lunch bump, the evening peak Chinese shoppers are known for. */
    static final double[] WEEKDAY_HOURS = Rng.cumulative(
            2.0, 1.0, 0.6, 0.4, 0.4, 0.6, 1.5, 3.0, 4.0, 4.5, 4.8, 5.0,
            6.2, 5.8, 4.8, 4.6, 4.6, 4.8, 5.2, 6.0, 7.5, 8.5, 8.0, 5.0);
    static final double[] WEEKEND_HOURS = Rng.cumulative(
            3.0, 1.8, 1.0, 0.6, 0.4, 0.5, 0.8, 1.5, 2.8, 4.2, 5.2, 5.6,
            5.8, 5.6, 5.5, 5.4, 5.2, 5.2, 5.4, 6.0, 7.2, 8.0, 7.5, 5.2);
}
