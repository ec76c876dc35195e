/** The category tree and each category's item specifics, served from Memcached. */
package com.dbay.listing.category;
