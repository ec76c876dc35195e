/** Public questions to a listing's seller, and the seller's answers. */
package com.dbay.listing.question;
