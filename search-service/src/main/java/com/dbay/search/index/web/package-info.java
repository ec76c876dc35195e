/** HTTP adapter of the index rebuild (internal, for ./dbay reindex). */
package com.dbay.search.index.web;
