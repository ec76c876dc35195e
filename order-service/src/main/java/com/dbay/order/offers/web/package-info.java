/** Best Offer over HTTP: the buyer's offers and the seller's answers. */
package com.dbay.order.offers.web;
