/** search-indexer: listing events from the bus → the listing search index. */
package com.dbay.lambda.searchindexer;
