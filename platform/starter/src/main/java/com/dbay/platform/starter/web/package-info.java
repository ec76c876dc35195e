/** RFC 9457 problem responses for every failure a client can cause, and the request-size limit. */
package com.dbay.platform.starter.web;
