package com.dbay.lambda.imageprocessor;

/** Makes the display variants of one uploaded photo (or refuses it). */
public interface ImageVariants {

  void create(String bucket, String key);

  /**
   * The function's adapters from its environment: the store ({@code DBAY_S3_ENDPOINT} empty in AWS,
   * {@code DBAY_S3_ACCESS_KEY}/{@code _SECRET_KEY}, {@code DBAY_S3_REGION}) and listing-service
   * ({@code DBAY_LISTING_URL}; calls signed with the key of {@code image-processor} from {@code
   * DBAY_SERVICE_KEYS_FILE}).
   */
  static ImageVariants fromEnvironment() {
    PhotoStorage storage =
        S3PhotoStorage.of(
            env("DBAY_S3_ENDPOINT", ""),
            env("DBAY_S3_REGION", "us-east-1"),
            env("DBAY_S3_ACCESS_KEY", ""),
            env("DBAY_S3_SECRET_KEY", ""));
    PhotoResults results =
        new HttpPhotoResults(
            env("DBAY_LISTING_URL", "http://127.0.0.1:8001"),
            com.dbay.platform.servicecall.ServiceCallSigner.fromEnvironment(
                HttpPhotoResults.CALLER));
    return new PhotoProcessor(storage, results, PhotoLimits.defaults());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
