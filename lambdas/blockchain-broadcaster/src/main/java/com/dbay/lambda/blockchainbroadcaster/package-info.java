/** blockchain-broadcaster: sends a signed withdrawal transaction and reports its confirmations. */
package com.dbay.lambda.blockchainbroadcaster;
