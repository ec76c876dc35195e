/** Internal (service-to-service) endpoints of closing; never routed by the public gateway. */
package com.dbay.auction.closing.web;
