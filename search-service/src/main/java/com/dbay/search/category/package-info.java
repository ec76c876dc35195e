/** Category names for the category facet, from listing-service's tree, cached. */
package com.dbay.search.category;
