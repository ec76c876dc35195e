/**
 * Listings: the aggregate and its states, drafts, publishing, ending, the event snapshots for
 * search.
 */
package com.dbay.listing.listing;
