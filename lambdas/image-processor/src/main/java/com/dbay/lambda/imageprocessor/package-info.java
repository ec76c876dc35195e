/** image-processor: S3 object-created notifications for listing photos → display variants. */
package com.dbay.lambda.imageprocessor;
