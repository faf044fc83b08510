package io.marketops.imports.internal;

import io.marketops.imports.ImportKind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of each import kind with the header texts that suggest them (Chinese platform
 * exports and English ones). Synonyms are compared after {@link Headers#normalize(String)}.
 */
final class Fields {
    static final String IGNORE = "ignore";
    /** Customers only: the column becomes a trait named after its header. */
    static final String TRAIT = "trait";

    record Field(String id, boolean required, List<String> synonyms) {
    }

    private static Field req(String id, String... synonyms) {
        return new Field(id, true, List.of(synonyms));
    }

    private static Field opt(String id, String... synonyms) {
        return new Field(id, false, List.of(synonyms));
    }

    private static final Map<ImportKind, List<Field>> FIELDS = Map.of(
            ImportKind.AD_COSTS, List.of(
                    req("date", "日期", "时间", "数据日期", "统计日期", "报表日期", "投放日期", "date", "day", "reportdate", "stat_date"),
                    req("channel", "渠道", "媒体", "投放平台", "广告平台", "平台", "channel", "platform", "media", "source", "publisher"),
                    req("campaign", "广告计划", "计划", "计划名称", "广告计划名称", "推广计划", "推广计划名称", "广告系列", "campaign", "campaignname"),
                    opt("ad_group", "广告组", "广告组名称", "推广单元", "单元", "单元名称", "广告单元", "adgroup", "adgroupname", "adset", "adsetname"),
                    opt("impressions", "展现", "展现量", "展现数", "展示", "展示量", "展示数", "展示次数", "曝光", "曝光量", "曝光数", "曝光次数", "impressions", "impr", "impression"),
                    opt("clicks", "点击", "点击量", "点击数", "点击次数", "clicks", "click"),
                    req("cost", "花费", "消耗", "消费", "总花费", "总消耗", "消耗金额", "花费金额", "cost", "spend", "amountspent", "totalcost"),
                    opt("currency", "币种", "货币", "currency"),
                    opt("conversions", "转化", "转化数", "转化量", "转化次数", "conversions", "conv", "results"),
                    opt("conversion_value", "转化金额", "转化价值", "转化收入", "成交金额", "conversionvalue", "convvalue", "revenue", "purchasevalue")),
            ImportKind.ORDERS, List.of(
                    req("order_id", "订单号", "订单编号", "订单id", "主订单编号", "主订单号", "订单", "orderid", "orderno", "ordernumber", "invoiceno", "invoice", "invoiceid"),
                    opt("customer_id", "客户id", "用户id", "买家id", "会员id", "客户编号", "会员编号", "买家会员名", "买家账号", "customerid", "userid", "buyerid", "memberid"),
                    req("order_time", "下单时间", "订单创建时间", "创建时间", "付款时间", "支付时间", "成交时间", "订单时间", "ordertime", "orderdate", "createdat", "invoicedate", "paidat", "purchasedate"),
                    opt("amount", "实付金额", "支付金额", "实收金额", "买家实际支付金额", "订单金额", "实付款", "金额", "amount", "total", "orderamount", "paidamount", "ordertotal"),
                    opt("unit_price", "单价", "商品单价", "价格", "unitprice", "price"),
                    opt("items", "数量", "商品数量", "购买数量", "件数", "quantity", "qty", "items"),
                    opt("currency", "币种", "货币", "currency"),
                    opt("status", "订单状态", "交易状态", "状态", "status", "orderstatus"),
                    opt("channel", "渠道", "店铺", "店铺名称", "销售渠道", "平台", "channel", "store", "shop", "platform"),
                    opt("campaign", "活动", "活动名称", "推广活动", "campaign", "utmcampaign"),
                    opt("coupon", "优惠券", "优惠券码", "券码", "coupon", "couponcode", "voucher")),
            ImportKind.CUSTOMERS, List.of(
                    req("customer_id", "客户id", "用户id", "会员id", "客户编号", "会员编号", "会员卡号", "customerid", "userid", "memberid", "id"),
                    opt("name", "姓名", "客户姓名", "会员姓名", "名字", "name", "fullname", "customername"),
                    opt("phone", "手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile", "tel", "phonenumber"),
                    opt("email", "邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"),
                    opt("wechat_openid", "openid", "微信openid", "wechatopenid"),
                    opt("wechat_unionid", "unionid", "微信unionid", "wechatunionid"),
                    opt("first_seen", "注册时间", "注册日期", "首次访问时间", "入会时间", "firstseen", "registeredat", "signupdate", "createdat"),
                    opt("acquisition_channel", "来源渠道", "注册渠道", "获客渠道", "来源", "渠道", "acquisitionchannel", "source", "channel"),
                    opt("city", "城市", "所在城市", "city"),
                    opt("gender", "性别", "gender", "sex"),
                    opt("age_band", "年龄段", "年龄", "agegroup", "ageband", "age"),
                    opt("tier", "会员等级", "会员级别", "等级", "tier", "level", "membershiplevel"),
                    opt("consent_sms", "短信订阅", "短信营销同意", "短信授权", "接收短信", "smsconsent", "consentsms", "smsoptin"),
                    opt("consent_email", "邮件订阅", "邮件营销同意", "接收邮件", "emailconsent", "consentemail", "emailoptin"),
                    opt("consent_wechat", "微信订阅", "微信授权", "wechatconsent", "consentwechat"),
                    opt("consent_phone", "电话营销同意", "接收电话", "phoneconsent", "consentphone")),
            ImportKind.CONTENT_METRICS, List.of(
                    req("post_id", "作品id", "笔记id", "内容id", "文章id", "视频id", "作品编号", "postid", "contentid", "noteid", "videoid", "itemid"),
                    req("platform", "平台", "渠道", "发布平台", "platform", "channel"),
                    req("date", "日期", "统计日期", "数据日期", "date", "day"),
                    opt("title", "标题", "作品标题", "笔记标题", "作品名称", "title"),
                    opt("reads", "阅读", "阅读量", "阅读数", "播放", "播放量", "播放数", "观看次数", "浏览量", "reads", "views", "plays"),
                    opt("likes", "点赞", "点赞数", "点赞量", "likes"),
                    opt("comments", "评论", "评论数", "评论量", "comments"),
                    opt("shares", "分享", "分享数", "转发", "转发数", "shares"),
                    opt("saves", "收藏", "收藏数", "收藏量", "saves", "favorites", "collects"),
                    opt("completion_rate", "完播率", "完读率", "完成率", "completionrate"),
                    opt("followers_gained", "涨粉", "涨粉数", "新增粉丝", "新增粉丝数", "粉丝增量", "followersgained", "newfollowers")));

    private Fields() {
    }

    static List<Field> of(ImportKind kind) {
        return FIELDS.get(kind);
    }

    static Optional<Field> find(ImportKind kind, String id) {
        return of(kind).stream().filter(f -> f.id().equals(id)).findFirst();
    }

    static List<String> ids(ImportKind kind) {
        return of(kind).stream().map(Field::id).toList();
    }
}
