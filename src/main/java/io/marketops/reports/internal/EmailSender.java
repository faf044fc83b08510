package io.marketops.reports.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.util.Properties;

/**
 * Sends a report by e-mail over the workspace's own SMTP server: the report as the HTML body (without chart images,
 * which mail clients block as data URIs) with the PDF (charts included) and the XLSX attached.
 */
@Component
class EmailSender {
    private final ReportsProperties properties;

    EmailSender(ReportsProperties properties) {
        this.properties = properties;
    }

    record Mail(String to, String subject, String html, String fileName, byte[] pdf, byte[] xlsx) {
    }

    void send(MailSettings settings, Mail mail) throws MessagingException {
        JavaMailSenderImpl sender = sender(settings);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(message, true, "UTF-8");
        h.setFrom(settings.fromAddress());
        h.setTo(mail.to());
        h.setSubject(mail.subject());
        h.setText(mail.html(), true);
        h.addAttachment(mail.fileName() + ".pdf", new ByteArrayResource(mail.pdf()), "application/pdf");
        h.addAttachment(mail.fileName() + ".xlsx", new ByteArrayResource(mail.xlsx()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        sender.send(message);
    }

    /** A message with an HTML body and no attachments (anomaly alerts). */
    void sendHtml(MailSettings settings, String to, String subject, String html) throws MessagingException {
        JavaMailSenderImpl sender = sender(settings);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper h = new MimeMessageHelper(message, false, "UTF-8");
        h.setFrom(settings.fromAddress());
        h.setTo(to);
        h.setSubject(subject);
        h.setText(html, true);
        sender.send(message);
    }

    private JavaMailSenderImpl sender(MailSettings s) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(s.host());
        sender.setPort(s.port());
        sender.setDefaultEncoding("UTF-8");
        Properties p = sender.getJavaMailProperties();
        if (s.username() != null) {
            sender.setUsername(s.username());
            sender.setPassword(s.password());
            p.put("mail.smtp.auth", "true");
        }
        p.put("mail.smtp.starttls.enable", String.valueOf(s.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(s.starttls()));
        p.put("mail.smtp.ssl.enable", String.valueOf(s.ssl()));
        String millis = String.valueOf(properties.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        return sender;
    }
}
