package com.dbay.platform.starter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web defaults of every service.
 *
 * @param maxBodySize request bodies above this are refused with 413 before any handler runs ({@code
 *     DBAY_WEB_MAXBODYSIZE}); services that accept uploads raise it for themselves
 */
@ConfigurationProperties("dbay.web")
public record DbayWebProperties(@DefaultValue("1MB") DataSize maxBodySize) {}
