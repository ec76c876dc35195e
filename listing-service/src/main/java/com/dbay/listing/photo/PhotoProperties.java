package com.dbay.listing.photo;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The object store and the photo rules.
 *
 * @param endpoint an S3-compatible endpoint (s3proxy locally); empty: AWS S3 of {@code region}
 * @param createBucket create the bucket at start-up when it is missing (local stores; in AWS CDK
 *     creates it)
 * @param maxBytes largest upload accepted (the presigned URL signs the declared length;
 *     image-processor checks again)
 * @param variantSizes the longest side, in pixels, of each variant image-processor writes
 */
@ConfigurationProperties("dbay.listing.photos")
public record PhotoProperties(
    @DefaultValue("") String endpoint,
    @DefaultValue("dbay-images") String bucket,
    @DefaultValue("us-east-1") String region,
    @DefaultValue("") String accessKey,
    @DefaultValue("") String secretKey,
    @DefaultValue("true") boolean createBucket,
    @DefaultValue("12") int maxPerListing,
    @DefaultValue("10MB") DataSize maxBytes,
    @DefaultValue("15m") Duration uploadUrlValidity,
    @DefaultValue({"96", "300", "800"}) List<Integer> variantSizes) {

  public static final List<String> CONTENT_TYPES = List.of("image/jpeg", "image/png", "image/webp");
}
