package io.marketops.reports.internal;

/**
 * A workspace's SMTP server for report e-mails. The password is write-only: answers say only whether one is set.
 *
 * @param starttls upgrade a plain connection with STARTTLS (port 587); {@code ssl} connects with TLS from the start (port 465)
 */
public record MailSettings(String host, int port, String username, String password, String fromAddress, boolean starttls, boolean ssl) {

    /** What the API and page show. */
    public record View(String host, int port, String username, String fromAddress, boolean starttls, boolean ssl, boolean passwordSet) {
    }

    public View view() {
        return new View(host, port, username, fromAddress, starttls, ssl, password != null && !password.isEmpty());
    }
}
