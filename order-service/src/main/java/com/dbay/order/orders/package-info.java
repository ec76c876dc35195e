/**
 * Orders: created from an auction win (the winner's hold already turned into escrow), read by their
 * buyer, their seller or an admin. The full order lifecycle (shipping, completion, disputes) comes
 * with the orders issue.
 */
package com.dbay.order.orders;
