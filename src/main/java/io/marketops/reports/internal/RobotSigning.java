package io.marketops.reports.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The signing (加签) schemes of the group robots, as their documentation specifies them.
 * DingTalk: HMAC-SHA256 keyed with the secret over "{timestamp in ms}\n{secret}", Base64, URL-encoded into
 * {@code &timestamp=…&sign=…}. Feishu: HMAC-SHA256 keyed with "{timestamp in s}\n{secret}" over empty data, Base64, sent
 * in the body as {@code timestamp} and {@code sign}. WeCom robots do not sign; the key in the address is the secret.
 */
final class RobotSigning {
    private RobotSigning() {
    }

    static String dingtalk(String secret, long timestampMillis) {
        String sign = Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        return URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    static String feishu(String secret, long timestampSeconds) {
        return Base64.getEncoder().encodeToString(hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
