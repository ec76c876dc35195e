/** What every web adapter of the listing service shares: the internal-caller check. */
package com.dbay.listing.web;
