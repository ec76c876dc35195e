/** What every feature of the listing service shares: the business refusal and field errors. */
package com.dbay.listing.shared;
