package com.dbay.lambda.localruntime.s3;

import java.time.Instant;
import java.util.List;

/** Lists a bucket's objects. */
public interface ObjectLister {

  record StoredObject(String key, String etag, long size, Instant lastModified) {}

  List<StoredObject> list(String bucket);
}
