/**
 * Disputes over orders (#14): opened by the buyer within 30 days of shipment (the order becomes
 * DISPUTED, its release frozen), answered by the seller within 3 days, evidence from both sides
 * (texts, and images in the object store with their SHA-256), escalated by either side or by
 * DisputeWorkflow's timeout, ruled once by an admin (refund, release, or split by percent) with the
 * escrow moved exactly once. Admin actions are audited in MongoDB.
 */
package com.dbay.order.disputes;
