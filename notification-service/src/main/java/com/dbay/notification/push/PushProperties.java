package com.dbay.notification.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dbay.notification.push.*}.
 *
 * @param enabled whether {@link PushSender} runs (subscriptions are accepted either way)
 * @param subject the VAPID contact (RFC 8292 {@code sub}: a mailto: or https: URL) push services
 *     may use to reach the operator
 * @param allowHttp whether subscriptions may name plain-http endpoints (real push services are all
 *     https; a local receiver in tests and journeys is http). Off in production.
 * @param allowedHosts the push services a subscription may name (a host or a parent domain, e.g.
 *     {@code fcm.googleapis.com}); empty allows any host. Set in production, so the service never
 *     posts to an address a user chose inside the network (the AWS stack lists the browsers' push
 *     services).
 * @param pollInterval how often the sender looks for pushes to deliver
 * @param ttl how long a push service may keep a push for an offline browser (the TTL header)
 * @param maxAttempts a push that failed this many times (not 404/410) is given up
 * @param timeout connect and answer timeout of one call to a push service
 */
@ConfigurationProperties("dbay.notification.push")
public record PushProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("mailto:notifications@dbay.local") String subject,
    @DefaultValue("true") boolean allowHttp,
    @DefaultValue("") java.util.List<String> allowedHosts,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("24h") Duration ttl,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("10s") Duration timeout) {}
