/** What every web adapter of the listing service shares: refusals as problem+json, the internal-caller check. */
package com.dbay.listing.web;
