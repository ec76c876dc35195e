package com.dbay.lambda.imageprocessor;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bucket for the processor's unit tests; listing-service's PhotoUploadIT runs it against
 * s3proxy.
 */
class InMemoryStorage implements PhotoStorage {

  final Map<String, byte[]> objects = new TreeMap<>();

  @Override
  public long size(String bucket, String key) {
    byte[] b = objects.get(bucket + "/" + key);
    return b == null ? -1 : b.length;
  }

  @Override
  public byte[] read(String bucket, String key, long limit) {
    byte[] b = objects.get(bucket + "/" + key);
    return Arrays.copyOf(b, (int) Math.min(b.length, limit));
  }

  @Override
  public void write(String bucket, String key, String contentType, byte[] bytes) {
    objects.put(bucket + "/" + key, bytes);
  }

  @Override
  public void delete(String bucket, String key) {
    objects.remove(bucket + "/" + key);
  }
}
