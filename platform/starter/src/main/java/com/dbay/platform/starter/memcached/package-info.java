/**
 * A Memcached client (xmemcached) and its health indicator, for services that cache in Memcached.
 */
package com.dbay.platform.starter.memcached;
