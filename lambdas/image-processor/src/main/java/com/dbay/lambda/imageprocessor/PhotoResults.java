package com.dbay.lambda.imageprocessor;

/** Where image-processor reports each photo's outcome: the listing service. */
public interface PhotoResults {

  void ready(String photoId);

  void rejected(String photoId, String reason);
}
