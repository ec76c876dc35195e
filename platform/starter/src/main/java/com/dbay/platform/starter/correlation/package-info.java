/** One id per request, carried from the edge into the logs and back in the response. */
package com.dbay.platform.starter.correlation;
