/**
 * auction-closer: closes auctions whose end has passed; settles a closed auction for
 * AuctionCloseWorkflow.
 */
package com.dbay.lambda.auctioncloser;
