package com.dbay.platform.starter.opensearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url e.g. {@code http://127.0.0.1:9200} ({@code DBAY_OPENSEARCH_URL})
 * @param username basic-auth user, if the cluster wants one
 * @param password basic-auth password
 */
@ConfigurationProperties("dbay.opensearch")
public record OpenSearchProperties(String url, String username, String password) {}
