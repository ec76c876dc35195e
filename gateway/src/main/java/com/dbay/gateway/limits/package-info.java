/** Rate limits in Redis per user and per IP, body size limits, and the 429 Retry-After header. */
package com.dbay.gateway.limits;
