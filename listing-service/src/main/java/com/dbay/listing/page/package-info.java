/**
 * The listing as buyers and sellers see it: its page, "my listings" and the watchlist, put together
 * from the listing, photo, question and watch features (which do not know each other's web side).
 */
package com.dbay.listing.page;
