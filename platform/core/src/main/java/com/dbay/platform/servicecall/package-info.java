/**
 * Service-to-service authentication: which part is calling, proven by an HMAC per caller
 * (Spring-free, usable from Lambda handlers).
 */
package com.dbay.platform.servicecall;
