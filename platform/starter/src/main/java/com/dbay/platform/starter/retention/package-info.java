/** Forgetting rows past their retention: idempotency keys, processed event ids. */
package com.dbay.platform.starter.retention;
