/**
 * Best Offer (#14): a buyer's offer on a fixed-price listing, held in the wallet until answered.
 */
package com.dbay.order.offers;
