/**
 * What every feature of the listing service shares: its refusals (the platform's DomainException)
 * and field errors.
 */
package com.dbay.listing.shared;
