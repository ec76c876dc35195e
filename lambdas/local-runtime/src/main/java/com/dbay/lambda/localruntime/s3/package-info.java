/**
 * Object-created notifications from the local S3-compatible store, delivered to image-processor.
 */
package com.dbay.lambda.localruntime.s3;
