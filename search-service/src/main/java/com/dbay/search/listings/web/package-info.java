/** HTTP adapter of listing search and suggestions. */
package com.dbay.search.listings.web;
