/** Rate limits shared by every instance of a part: a token bucket kept in Redis. */
package com.dbay.platform.ratelimit;
