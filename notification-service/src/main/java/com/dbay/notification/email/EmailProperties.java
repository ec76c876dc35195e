package com.dbay.notification.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.notification.email.*}.
 *
 * @param endpoint an SES-API server (locally aws-ses-v2-local); empty: AWS SES
 * @param from the sender (an SES-verified identity in AWS)
 * @param webUrl the web app's address, for the links in the mails
 * @param batchWindow a user's notifications wait this long after the first of a burst and go out
 *     together as one email (ten outbids in a minute: one email)
 * @param pollInterval how often the sender looks for batches that are due
 */
@ConfigurationProperties("dbay.notification.email")
public record EmailProperties(
    @DefaultValue("true") boolean enabled,
    String endpoint,
    String region,
    @DefaultValue("DBay <notifications@dbay.local>") String from,
    @DefaultValue("http://localhost:8000") String webUrl,
    @DefaultValue("60s") Duration batchWindow,
    @DefaultValue("5s") Duration pollInterval) {}
