/** HTTP adapter of saved searches: the owner's CRUD and the indexer's internal match report. */
package com.dbay.search.saved.web;
