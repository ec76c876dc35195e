package com.dbay.lambda.imageprocessor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives the bucket's object-created notifications and asks for the variants of every original
 * photo. Variants are written under {@code variants/}, which this handler skips so that its own
 * output never triggers it again.
 */
public class ImageProcessorHandler implements RequestHandler<S3Event, List<String>> {

  static final String ORIGINALS_PREFIX = "listings/";

  private volatile ImageVariants variants;

  /**
   * Used by the Lambda runtime (and the local one): adapters from the environment, built on first
   * use.
   */
  public ImageProcessorHandler() {
    this.variants = null;
  }

  public ImageProcessorHandler(ImageVariants variants) {
    this.variants = variants;
  }

  /**
   * @return the keys of the originals it processed
   */
  @Override
  public List<String> handleRequest(S3Event event, Context context) {
    if (variants == null) {
      synchronized (this) {
        if (variants == null) {
          variants = ImageVariants.fromEnvironment();
        }
      }
    }
    List<String> processed = new ArrayList<>();
    for (S3EventNotificationRecord record : event.getRecords()) {
      if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")) {
        continue;
      }
      String key = record.getS3().getObject().getUrlDecodedKey();
      if (!key.startsWith(ORIGINALS_PREFIX)) {
        continue;
      }
      variants.create(record.getS3().getBucket().getName(), key);
      processed.add(key);
    }
    return processed;
  }
}
