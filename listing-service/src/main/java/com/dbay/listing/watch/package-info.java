/** Watchlists: users follow listings; the listing shows how many do. */
package com.dbay.listing.watch;
