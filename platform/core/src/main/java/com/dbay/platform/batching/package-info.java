/**
 * Group commit: requests for one key that arrive together are handled as one batch by one of their
 * callers.
 */
package com.dbay.platform.batching;
