package com.dbay.lambda.imageprocessor;

/** The image bucket as image-processor uses it. */
public interface PhotoStorage {

  /** The object's size in bytes, or -1 when it does not exist (any more). */
  long size(String bucket, String key);

  /** At most {@code limit} bytes of the object. */
  byte[] read(String bucket, String key, long limit);

  void write(String bucket, String key, String contentType, byte[] bytes);

  void delete(String bucket, String key);
}
